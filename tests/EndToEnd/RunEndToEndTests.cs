using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Reporting;

namespace CompeteModel.Tests.EndToEnd;

[Collection("EndToEnd")]
public sealed class RunEndToEndTests
{
    [Fact]
    public void DefaultRun_WritesEveryOutput_AndTheReportHeadlineEqualsRankingsCsv()
    {
        var cwd = Compete.TempDir("run");
        var r = Compete.Run(cwd, "run");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("West Midlands (E47000007), spec 'city-region', division level, 2015-2021, published statistics", r.Stdout);

        var dir = Path.Combine(cwd, "out", "wmca-2021");
        foreach (var f in new[] { "rankings.csv", "rankings.parquet", "indicators.parquet", "technologies.csv", "workbook.xlsx", "run.json",
                     "rejects.csv", "report.md", "report.html", "contributions.csv" })
            Assert.True(new FileInfo(Path.Combine(dir, f)) is { Exists: true, Length: > 0 }, f + " missing or empty");
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(dir, "charts"), "*.svg"));

        var rankings = TableFiles.Read(Path.Combine(dir, "rankings.csv"));
        var html = File.ReadAllText(Path.Combine(dir, "report.html"));
        var rows = Regex.Matches(html, "<tr data-sector=\"([^\"]+)\">(.*?)</tr>");
        Assert.Equal(10, rows.Count);
        var code = rankings.Column("sector");
        for (int i = 0; i < rows.Count; i++)
        {
            var cells = Regex.Matches(rows[i].Groups[2].Value, "<td[^>]*>(.*?)</td>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToArray();
            // headline row i is rankings.csv row i (both in rank order)
            Assert.Equal(rows[i].Groups[1].Value, rankings.GetText(code, i));
            double D(string c) => double.Parse(rankings.GetText(rankings.Column(c), i) ?? "NaN", CultureInfo.InvariantCulture);
            Assert.Equal(ReportFormat.Int((int)D("rank")), cells[0]);
            Assert.Equal(ReportFormat.Band((int)Math.Floor(D("rank_p05")), (int)Math.Ceiling(D("rank_p95"))), cells[1]);
            Assert.Equal(rankings.GetText(code, i) + " " + rankings.GetText(rankings.Column("name"), i), cells[2]);
            Assert.Equal(rankings.GetText(rankings.Column("quadrant"), i), cells[3].Replace("-", ""), ignoreCase: true); // "Under-represented" in the report
            Assert.Equal(ReportFormat.Fixed(D("composite")), cells[4]);
            Assert.Equal(ReportFormat.Fixed(D("lq")), cells[5]);
            // cells[6], growth vs GB in points a year, is the growth_differential indicator (annualised, 3-year endpoints) × 100
            Assert.Equal(ReportFormat.Signed(100 * D("growth_differential")), cells[6]);
            Assert.Equal(ReportFormat.Count(D("employment")), cells[7]);
            Assert.Equal(ReportFormat.Fixed(D("density")), cells[8]);
            Assert.Equal(ReportFormat.Signed(D("pci")), cells[9]);
        }
    }

    [Fact]
    public void TwoRunsWithTheSameSeed_GiveByteIdenticalOutputs()
    {
        var cwd = Compete.TempDir("determinism");
        var a = Compete.Run(cwd, "run", "--draws", "100", "--seed", "11", "--out", "a");
        Assert.True(a.ExitCode == 0, a.ToString());
        var b = Compete.Run(cwd, "run", "--draws", "100", "--seed", "11", "--jobs", "1", "--out", "b");
        Assert.True(b.ExitCode == 0, b.ToString());
        foreach (var f in new[] { "rankings.csv", "rankings.parquet", "run.json", "report.html", "report.md", "indicators.parquet" })
            Assert.True(File.ReadAllBytes(Path.Combine(cwd, "a", f)).SequenceEqual(File.ReadAllBytes(Path.Combine(cwd, "b", f))), f + " differs between two runs with seed 11");
        Assert.Equal(a.Stdout, b.Stdout);
    }
}
