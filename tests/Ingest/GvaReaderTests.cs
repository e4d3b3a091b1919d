using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Tests.Ingest;

public class GvaReaderTests
{
    private static readonly SicHierarchy Sic = BresReaderTests.Sic;
    internal static readonly Lazy<GvaTable> CurrentItl2 = new(() => GvaReader.Read(TestData.Uk("ons_gva_current_itl2.csv.gz"), Sic, GvaPriceBasis.CurrentPrices));
    internal static readonly Lazy<GvaTable> CvmItl2 = new(() => GvaReader.Read(TestData.Uk("ons_gva_cvm_itl2.csv.gz"), Sic, GvaPriceBasis.ChainedVolume));
    internal static readonly Lazy<GvaTable> CurrentItl3 = new(() => GvaReader.Read(TestData.Uk("ons_gva_current_itl3.csv.gz"), Sic, GvaPriceBasis.CurrentPrices));

    [Fact]
    public void Reads_every_cell_of_the_ITL2_and_ITL3_tables()
    {
        // ITL2: 41 areas × 96 industry rows = 3,936 rows × 24 years (1998–2021); ITL3: 179 × 64 = 11,456 rows.
        var t2 = CurrentItl2.Value;
        Assert.Equal(3_936L * 24, t2.Account.Read);
        Assert.Equal(t2.Account.Read, t2.Account.Used);
        Assert.Equal(41, t2.Regions.Count);
        Assert.Equal(96, t2.Industries.All.Count);
        Assert.Equal(Enumerable.Range(1998, 24), t2.Years);
        var t3 = CurrentItl3.Value;
        Assert.Equal(11_456L * 24, t3.Account.Read);
        Assert.Equal(0, t3.Account.Rejected + t3.Account.Unknown);
        Assert.Equal(179, t3.Regions.Count);
        Assert.Equal(64, t3.Industries.All.Count);
    }

    [Fact]
    public void Thousands_separators_are_read_as_numbers()
    {
        // File: TLC1,Tees Valley and Durham,Total,All industries,"12,219",... (1998) and 23,668 (2021).
        Assert.Equal(12_219, CurrentItl2.Value.Value("TLC1", "Total", 1998));
        Assert.Equal(23_668, CurrentItl2.Value.Value("TLC1", "Total", 2021));
        Assert.Equal(70_961, CurrentItl2.Value.Value("TLG3", "Total", 2021));
    }

    [Theory]
    [InlineData("CA (10-12)", "10,11,12", false)]
    [InlineData("AB (1-9)", "01,02,03,05,06,07,08,09", false)] // 04 does not exist in SIC 2007
    [InlineData("2-3", "02,03", false)]
    [InlineData("29", "29", false)]
    [InlineData("CD-CF (19-21)", "19,20,21", false)]
    [InlineData("D (35)", "35", false)]
    [InlineData("L (68)", "68", true)]
    [InlineData("68", "68", false)]
    [InlineData("68IMP", "", true)]
    [InlineData("A-E", "01,02,03,05,06,07,08,09,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,35,36,37,38,39", false)]
    public void Industry_codes_map_to_the_SIC_divisions_they_cover(string code, string divisions, bool imputed)
    {
        Assert.True(GvaIndustries.TryParse(code, "x", Sic, out var g, out var why), why);
        Assert.Equal(divisions, string.Join(",", g.Divisions));
        Assert.Equal(imputed, g.IncludesImputedRental);
    }

    [Theory]
    [InlineData("C (41-43)")] // divisions of section F under a C prefix
    [InlineData("04")] // no such division
    [InlineData("12-10")]
    [InlineData("Manufacturing")]
    public void Codes_that_do_not_map_are_refused(string code) =>
        Assert.False(GvaIndustries.TryParse(code, "x", Sic, out _, out _));

    [Fact]
    public void The_ITL2_partition_covers_every_division_once_and_sums_to_the_total()
    {
        var t = CurrentItl2.Value;
        var p = t.Industries.Partition;
        Assert.Equal(72, p.Count);
        var covered = p.SelectMany(g => g.Divisions).ToList();
        Assert.Equal(covered.Count, covered.Distinct().Count()); // no division twice
        // Every SIC 2007 division but 99 (extraterritorial organisations, outside regional accounts).
        Assert.Equal(Sic.SectorsAt(SectorLevel.Division).Select(s => s.Code).Where(c => c != "99"), covered.Order(StringComparer.Ordinal));
        Assert.Single(p, g => g.IncludesImputedRental);
        Assert.DoesNotContain(p, g => g.Code is "Total" or "A-E" or "G-T" or "C (10-33)" or "CA (10-12)" or "L (68)");

        // TLG3 2021 (file): Total 70,961; the 72 partition rows sum to 70,962. Each published value is rounded
        // to £1m (±0.5), so the sum may differ from the total by at most 0.5 × (72 + 1) = 36.5.
        double sum = p.Sum(g => t.Value("TLG3", g.Code, 2021));
        Assert.Equal(70_962, sum);
        Assert.InRange(sum - t.Value("TLG3", "Total", 2021), -36.5, 36.5);
        // Summing all 96 rows (aggregates beside their parts) would count most GVA three times over.
        Assert.True(t.Industries.All.Sum(g => t.Value("TLG3", g.Code, 2021)) > 2.5 * 70_961);
        foreach (var (region, _) in t.Regions)
            foreach (var y in t.Years)
                Assert.InRange(p.Sum(g => t.Value(region, g.Code, y)) - t.Value(region, "Total", y), -36.5, 36.5);
    }

    [Fact]
    public void The_ITL3_partition_is_coarser_and_each_row_is_a_union_of_ITL2_rows()
    {
        var p3 = CurrentItl3.Value.Industries.Partition;
        Assert.Equal(48, p3.Count);
        var covered = p3.SelectMany(g => g.Divisions).ToList();
        Assert.Equal(covered.Count, covered.Distinct().Count());
        var i2 = CurrentItl2.Value.Industries;
        foreach (var g in p3)
            Assert.Equal(g.Divisions.Length, i2.PartsOf(g).Sum(x => x.Divisions.Length));
        Assert.Equal(new[] { "CK (28)", "29", "30" }, i2.PartsOf(p3.Single(g => g.Code == "CK-CL (28-30)")).Select(g => g.Code));
    }

    [Fact]
    public void Chained_volume_equals_current_prices_in_the_reference_year_2019()
    {
        // ONS chained volume measures are in 2019 money: in 2019 they equal current prices (69,980 for TLG3).
        Assert.Equal(69_980, CvmItl2.Value.Value("TLG3", "Total", 2019));
        Assert.Equal(CurrentItl2.Value.Value("TLG3", "Total", 2019), CvmItl2.Value.Value("TLG3", "Total", 2019));
        Assert.NotEqual(CurrentItl2.Value.Value("TLG3", "Total", 2021), CvmItl2.Value.Value("TLG3", "Total", 2021));
    }

    [Theory]
    [InlineData("29", false, "29")]
    [InlineData("19", false, "CD-CF (19-21)")]
    [InlineData("1", false, "1")]
    [InlineData("02", false, "2-3")]
    [InlineData("68", false, "68")]
    [InlineData("29", true, "CK-CL (28-30)")]
    [InlineData("50", true, "49-51")]
    public void A_division_finds_its_finest_GVA_industry(string division, bool itl3, string expected)
    {
        var t = itl3 ? CurrentItl3.Value : CurrentItl2.Value;
        Assert.Equal(expected, t.Industries.OfDivision(division)?.Code);
    }

    [Fact]
    public void Division_99_has_no_GVA_industry() => Assert.Null(CurrentItl2.Value.Industries.OfDivision("99"));

    [Fact]
    public void Missing_tokens_stay_unknown_and_bad_rows_are_rejected_with_their_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gva_{Guid.NewGuid():N}.csv");
        File.WriteAllText(path,
            "ITL region code,ITL region name,SIC07 code,SIC07 description,2020,2021\n" +
            "TLX1,Somewhere,Total,All industries,\"1,200\",..\n" +
            "TLX1,Somewhere,A-E,Production sector,200,x\n" +
            "TLX1,Somewhere,G-T,Services sector,\"1,000\",\"1,100\"\n" +
            "TLX1,Somewhere,Z (1-2),Nonsense,5,5\n" +
            "TLX1,Somewhere,G-T,Services sector,1,1\n" +
            "TLX1,Somewhere,41,Construction of buildings,12a,3\n");
        try
        {
            var t = GvaReader.Read(path, Sic, GvaPriceBasis.CurrentPrices);
            var a = t.Account;
            Assert.Equal(12, a.Read); // 6 rows × 2 years
            Assert.Equal(2, a.Unknown); // ".." and "x"
            Assert.Equal(5, a.Rejected); // Z (1-2): 2 cells; repeated G-T: 2 cells; "12a": 1 cell
            Assert.Equal(5, a.Used);
            Assert.Equal(1_200, t.Value("TLX1", "Total", 2020));
            Assert.True(double.IsNaN(t.Value("TLX1", "Total", 2021)));
            Assert.True(double.IsNaN(t.Value("TLX1", "41", 2020)));
            Assert.Equal(1_100, t.Value("TLX1", "G-T", 2021)); // the first G-T row, not the repeat
            Assert.Contains(a.Rejects, r => r.Line == 5 && r.Field == "SIC07 code");
            Assert.Contains(a.Rejects, r => r.Line == 7 && r.Field == "2020" && r.Value == "12a");
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Overlapping_rows_that_do_not_nest_are_an_input_error()
    {
        var rows = new List<(string, string)> { ("Total", "All"), ("10-11", "a"), ("11-12", "b"), ("12", "c"), ("10", "d") };
        var e = Assert.Throws<InputException>(() => GvaIndustries.Build(rows, Sic, "t.csv"));
        Assert.Contains("do not nest", e.Message);
    }
}
