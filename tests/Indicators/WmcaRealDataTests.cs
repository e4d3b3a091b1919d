using System.Collections.Immutable;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Indicators;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Sectors;
using CompeteModel.Tests.Ingest;

namespace CompeteModel.Tests.Indicators;

public class WmcaRealDataTests
{
    /// <summary>BRES ITL2 × SIC division, 2015–2021, as a panel with the published rounding intervals.</summary>
    private static readonly Lazy<Panel> Divisions = new(() =>
    {
        var bres = BresReader.Read(TestData.Uk("bres_itl2_sic2_employment_2015_2021.csv.gz"), BresReaderTests.Geo, BresReaderTests.Sic);
        var geo = bres.GeographyCode.Distinct().Order(StringComparer.Ordinal).ToList();
        var div = bres.IndustryCode.Distinct().Order(StringComparer.Ordinal).ToList();
        var years = bres.Years.ToList();
        var regions = geo.Select(g => new Region(g, g, bres.GeographyNames[g], RegionKind.Itl2, ImmutableArray<string>.Empty, ImmutableArray.Create(g))).ToList();
        var sectors = div.Select(d => new Sector(d, d, SectorLevel.Division)).ToList();
        var b = new PanelBuilder(regions, sectors, years);
        b.AddMeasure(Measure.Employment, Provenance.PublishedStatistics, "BRES ITL2 × division");
        for (int i = 0; i < bres.Count; i++)
        {
            if (double.IsNaN(bres.Value[i])) continue;
            b.Add(Measure.Employment, geo.IndexOf(bres.GeographyCode[i]), div.IndexOf(bres.IndustryCode[i]), years.IndexOf(bres.Year[i]),
                bres.Value[i], bres.Lower[i], bres.Upper[i]);
        }
        return b.Build();
    });

    [Fact]
    public void West_Midlands_metal_and_motor_specialisations_stand_out_against_Great_Britain()
    {
        var table = IndicatorSuite.Compute(Divisions.Value, new IndicatorOptions { Year = 2021, BaseYear = 2015, Regions = new[] { "TLG3" } });
        // The West Midlands (= WMCA) is the home of the UK motor industry and the Black Country metal trades:
        // divisions 29 (motor vehicles), 24 (basic metals) and 25 (fabricated metal products) are well above 1.
        foreach (var division in new[] { "29", "24", "25" })
        {
            int row = table.Find("TLG3", division, IndicatorIds.Lq);
            Assert.True(table.Value[row] > 1.5, $"LQ of division {division} is {table.Value[row]}");
            Assert.True(table.Lower[row] > 1.0, $"lower bound of division {division} is {table.Lower[row]}");
            Assert.InRange(table.Value[row], table.Lower[row], table.Upper[row]);
            Assert.Equal(1.0, table.Get("TLG3", division, IndicatorIds.Present));
        }
        // rounding makes every LQ an interval, never a point
        int mining = table.Find("TLG3", "05", IndicatorIds.Lq);
        Assert.True(mining < 0 || double.IsNaN(table.Value[mining]) || table.Upper[mining] > table.Lower[mining]);
        Assert.InRange(table.Get("TLG3", "*", IndicatorIds.Hoover), 0, 1);
    }
}
