using System.Globalization;
using System.Net;
using System.Text.Json;
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
        using (var plain = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(cwd, "a", "run.json"))))
            Assert.False(plain.RootElement.TryGetProperty("profile", out _), "run.json has a profile block without --profile");
    }

    /// <summary>
    /// --profile adds to run.json the stages in the order they ran, each with the seconds since the command started (never
    /// decreasing) and the peak working set so far (never decreasing, positive); everything else in run.json is as without it.
    /// </summary>
    [Fact]
    public void Profile_AddsEveryStageInOrderToRunJson_AndNothingElse()
    {
        var cwd = Compete.TempDir("profile");
        var plain = Compete.Run(cwd, "run", "--draws", "50", "--seed", "3", "--out", "plain");
        Assert.True(plain.ExitCode == 0, plain.ToString());
        var profiled = Compete.Run(cwd, "run", "--draws", "50", "--seed", "3", "--out", "profiled", "--profile");
        Assert.True(profiled.ExitCode == 0, profiled.ToString());

        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(cwd, "profiled", "run.json")));
        var stages = doc.RootElement.GetProperty("profile").EnumerateArray().ToList();
        Assert.Equal(["load", "indicators", "complexity", "technologies", "scoring", "outputs"], stages.Select(e => e.GetProperty("stage").GetString() ?? "").ToArray());
        var seconds = stages.Select(e => e.GetProperty("seconds").GetDouble()).ToArray();
        var peak = stages.Select(e => e.GetProperty("peak_mb").GetDouble()).ToArray();
        Assert.All(seconds, t => Assert.True(t >= 0));
        Assert.All(peak, m => Assert.True(m > 0));
        for (int i = 1; i < stages.Count; i++)
        {
            Assert.True(seconds[i] >= seconds[i - 1], $"stage {i} starts before stage {i - 1}: {seconds[i]} < {seconds[i - 1]}");
            Assert.True(peak[i] >= peak[i - 1], $"peak memory fell from stage {i - 1} to {i}");
        }

        using var other = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(cwd, "plain", "run.json")));
        var without = doc.RootElement.EnumerateObject().Where(p => p.Name != "profile").Select(p => p.Name + "=" + p.Value.GetRawText()).ToArray();
        Assert.Equal(other.RootElement.EnumerateObject().Select(p => p.Name + "=" + p.Value.GetRawText()).ToArray(), without);
    }
}
