using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;

namespace CompeteModel.Tests.Geography;

public class GeographyTests
{
    private static readonly GeographyModel Geo = GeographyReader.Read(TestData.Uk("geography_lad_itl_cityregion.csv"));

    [Theory]
    [InlineData("wmca")]
    [InlineData("WMCA")]
    [InlineData("E47000007")]
    [InlineData("West Midlands")]
    public void Wmca_resolves_by_id_code_or_name(string text)
    {
        var r = Geo.Resolve(text);
        Assert.Equal(RegionKind.CityRegion, r.Kind);
        Assert.Equal("E47000007", r.Code);
    }

    [Fact]
    public void Wmca_is_exactly_its_seven_districts_and_equals_TLG3()
    {
        // Source: the reference-data README — the WMCA constituent members are exactly ITL2 TLG3/UKG3.
        var r = Geo.Resolve("wmca");
        Assert.Equal(
            new[] { "Birmingham", "Coventry", "Dudley", "Sandwell", "Solihull", "Walsall", "Wolverhampton" },
            r.LadCodes.Select(c => { Geo.TryGetLad(c, out var l); return l.Name; }).Order());
        Assert.Equal(new[] { "TLG3" }, r.Itl2Codes);
        Assert.Equal(Geo.Resolve("UKG3").LadCodes.Order(), r.LadCodes.Order());
    }

    [Theory]
    [InlineData("gmca", "TLD3")]
    [InlineData("lcrca", "TLD7")]
    [InlineData("wyca", "TLE4")]
    [InlineData("symca", "TLE3")]
    public void City_regions_that_equal_an_ITL2_area(string id, string itl2) =>
        Assert.Equal(new[] { itl2 }, Geo.Resolve(id).Itl2Codes);

    [Fact]
    public void Greater_London_is_TLI3_to_TLI7()
    {
        // Source: reference-data README — Greater London is exactly TLI3–TLI7.
        Assert.Equal(new[] { "TLI3", "TLI4", "TLI5", "TLI6", "TLI7" }, Geo.Resolve("london").Itl2Codes);
    }

    [Theory]
    [InlineData("S12000035", "TLM6", "TLM8")] // Argyll and Bute
    [InlineData("S12000021", "TLM6", "TLM9")] // North Ayrshire
    public void Straddling_Scottish_districts_keep_both_ITL2_areas(string lad, string a, string b)
    {
        Assert.True(Geo.TryGetLad(lad, out var l));
        Assert.True(l.Straddles);
        Assert.Equal(new[] { a, b }, l.Itl2Codes);
        // A region holding a straddling district is not an exact ITL2 union.
        Assert.True(Geo.ExactItl2Union(new[] { lad }).IsEmpty);
    }

    [Fact]
    public void Custom_region_of_districts_and_itl_areas()
    {
        var r = Geo.Custom("Black Country", new[] { "Dudley", "Sandwell", "Walsall", "Wolverhampton" });
        Assert.Equal(4, r.LadCodes.Length);
        Assert.True(r.Itl2Codes.IsEmpty);
        var both = Geo.Custom("Two metros", new[] { "TLG3", "gmca" });
        Assert.Equal(new[] { "TLD3", "TLG3" }, both.Itl2Codes);
    }

    [Fact]
    public void Unknown_region_is_an_input_error_naming_the_option()
    {
        var e = Assert.Throws<InputException>(() => Geo.Resolve("atlantis"));
        Assert.Equal("--region", e.Field);
        Assert.Contains("atlantis", e.Message);
    }
}
