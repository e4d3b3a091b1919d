using System.Text.Json;
using System.Text.RegularExpressions;

namespace CompeteModel.Tests.EndToEnd;

[Collection("EndToEnd")]
public sealed class BatchEndToEndTests
{
    [Fact]
    public void SixRuns_OneBrokenSpecFails_ThenResumeAfterAKillRedoesOnlyTheIncomplete()
    {
        var cwd = Compete.TempDir("batch");
        var good = Path.Combine(TestData.Datasets, "specs", "city-region.yaml");
        var broken = Path.Combine(cwd, "broken.yaml");
        File.WriteAllText(broken, File.ReadAllText(good).Replace("aggregation: arithmetic", "aggregation: harmonic", StringComparison.Ordinal));
        var plan = Path.Combine(cwd, "plan.yaml");
        File.WriteAllText(plan, $"""
            name: e2e
            seed: 5
            regions: [gmca, lcrca, wyca]
            specs: ["{good.Replace("\\", "/")}", broken.yaml]
            years: [2021]
            options:
              fast: {"{"}draws: 30, no_micro: true{"}"}
            inputs: ["{TestData.Uk("bres_itl2_sic5_employment_2015_2021.csv.gz").Replace("\\", "/")}"]
            """);
        var outDir = Path.Combine(cwd, "out");

        var first = Compete.Run(cwd, "batch", plan, "--jobs", "2", "--out", outDir);
        Assert.True(first.ExitCode == 1, first.ToString());
        var manifest = Entries(outDir);
        Assert.Equal(6, manifest.Count);
        Assert.Equal(3, manifest.Count(e => e.Status == "complete"));
        Assert.All(manifest.Where(e => e.Status == "failed"), e => Assert.Contains("broken.yaml", e.Error));
        Assert.All(manifest.Where(e => e.Status == "complete"), e =>
        {
            foreach (var f in new[] { "rankings.csv", "rankings.parquet", "report.html", "run.json", "workbook.xlsx" })
                Assert.True(File.Exists(Path.Combine(outDir, "runs", e.RunId, f)), e.RunId + "/" + f);
        });
        Assert.Equal(3, Directory.GetDirectories(Path.Combine(outDir, "runs")).Length);
        Assert.False(Directory.Exists(Path.Combine(outDir, ".work")));

        // simulated kill: one finished run lost its folder, another run left a half-written work folder; the spec is fixed
        var complete = manifest.Where(e => e.Status == "complete").Select(e => e.RunId).ToList();
        Directory.Delete(Path.Combine(outDir, "runs", complete[0]), recursive: true);
        var stale = Path.Combine(outDir, ".work", manifest.First(e => e.Status == "failed").RunId);
        Directory.CreateDirectory(stale);
        File.WriteAllText(Path.Combine(stale, "rankings.csv"), "half-writ");
        File.Copy(good, broken, overwrite: true);
        var untouched = complete.Skip(1).ToDictionary(id => id, id => File.GetLastWriteTimeUtc(Path.Combine(outDir, "runs", id, "rankings.csv")));

        var resumed = Compete.Run(cwd, "batch", plan, "--jobs", "2", "--resume", "--out", outDir);
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Matches(new Regex(@"6 complete, 0 failed, 2 skipped \(already complete\), 4 executed"), resumed.Stderr);
        var after = Entries(outDir);
        Assert.All(after, e => Assert.Equal("complete", e.Status));
        foreach (var (id, t) in untouched)
            Assert.Equal(t, File.GetLastWriteTimeUtc(Path.Combine(outDir, "runs", id, "rankings.csv")));
        Assert.True(File.Exists(Path.Combine(outDir, "runs", complete[0], "rankings.csv")));
        Assert.Equal(6, Directory.GetDirectories(Path.Combine(outDir, "runs")).Length);
        Assert.False(Directory.Exists(Path.Combine(outDir, ".work")));
    }

    [Fact]
    public void ShippedExamplePlan_ParsesToAtLeastSixRuns()
    {
        var plan = Engine.Batch.BatchPlanReader.Read(Path.Combine(TestData.Root, "docs", "examples", "plan.yaml"));
        Assert.True(plan.Expand().Count >= 6);
    }

    private sealed record Entry(string RunId, string Status, string? Error);

    private static List<Entry> Entries(string outDir)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "manifest.json")));
        return doc.RootElement.GetProperty("runs").EnumerateArray()
            .Select(e => new Entry(e.GetProperty("runId").GetString()!, e.GetProperty("status").GetString()!,
                e.GetProperty("error").ValueKind == JsonValueKind.Null ? null : e.GetProperty("error").GetString()))
            .ToList();
    }
}
