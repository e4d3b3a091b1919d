using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Ingest;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Tests.Ingest;

public class BresReaderTests
{
    internal static readonly GeographyModel Geo = GeographyReader.Read(TestData.Uk("geography_lad_itl_cityregion.csv"));
    internal static readonly SicHierarchy Sic = SicReader.Read(TestData.Uk("sic2007_hierarchy.csv"));
    internal static readonly Lazy<BresTable> Sic5 = new(() => BresReader.Read(TestData.Uk("bres_itl2_sic5_employment_2015_2021.csv.gz"), Geo, Sic));

    [Fact]
    public void Reads_every_row_of_the_subclass_file_and_keeps_15_empty_cells_unknown()
    {
        // Source: reference-data README — 204,120 rows (7 years × 40 ITL2 × 729 subclasses), 15 empty cells.
        var t = Sic5.Value;
        Assert.Equal(204_120, t.Account.Read);
        Assert.Equal(15, t.Account.Unknown);
        Assert.Equal(0, t.Account.Rejected);
        Assert.Equal(15, t.Value.Count(double.IsNaN));
    }

    [Theory]
    [InlineData("TLG3", 1_304_965)] // West Midlands (= WMCA), reference-data README
    [InlineData("TLD3", 1_418_445)] // Greater Manchester, reference-data README
    public void Summed_2021_employment_of_an_ITL2_area(string itl2, double expected)
    {
        var t = Sic5.Value;
        double sum = 0;
        for (int i = 0; i < t.Count; i++)
            if (t.Year[i] == 2021 && t.GeographyCode[i] == itl2 && !double.IsNaN(t.Value[i])) sum += t.Value[i];
        Assert.Equal(expected, sum);
    }

    [Fact]
    public void Summed_2021_employment_of_Great_Britain_is_31_366_000()
    {
        var t = Sic5.Value;
        double sum = 0;
        for (int i = 0; i < t.Count; i++)
            if (t.Year[i] == 2021 && !double.IsNaN(t.Value[i])) sum += t.Value[i];
        Assert.Equal(31_366_000, sum);
    }

    [Theory]
    [InlineData(0, 0, 2)]
    [InlineData(35, 32.5, 37.5)]
    [InlineData(75, 62.5, 87.5)]
    [InlineData(300, 275, 325)]
    [InlineData(5000, 4500, 5500)]
    public void Published_counts_carry_the_relaxed_rounding_interval(double v, double lo, double hi) =>
        Assert.Equal((lo, hi), BresRounding.Interval(v));
}
