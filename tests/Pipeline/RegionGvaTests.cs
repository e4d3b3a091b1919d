using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.Pipeline;

namespace CompeteModel.Tests.Pipeline;

/// <summary>
/// The report's GVA series read the published ONS regional GVA (balanced, current prices, £ million; West Midlands TLG3):
/// division 29 is its own industry (2015: 3,609; 2021: 2,672), division 26 is published as "CI (26)" (2015: 99; 2021: 109).
/// </summary>
public class RegionGvaTests
{
    [Fact]
    public void SeriesAreThePublishedValuesOfTheIndustryHoldingEachDivision()
    {
        var uk = UkData.Load(TestData.Datasets);
        var region = uk.Geography.Resolve("wmca");
        int[] years = [2015, 2016, 2017, 2018, 2019, 2020, 2021];
        var gva = RegionGva.For(uk, region, uk.Sic.SectorsAt(Engine.Sectors.SectorLevel.Division), years)!;
        var motor = gva.Series("29", years);
        Assert.Equal(3609, motor[0]);
        Assert.Equal(2672, motor[^1]);
        Assert.Equal("29", gva.IndustryOf["29"].Code);
        var computers = gva.Series("26", years);
        Assert.Equal(99, computers[0]);
        Assert.Equal(109, computers[^1]);
        Assert.Equal("CI (26)", gva.IndustryOf["26"].Code);
        Assert.Empty(gva.Series("99", years)); // households as employers: not in the regional accounts' industries
    }
}
