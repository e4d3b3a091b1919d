using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Tests.Ingest;

namespace CompeteModel.Tests.Micro;

public class IdbrReaderTests
{
    internal static readonly Lazy<IdbrTable> Idbr =
        new(() => IdbrReader.Read(TestData.Uk("idbr_gb_enterprises_sic5_sizeband_2016_2021.csv.gz"), BresReaderTests.Sic));

    [Fact]
    public void Reads_every_row_of_the_business_counts_file()
    {
        // Source: reference-data README — 45,927 rows = 7 years (2016–2022) × 729 subclasses × 9 size bands.
        var t = Idbr.Value;
        Assert.Equal(45_927, t.Account.Read);
        Assert.Equal(45_927, t.Account.Used);
        Assert.Equal(0, t.Account.Rejected);
        Assert.Equal(new[] { 2016, 2017, 2018, 2019, 2020, 2021, 2022 }, t.Years);
    }

    [Fact]
    public void Motor_vehicle_manufacturers_by_size_band_in_2021()
    {
        // Published UK Business Counts, GB, 2021, subclass 29100 "Manufacture of motor vehicles" (rows of the shipped file):
        // 0–4: 770, 5–9: 100, 10–19: 40, 20–49: 20, 50–99: 20, 100–249: 5, 250–499: 0, 500–999: 5, 1000+: 15 (total 975).
        var t = Idbr.Value;
        Assert.True(BresReaderTests.Sic.TryGetSubclass("29100", out var s));
        var expected = new double[] { 770, 100, 40, 20, 20, 5, 0, 5, 15 };
        for (int b = 0; b < IdbrTable.BandCount; b++) Assert.Equal(expected[b], t.Count(2021, s, b));
        Span<double> shares = stackalloc double[IdbrTable.BandCount];
        Assert.True(t.TryShares(2021, s, shares));
        Assert.Equal(770.0 / 975, shares[0], 12);
        Assert.Equal(15.0 / 975, shares[8], 12);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(4, 0)]
    [InlineData(5, 1)]
    [InlineData(49, 3)]
    [InlineData(50, 4)]
    [InlineData(999, 7)]
    [InlineData(1000, 8)]
    public void Band_of_an_employment_count(double employment, int band) => Assert.Equal(band, IdbrTable.BandOf(employment));

    [Fact]
    public void Nearest_year_maps_2015_to_2016_and_later_years_to_2022()
    {
        Assert.Equal(2016, Idbr.Value.NearestYear(2015));
        Assert.Equal(2022, Idbr.Value.NearestYear(2030));
    }
}
