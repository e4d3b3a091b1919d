using System.Text;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Tests.Ingest;

public class UkDataTests
{
    internal static readonly Lazy<UkData> Data = new(() => UkData.Load(TestData.Datasets));
    private static UkData Uk => Data.Value;

    [Fact]
    public void The_division_file_reads_fully()
    {
        // 7 years × 40 ITL2 areas × 88 divisions = 24,640 rows, none empty (reference-data README).
        var t = Uk.BresDivisions;
        Assert.Equal(24_640, t.Account.Read);
        Assert.Equal(24_640, t.Account.Used);
        Assert.Equal(0, t.Account.Rejected + t.Account.Unknown);
        Assert.Equal(88, t.IndustryCode.Distinct().Count());
    }

    [Theory]
    [InlineData(SectorLevel.Section)]
    [InlineData(SectorLevel.Division)]
    [InlineData(SectorLevel.Group)]
    [InlineData(SectorLevel.Class)]
    [InlineData(SectorLevel.Subclass)]
    public void Wmca_equals_TLG3_and_its_2021_total_is_1_304_965_at_every_level(SectorLevel level)
    {
        // Reference-data README: summed 2021 BRES employment of UKG3 (= WMCA) is 1,304,965; no TLG3 cell is empty,
        // so every level sums the same 729 published subclass cells.
        var wmca = Uk.Geography.Resolve("wmca");
        var tlg3 = Uk.Geography.Resolve("TLG3");
        var p = Uk.BuildEmploymentPanel(new[] { wmca, tlg3 }, level, new[] { 2021 });
        Assert.Equal(Uk.Sic.SectorsAt(level).Count, p.S);
        var m = p[Measure.Employment];
        double total = 0, lo = 0, hi = 0;
        for (int s = 0; s < p.S; s++)
        {
            int a = p.Index(0, s, 0), b = p.Index(1, s, 0);
            Assert.Equal(m.Value[b], m.Value[a]);
            Assert.Equal(m.Upper[b], m.Upper[a]);
            total += m.Value[a];
            lo += m.Lower[a];
            hi += m.Upper[a];
        }
        Assert.Equal(1_304_965, total);
        Assert.True(lo < total && total < hi && double.IsFinite(hi));
        Assert.Equal(Provenance.PublishedStatistics, m.Provenance);
        Assert.Contains("BRES", m.Source);
    }

    [Fact]
    public void A_suppressed_subclass_stays_unknown_and_makes_its_division_partial()
    {
        // The subclass file has an empty cell for 01000 (DEFRA/Scottish Executive agricultural data) in UKM5
        // North Eastern Scotland, 2015. The other division-01 cells of UKM5 in 2015 are 200 (01610), 20 (01621),
        // 15 (01629), 10 (01700) and zeros: known sum 245; lower 187.5 + 17.5 + 12.5 + 7.5 + 0 = 225; upper unbounded.
        var m5 = Uk.Geography.Resolve("TLM5");
        var sub = Uk.BuildEmploymentPanel(new[] { m5 }, SectorLevel.Subclass, new[] { 2015 });
        int i = sub.Index(0, sub.SectorIndex("01000"), 0);
        var e = sub[Measure.Employment];
        Assert.True(double.IsNaN(e.Value[i]) && double.IsNaN(e.Lower[i]) && double.IsNaN(e.Upper[i]));

        var div = Uk.BuildEmploymentPanel(new[] { m5 }, SectorLevel.Division, new[] { 2015, 2018 });
        var d = div[Measure.Employment];
        int j = div.Index(0, div.SectorIndex("01"), div.YearIndex(2015));
        Assert.Equal(245, d.Value[j]);
        Assert.Equal(225, d.Lower[j]);
        Assert.Equal(double.PositiveInfinity, d.Upper[j]);
        // 2018 has no empty cell for UKM5: the division is complete and its upper bound finite.
        Assert.True(double.IsFinite(d.Upper[div.Index(0, div.SectorIndex("01"), div.YearIndex(2018))]));
    }

    [Fact]
    public void Every_cell_lies_in_its_interval_and_only_the_partial_sums_are_unbounded()
    {
        // The 15 empty subclass cells are 01000 in the five Scottish ITL2 areas in 2015–2017, so for Great Britain
        // by section exactly three cells (section A in 2015, 2016, 2017) are partial sums with upper = +∞.
        var p = Uk.BuildEmploymentPanel(new[] { Uk.Geography.GreatBritain }, SectorLevel.Section);
        var e = p[Measure.Employment];
        var unbounded = new List<(string, int)>();
        for (int t = 0; t < p.T; t++)
            for (int s = 0; s < p.S; s++)
            {
                int i = p.Index(0, s, t);
                Assert.True(e.Lower[i] <= e.Value[i] && e.Value[i] <= e.Upper[i]);
                if (double.IsPositiveInfinity(e.Upper[i])) unbounded.Add((p.Sectors[s].Code, p.Years[t]));
            }
        Assert.Equal(new[] { ("A", 2015), ("A", 2016), ("A", 2017) }, unbounded);
    }

    [Fact]
    public void A_bundle_is_appended_and_sums_its_subclasses()
    {
        var wmca = Uk.Geography.Resolve("wmca");
        var bundle = new SectorBundle("automotive", ["29", "30300"]);
        var p = Uk.BuildEmploymentPanel(new[] { wmca }, SectorLevel.Division, new[] { 2021 }, new[] { bundle });
        Assert.Equal(Uk.Sic.SectorsAt(SectorLevel.Division).Count + 1, p.S);
        Assert.True(p.Sectors[^1].IsBundle);
        var sub = Uk.BuildEmploymentPanel(new[] { wmca }, SectorLevel.Subclass, new[] { 2021 });
        var e = sub[Measure.Employment];
        double expected = sub.Sectors.Select((s, k) => (s, k)).Where(x => x.s.Code.StartsWith("29", StringComparison.Ordinal) || x.s.Code == "30300")
            .Sum(x => e.Value[sub.Index(0, x.k, 0)]);
        Assert.Equal(expected, p[Measure.Employment].Value[p.Index(0, p.S - 1, 0)]);
        Assert.True(expected > 0);
    }

    [Fact]
    public void A_region_that_is_not_an_ITL2_union_needs_district_data()
    {
        var birmingham = Uk.Geography.Custom("bham", new[] { "E08000025" });
        var e = Assert.Throws<InputException>(() => Uk.BuildEmploymentPanel(new[] { birmingham }, SectorLevel.Section));
        Assert.Contains("ITL2", e.Message);
        Assert.Contains("--bres", e.Message);
        var ni = Uk.Geography.Resolve("TLN0");
        Assert.Throws<InputException>(() => Uk.BuildEmploymentPanel(new[] { ni }, SectorLevel.Section));
        Assert.Throws<InputException>(() => Uk.BuildEmploymentPanel(new[] { Uk.Geography.Resolve("wmca") }, SectorLevel.Section, new[] { 2010 }));
    }

    [Fact]
    public void Great_Britain_2021_is_31_366_000()
    {
        // Reference-data README: GB 2021 = 31,366,000 (sum of the 5-digit cells, blanks left out; 2021 has none).
        var p = Uk.BuildEmploymentPanel(new[] { Uk.Geography.GreatBritain }, SectorLevel.Section, new[] { 2021 });
        Assert.Equal(31_366_000, p[Measure.Employment].Value.Sum());
    }

    [Fact]
    public void Gva_panel_uses_the_partition_and_never_double_counts()
    {
        var wmca = Uk.Geography.Resolve("wmca");
        var p = Uk.BuildGvaPanel(new[] { wmca }, chainedVolume: false, new[] { 2021 });
        Assert.Equal(72, p.S);
        var g = p[Measure.GvaCurrent];
        // ONS ITL2 table, TLG3 2021: the 72 partition rows sum to 70,962 (published Total 70,961).
        Assert.Equal(70_962, g.Value.Sum());
        Assert.Equal(70_962 - 36, g.Lower.Sum());
        Assert.Equal(70_962 + 36, g.Upper.Sum());
        Assert.Equal(SectorLevel.Division, p.Sectors[p.SectorIndex("29")].Level);
        Assert.Equal(SectorLevel.Section, p.Sectors[p.SectorIndex("D (35)")].Level);
        Assert.Null(p.Sectors[p.SectorIndex("CD-CF (19-21)")].Level);
        Assert.Equal(Uk.GvaItl2(false).Value("TLG3", "29", 2021), g.Value[p.Index(0, p.SectorIndex("29"), 0)]);
    }

    [Fact]
    public void Gva_panel_with_an_ITL3_area_regroups_ITL2_values_onto_the_ITL3_industries()
    {
        var birmingham = Uk.Itl3Regions.Single(r => r.Name == "Birmingham");
        var wmca = Uk.Geography.Resolve("wmca");
        var p = Uk.BuildGvaPanel(new[] { birmingham, wmca }, chainedVolume: false, new[] { 2021 });
        Assert.Equal(48, p.S);
        var g = p[Measure.GvaCurrent];
        double w = 0;
        for (int s = 0; s < p.S; s++) w += g.Value[p.Index(1, s, 0)];
        Assert.Equal(70_962, w); // the same 72 ITL2 cells, regrouped
        int ck = p.SectorIndex("CK-CL (28-30)");
        var t2 = Uk.GvaItl2(false);
        Assert.Equal(t2.Value("TLG3", "CK (28)", 2021) + t2.Value("TLG3", "29", 2021) + t2.Value("TLG3", "30", 2021), g.Value[p.Index(1, ck, 0)]);
        Assert.Equal(Uk.GvaItl3(false).Value(birmingham.Code, "CK-CL (28-30)", 2021), g.Value[p.Index(0, ck, 0)]);
    }

    [Fact]
    public void Gva_industry_of_a_division_supports_productivity()
    {
        Assert.Equal("29", Uk.GvaIndustryOf("29")!.Code);
        Assert.Equal("CI (26)", Uk.GvaIndustryOf("26")!.Code);
        Assert.Equal("CK-CL (28-30)", Uk.GvaIndustryOf("29", itl3: true)!.Code);
        Assert.Null(Uk.GvaIndustryOf("99"));
    }

    [Fact]
    public void Bres_ITL2_names_agree_with_the_geography_lookup()
    {
        // Compared after dropping punctuation and case. BRES (NOMIS, NUTS 2016 labels) covers Great Britain, so it
        // lacks TLN0 Northern Ireland, and NOMIS prints UKL1 with its short name "West Wales" where the ITL lookup
        // (and the ONS GVA tables) say "West Wales and The Valleys": that is the one real difference.
        var bres = Uk.BresSubclasses.GeographyNames;
        var geo = Uk.Geography.OfKind(RegionKind.Itl2).ToDictionary(r => r.Code, r => r.Name);
        Assert.Equal(geo.Keys.Where(k => k != "TLN0").Order(StringComparer.Ordinal), bres.Keys.Order(StringComparer.Ordinal));
        var differ = bres.Where(kv => Norm(kv.Value) != Norm(geo[kv.Key])).Select(kv => kv.Key).ToList();
        Assert.Equal(new[] { "TLL1" }, differ);
        Assert.StartsWith(bres["TLL1"], geo["TLL1"], StringComparison.Ordinal);
        Assert.Equal(Uk.BresDivisions.GeographyNames, bres);
        // The GVA tables use the lookup's names exactly.
        foreach (var (code, name) in Uk.GvaItl2(false).Regions) Assert.Equal(geo[code], name);

        static string Norm(string s) => new string(s.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
    }

    [Theory]
    [InlineData("1051", "Operation of dairies and cheese making")]
    [InlineData("6201", "Computer programming activities")]
    [InlineData("4120", "Construction of residential and non-residential buildings")]
    [InlineData("2030", "Manufacture of paints, varnishes and similar coatings, printing ink and mastics")]
    [InlineData("2562", "Machining")] // a single-subclass class keeps its subclass's name
    public void Class_names_come_from_the_class_names_file(string cls, string name) =>
        Assert.Equal(name, Uk.Sic.NameOf(SectorLevel.Class, cls));

    [Fact]
    public void Every_class_has_a_name()
    {
        foreach (var s in Uk.Sic.SectorsAt(SectorLevel.Class)) Assert.NotEqual(s.Code, s.Name);
    }

    [Fact]
    public void The_Latin1_hierarchy_file_keeps_the_name_of_subclass_22230()
    {
        // sic2007_hierarchy.csv is not valid UTF-8: byte C6 follows "builders" in 22230's name. Decoded as Latin-1
        // that byte is U+00C6; the name is read as published, without an exception.
        var bytes = File.ReadAllBytes(TestData.Uk("sic2007_hierarchy.csv"));
        byte[] published = [.. "builders"u8, 0xC6, .. " ware"u8];
        Assert.True(bytes.AsSpan().IndexOf(published) >= 0);
        var name = Uk.Sic.NameOf(SectorLevel.Subclass, "22230");
        Assert.Equal("Manufacture of builders\u00C6 ware of plastic", name);
        Assert.Equal(Encoding.Latin1.GetString(bytes), TextFiles.Decode(bytes));
    }
}
