using System.Globalization;
using CompeteModel.Cli;
using CompeteModel.Engine.Complexity;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.Sectors;
using CompeteModel.Engine.Statistics;

namespace CompeteModel.Tests.Complexity;

/// <summary>
/// <c>compete complexity --region</c> and <see cref="UkComplexity"/>: a city region read from the 40 GB ITL2
/// areas × SIC divisions on the shipped BRES 2021 employment (division level keeps the tests fast).
/// </summary>
[Collection("Console")]
public class UkRegionComplexityTests : IDisposable
{
    private static readonly Lazy<UkData> Uk = new(() => UkData.Load(TestData.Datasets));

    private static readonly Lazy<UkComplexityResult> Diversity = new(() =>
        UkComplexity.Compute(Uk.Value, Uk.Value.Geography.Resolve("WMCA"), SectorLevel.Division, 2021, new ComplexityOptions(), false));

    private static readonly Lazy<UkComplexityResult> Anchor = new(() =>
        UkComplexity.Compute(Uk.Value, Uk.Value.Geography.Resolve("WMCA"), SectorLevel.Division, 2021, new ComplexityOptions(), true));

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "compete-cxr-" + Guid.NewGuid().ToString("N")[..8]);

    public UkRegionComplexityTests() => Directory.CreateDirectory(_dir);
    public void Dispose() => Directory.Delete(_dir, true);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliCapture.Run(args);

    private static double Parse(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private static string Line(string stdout, string prefix) =>
        stdout.Split('\n').Single(l => l.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>The opportunity rows printed after the "sector,name,…" header: code and COG.</summary>
    private List<(string Code, double Cog)> Opportunities(string stdout)
    {
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        int h = Array.IndexOf(lines, "sector,name,cog,density,pci,rca");
        Assert.True(h >= 0, stdout);
        var file = Path.Combine(_dir, "opportunities.csv");
        File.WriteAllLines(file, lines[h..]);
        var t = TableFiles.ReadCsv(file);
        return Enumerable.Range(0, t.RowCount)
            .Select(i => (t.GetText(t.Column("sector"), i)!, Parse(t.GetText(t.Column("cog"), i)!))).ToList();
    }

    [Fact]
    public void Region_report_prints_the_engines_ECI_rank_and_opportunities()
    {
        var outFile = Path.Combine(_dir, "out.csv");
        var diag = Path.Combine(_dir, "diag.csv");
        var (code, stdout, err) = Run("complexity", "--region", "WMCA", "--level", "division", "--top", "8", "--out", outFile, "--diagnostics", diag);
        Assert.True(code == 0, err);
        var e = Diversity.Value;
        Assert.Contains("sign rule: diversity", stdout);

        // "eci: <round-trip double> (rank N of 40 reference regions; …)"
        var eciLine = Line(stdout, "eci: ");
        double eci = Parse(eciLine["eci: ".Length..eciLine.IndexOf(' ', 5)]);
        Assert.Equal(e.Report.Eci, eci);
        int rank = int.Parse(eciLine[(eciLine.IndexOf("rank ", StringComparison.Ordinal) + 5)..].Split(' ')[0], CultureInfo.InvariantCulture);
        Assert.Equal(e.Report.Rank, rank);
        Assert.InRange(rank, 1, 40);
        Assert.Contains("of 40 reference regions", eciLine);

        // Opportunities: sectors where WMCA has M = 0 (never M = 1), COG descending, the engine's top 8.
        var opp = Opportunities(stdout);
        Assert.Equal(8, opp.Count);
        Assert.Equal(e.Report.Opportunities.Take(8).Select(o => o.Product), opp.Select(o => o.Code));
        foreach (var (c, cog) in opp)
        {
            int s = e.SectorIndex(c);
            Assert.False(e.Mcp[s]);
            Assert.Equal(e.Cog[s], cog);
        }
        for (int i = 1; i < opp.Count; i++) Assert.True(opp[i - 1].Cog >= opp[i].Cog);
        // No sector with M = 0 outside the list beats the last one listed.
        for (int s = 0; s < e.Sectors.Count; s++)
            if (e.Mcp[s] == false && !opp.Any(o => o.Code == e.Sectors[s].Code)) Assert.True(e.Cog[s] <= opp[^1].Cog);

        // The written table holds the same ECI for the region's rows; the diagnostics name the rule.
        var t = TableFiles.Read(outFile);
        var region = t.Column("region");
        int row = Enumerable.Range(0, t.RowCount).First(i => t.GetText(region, i) == "wmca");
        Assert.Equal(e.Report.Eci, Parse(t.GetText(t.Column("eci"), row)!));
        Assert.Equal(40 * e.Diagnostics.Products, t.RowCount);
        var d = TableFiles.Read(diag);
        Assert.Equal("diversity", d.GetText(d.Column("sign_rule"), 0));

        // At division level the diversity rule points ECI away from productivity (what the data show): warned.
        Assert.True(e.CorrProductivity < -0.3);
        Assert.Contains("WARNING: ECI correlates negatively with productivity", stdout);
    }

    [Fact]
    public void Productivity_anchor_orients_ECI_with_GVA_per_job()
    {
        var (code, stdout, err) = Run("complexity", "--region", "wmca", "--level", "division", "--sign", "anchor", "--anchor-indicator", "productivity", "--top", "5");
        Assert.True(code == 0, err);
        Assert.Contains("sign rule: anchor = productivity", stdout);
        var a = Anchor.Value;
        var eciLine = Line(stdout, "eci: ");
        Assert.Equal(a.Report.Eci, Parse(eciLine["eci: ".Length..eciLine.IndexOf(' ', 5)]));

        // Recomputed here from the result's ECI and the anchor table, not read from the engine's summary.
        var r = a.Report.Result;
        var x = new List<double>();
        var y = new List<double>();
        for (int i = 0; i < r.Locations.Count; i++) { x.Add(r.Eci[i]); y.Add(a.Productivity![r.Locations[i]]); }
        double corr = Correlation.Pearson(x.ToArray(), y.ToArray());
        Assert.True(corr > 0);
        Assert.Equal(a.CorrProductivity, corr, 12);
        Assert.Equal("anchor", a.Diagnostics.SignRule);

        // An eigenvector's sign is all the rules can change: the anchor result is the diversity result negated.
        var d = Diversity.Value;
        Assert.Equal(-d.Report.Eci, a.Report.Eci, 12);
        Assert.Equal(41 - d.Report.Rank, a.Report.Rank);
    }

    [Fact]
    public void Reference_has_40_ITL2_rows_with_WMCA_as_TLG3_and_London_as_its_five_areas()
    {
        var uk = Uk.Value;
        var wmca = UkReferenceGeography.Build(uk, uk.Geography.Resolve("WMCA"), SectorLevel.Division, [2021]);
        Assert.Equal(40, wmca.Regions.Count);
        Assert.Equal("TLG3", Assert.Single(wmca.Regions[wmca.RegionRow].Itl2Codes));
        Assert.DoesNotContain(wmca.Regions, r => r.Id == "TLG3");
        var m = wmca.Years[0].Matrix;
        Assert.Equal(40, m.LocationCount);
        Assert.Equal("wmca", m.Locations[wmca.RegionRow]);

        // The same row as TLG3's own row in the reference built for the ITL2 area.
        var tlg3 = UkReferenceGeography.Build(uk, uk.Geography.Resolve("TLG3"), SectorLevel.Division, [2021]);
        var t = tlg3.Years[0].Matrix;
        int S = m.ProductCount;
        Assert.Equal(m.Products, t.Products);
        for (int s = 0; s < S; s++) Assert.Equal(t[tlg3.RegionRow, s], m[wmca.RegionRow, s]);
        Assert.Equal(m[wmca.RegionRow, 0], t[t.Locations.ToList().IndexOf("TLG3"), 0]);

        // London (TLI3–TLI7) becomes one row, the cell-by-cell sum of its five areas: 36 rows.
        var london = UkReferenceGeography.Build(uk, uk.Geography.Resolve("london"), SectorLevel.Division, [2021]);
        Assert.Equal(36, london.Regions.Count);
        var l = london.Years[0].Matrix;
        var parts = new[] { "TLI3", "TLI4", "TLI5", "TLI6", "TLI7" }.Select(c => t.Locations.ToList().IndexOf(c)).ToArray();
        Assert.DoesNotContain(-1, parts);
        for (int s = 0; s < S; s++) Assert.Equal(parts.Sum(p => t[p, s]), l[london.RegionRow, s], 6);
    }

    [Fact]
    public void Productivity_is_GVA_over_BRES_jobs_and_highest_in_Inner_London_West()
    {
        var a = Anchor.Value;
        var p = a.Productivity!;
        Assert.Equal(40, p.Count);
        // Inner London – West (TLI3) has the highest GVA per job of the UK's ITL2 areas (ONS subregional productivity).
        Assert.Equal("TLI3", p.OrderByDescending(kv => kv.Value).First().Key);
        // WMCA: GVA Total 2021 (£m) × 10⁶ over the sum of its BRES division cells.
        var uk = Uk.Value;
        double gva = uk.GvaItl2(false).Value("TLG3", "Total", 2021) * 1e6;
        var m = a.Reference.Years[0].Matrix;
        double jobs = 0;
        for (int s = 0; s < m.ProductCount; s++) jobs += m[a.Reference.RegionRow, s];
        Assert.Equal(gva / jobs, p["wmca"], 6);
        Assert.InRange(p["wmca"], 30_000, 100_000);
    }

    [Fact]
    public void Regions_that_are_not_unions_of_ITL2_areas_and_bad_option_mixes_are_refused()
    {
        var uk = Uk.Value;
        var birmingham = uk.Geography.Resolve("E08000025");
        var ex = Assert.Throws<InputException>(() => UkComplexity.Compute(uk, birmingham, SectorLevel.Division, 2021, new ComplexityOptions(), false));
        Assert.Contains("not a union of whole ITL2 areas", ex.Message);
        Assert.Throws<InputException>(() => UkComplexity.Compute(uk, uk.Geography.Resolve("wmca"), SectorLevel.Division, 2021, new ComplexityOptions { Sign = SignRule.Anchor }, false));
        Assert.Equal(1, Run("complexity", "--region", "E08000025", "--level", "division").Code);
        Assert.Equal(2, Run("complexity", "--region", "wmca", "--sign", "anchor").Code);
        Assert.Equal(2, Run("complexity", "--region", "wmca", "--input", "x.csv").Code);
        Assert.Equal(2, Run("complexity", "--region", "wmca", "--anchor-indicator", "productivity").Code);
    }
}
