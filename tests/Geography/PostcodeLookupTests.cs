using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.IO;

namespace CompeteModel.Tests.Geography;

/// <summary>The shipped postcode → district lookup against published ONS Postcode Directory districts.</summary>
public class PostcodeLookupTests
{
    private static readonly GeographyModel Geo = GeographyReader.Read(TestData.Uk("geography_lad_itl_cityregion.csv"));
    private static readonly Lazy<PostcodeLookup> Lookup = new(() => PostcodeLookup.Read(TestData.Uk("postcode_ranges_lad.csv.gz"), Geo));

    [Fact]
    public void Every_postcode_of_the_onspd_test_set_maps_to_its_published_district()
    {
        // tests/Fixtures/postcodes/onspd_sample_5000.csv.gz: 5,000 ONSPD postcodes with their district (oslaua).
        // The directory and the range table are the same vintage (districts before April 2023), so the
        // documented boundary-vintage differences (a pre-2023 district where a later directory gives its
        // unitary successor) number zero here; the counts below are pinned so that any change shows.
        int rows = 0, agree = 0, crown = 0, noDistrict = 0, vintage = 0;
        var disagree = new List<string>();
        using var csv = CsvReader.Open(TestData.Fixture("postcodes/onspd_sample_5000.csv.gz"));
        var h = csv.ReadHeader();
        int cP = h.Require("pcd"), cL = h.Require("oslaua");
        while (csv.Read())
        {
            rows++;
            string pcd = csv.Fields[cP], published = csv.Fields[cL].Trim();
            var found = Lookup.Value.Find(pcd);
            Assert.NotNull(found); // every postcode of the directory has a valid shape
            switch (found!.Outcome)
            {
                case PostcodeOutcome.District when found.LadCode == published:
                    agree++;
                    Assert.Equal(published, found.Lad!.Code);
                    break;
                case PostcodeOutcome.CrownDependency when found.LadCode == published:
                    crown++;
                    break;
                case PostcodeOutcome.NoDistrict when published.Length == 0:
                    noDistrict++;
                    break;
                default:
                    if (IsSuccessor(found.LadCode, published)) vintage++;
                    else disagree.Add($"{pcd}: published {published}, lookup {found.LadCode} ({found.Outcome})");
                    break;
            }
        }
        Assert.Equal(5_000, rows);
        Assert.Empty(disagree);
        Assert.Equal(4_945, agree);
        Assert.Equal(40, crown);      // Jersey/Guernsey (L99999999) and Isle of Man (M99999999)
        Assert.Equal(15, noDistrict); // terminated or non-geographic postcodes: no district on either side
        Assert.Equal(0, vintage);
    }

    // A pre-2023 district and the 2023 unitary that replaced it lie in the same ITL2 area and city region;
    // such a pair is the only difference the README of the range table allows.
    private static bool IsSuccessor(string? lookupCode, string published) =>
        lookupCode is not null && published.StartsWith("E06", StringComparison.Ordinal) && lookupCode.StartsWith("E07", StringComparison.Ordinal)
        && Geo.TryGetLad(lookupCode, out var old) && Geo.TryGetLad(published, out var successor)
        && old.Itl2Codes.SequenceEqual(successor.Itl2Codes) && old.CityRegionId == successor.CityRegionId;

    [Theory]
    // Range table rows, first to last: "B11AA" starts Birmingham; the last range "YO951BT" is East Riding.
    [InlineData("B1 1AA", "E08000025", "wmca")]
    [InlineData("CV1 5FB", "E08000026", "wmca")]      // Coventry
    [InlineData("M50 1DR", "E08000006", "gmca")]      // Salford (MediaCity)
    [InlineData("SW1A 1AA", "E09000033", "london")]   // Westminster
    [InlineData("YO95 1BT", "E06000011", "heyca")]    // East Riding of Yorkshire
    [InlineData("BD23 1UD", "E07000163", "ynyca")]    // Skipton: Craven, a pre-2023 district of North Yorkshire
    public void Postcodes_give_district_and_city_region(string postcode, string lad, string? cityRegion)
    {
        var d = Lookup.Value.Find(postcode)!;
        Assert.Equal(PostcodeOutcome.District, d.Outcome);
        Assert.Equal(lad, d.LadCode);
        Assert.Equal(cityRegion, d.Lad!.CityRegionId);
    }

    [Fact]
    public void Postcodes_outside_the_directory_are_not_placed_in_a_neighbouring_area()
    {
        Assert.Equal(PostcodeOutcome.CrownDependency, Lookup.Value.Find("JE3 2DU")!.Outcome);
        // No range starts in area "QQ", so the range before it (in another area) must not be used.
        Assert.Equal(PostcodeOutcome.AreaNotInDirectory, Lookup.Value.Find("QQ1 1AA")!.Outcome);
        // Before the first range of the table.
        Assert.Equal(PostcodeOutcome.AreaNotInDirectory, Lookup.Value.Find("A1 1AA")!.Outcome);
        Assert.Null(Lookup.Value.Find("not a postcode"));
        Assert.Equal(66_851, Lookup.Value.Count);
    }

    [Fact]
    public void Unsorted_or_malformed_ranges_are_refused_with_file_and_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pc_ranges_{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(path, "range_start,lad_code\nB11AA,E08000025\nB10AA,E08000025\n");
            var e = Assert.Throws<InputException>(() => PostcodeLookup.Read(path));
            Assert.Equal(3, e.Line);
            Assert.Contains("sorted", e.Message, StringComparison.Ordinal);
            File.WriteAllText(path, "range_start,lad_code\nB1 1AA,E08000025\n");
            Assert.Equal("range_start", Assert.Throws<InputException>(() => PostcodeLookup.Read(path)).Field);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
