using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using CompeteModel.Engine.Batch;
using CompeteModel.Engine.Errors;

namespace CompeteModel.Tests.Batch;

public class BatchRunnerTests
{
    [Fact]
    public void OneFailingRunIsRecordedAndTheOthersComplete()
    {
        using var fx = new BatchFixture();
        var calls = new ConcurrentBag<string>();
        var result = BatchRunner.Run(fx.Plan(), BatchFixture.Options(fx.Out("out"), jobs: 3), BatchFixture.Executor(calls));

        Assert.Equal(6, calls.Count);
        Assert.Equal(6, result.Manifest.Entries.Count);
        var failed = Assert.Single(result.Manifest.Entries, e => e.Status == BatchRunStatus.Failed);
        Assert.Equal("GMCA", failed.Region);
        Assert.Equal("InvalidOperationException: deliberate failure for GMCA/national", failed.Error);
        Assert.Empty(failed.Outputs);
        Assert.False(Directory.Exists(Path.Combine(fx.Out("out"), "runs", failed.RunId)));
        Assert.Equal(1, result.Failed);
        Assert.False(result.AllComplete);

        foreach (var e in result.Manifest.Entries.Where(e => e.Status == BatchRunStatus.Complete))
        {
            Assert.Equal(["note for " + e.Region], e.Notes);
            Assert.Equal([$"runs/{e.RunId}/charts/bubble.svg", $"runs/{e.RunId}/rankings.csv"], e.Outputs.Select(o => o.Path));
            foreach (var o in e.Outputs)
                Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(fx.Out("out"), o.Path)))), o.Sha256);
            // inputs hashed as stored: SHA-256 of the fixture's bytes
            var input = Assert.Single(e.Inputs);
            Assert.Equal("data/bres.csv", input.Path);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("region,sector,employment\nWMCA,29,41000\n"))), input.Sha256);
        }
        Assert.False(Directory.Exists(Path.Combine(fx.Out("out"), ".work")));

        // the manifest on disk is the one returned, and reads back to the same content
        var onDisk = BatchManifest.Read(Path.Combine(fx.Out("out"), "manifest.json"));
        Assert.Equal(result.Manifest.ToJson(), onDisk.ToJson());
    }

    [Fact]
    public void ResumeAfterAKillRedoesOnlyTheIncompleteRuns()
    {
        using var fx = new BatchFixture();
        var plan = fx.Plan();
        var runs = plan.Expand();
        var outDir = fx.Out("out");

        // First attempt: jobs = 1 (runs go in run-id order); the third run "kills" the batch mid-way,
        // after writing part of its output.
        using var cts = new CancellationTokenSource();
        var first = new ConcurrentBag<string>();
        var inner = BatchFixture.Executor(first, failGmcaNational: false);
        Assert.ThrowsAny<OperationCanceledException>(() => BatchRunner.Run(plan, BatchFixture.Options(outDir), (run, ct) =>
        {
            if (run.RunId == runs[2].RunId)
            {
                File.WriteAllText(Path.Combine(run.WorkDirectory, "rankings.csv"), "half a fi");
                cts.Cancel();
                ct.ThrowIfCancellationRequested();
            }
            return inner(run, ct);
        }, cancellationToken: cts.Token));

        var afterKill = BatchManifest.Read(Path.Combine(outDir, "manifest.json"));
        Assert.Equal([runs[0].RunId, runs[1].RunId], afterKill.Entries.Select(e => e.RunId));
        Assert.False(Directory.Exists(Path.Combine(outDir, "runs", runs[2].RunId)));

        // A leftover work folder of a run that a harder kill interrupted.
        var leftover = Path.Combine(outDir, ".work", runs[4].RunId);
        Directory.CreateDirectory(leftover);
        File.WriteAllText(Path.Combine(leftover, "rankings.csv"), "partial");

        var second = new ConcurrentBag<string>();
        var result = BatchRunner.Run(plan, BatchFixture.Options(outDir, jobs: 2, resume: true), BatchFixture.Executor(second, failGmcaNational: false));
        Assert.Equal(runs.Skip(2).Select(r => r.RunId).Order(StringComparer.Ordinal), second.Order(StringComparer.Ordinal));
        Assert.Equal(2, result.Skipped);
        Assert.Equal(4, result.Executed);
        Assert.True(result.AllComplete);
        Assert.Equal(6, result.Manifest.Entries.Count);
        Assert.False(Directory.Exists(Path.Combine(outDir, ".work")));
        Assert.Equal($"region,spec,seed\n{runs[4].Region},{runs[4].Spec},7\n", File.ReadAllText(Path.Combine(outDir, "runs", runs[4].RunId, "rankings.csv")));

        // Nothing left to do.
        var third = new ConcurrentBag<string>();
        var again = BatchRunner.Run(plan, BatchFixture.Options(outDir, resume: true), BatchFixture.Executor(third, failGmcaNational: false));
        Assert.Empty(third);
        Assert.Equal(6, again.Skipped);
    }

    [Fact]
    public void ResumeRedoesFailedRunsAndRunsWhoseSpecOrOutputsChanged()
    {
        using var fx = new BatchFixture();
        var outDir = fx.Out("out");
        BatchRunner.Run(fx.Plan(), BatchFixture.Options(outDir, jobs: 2), BatchFixture.Executor(new ConcurrentBag<string>()));

        var fixedRun = new ConcurrentBag<string>();
        var r1 = BatchRunner.Run(fx.Plan(), BatchFixture.Options(outDir, resume: true), BatchFixture.Executor(fixedRun, failGmcaNational: false));
        var gmcaNational = Assert.Single(fixedRun);
        Assert.StartsWith("GMCA_national_", gmcaNational);
        Assert.True(r1.AllComplete);

        // Editing a spec changes its hash: the three runs under it are redone, the rest skipped.
        File.AppendAllText(Path.Combine(fx.Root, "specs", "national.yaml"), "seed: 8\n");
        var afterEdit = new ConcurrentBag<string>();
        BatchRunner.Run(fx.Plan(), BatchFixture.Options(outDir, resume: true), BatchFixture.Executor(afterEdit, failGmcaNational: false));
        Assert.Equal(3, afterEdit.Count);
        Assert.All(afterEdit, id => Assert.Contains("_national_", id));

        // A deleted output makes its run incomplete.
        var victim = fx.Plan().Expand()[0];
        File.Delete(Path.Combine(outDir, "runs", victim.RunId, "rankings.csv"));
        var afterDelete = new ConcurrentBag<string>();
        BatchRunner.Run(fx.Plan(), BatchFixture.Options(outDir, resume: true), BatchFixture.Executor(afterDelete, failGmcaNational: false));
        Assert.Equal([victim.RunId], afterDelete);
    }

    [Fact]
    public void ShardsPartitionThePlanExactly()
    {
        using var fx = new BatchFixture("""
            seed: 1
            regions: [WMCA, GMCA, LCR, WYCA, NECA, SYMCA, TVCA]
            specs: [specs/city-region.yaml, specs/national.yaml]
            years: ["2015-2021", 2021]
            options: {default: {}, fast: {draws: 200}}
            """);
        var all = fx.Plan().Expand().Select(r => r.RunId).ToList();
        Assert.Equal(7 * 2 * 2 * 2, all.Count);
        Assert.Equal(all.Count, all.Distinct().Count());
        for (int n = 1; n <= 6; n++)
        {
            var parts = Enumerable.Range(1, n).Select(k => fx.Plan().Expand().Where(r => new BatchShard(k, n).Contains(r)).Select(r => r.RunId).ToList()).ToList();
            Assert.Equal(all.Count, parts.Sum(p => p.Count));                           // disjoint (with the union check)
            Assert.Equal(all.Order(StringComparer.Ordinal), parts.SelectMany(p => p).Order(StringComparer.Ordinal)); // union = all
        }
        Assert.Equal(new BatchShard(2, 4), BatchShard.Parse("2/4"));
        Assert.Equal(new BatchShard(1, 4), BatchShard.Parse("0/4", zeroBased: true));
        Assert.Throws<InputException>(() => BatchShard.Parse("5/4"));
        Assert.Throws<InputException>(() => BatchShard.Parse("two/4"));
    }

    [Fact]
    public void MergedShardsEqualTheUnshardedBatch()
    {
        using var fx = new BatchFixture();
        var whole = BatchRunner.Run(fx.Plan(), BatchFixture.Options(fx.Out("whole"), jobs: 2), BatchFixture.Executor(new ConcurrentBag<string>()));

        var shardDirs = new List<string>();
        int executed = 0;
        for (int k = 1; k <= 3; k++)
        {
            var dir = fx.Out("shard" + k);
            shardDirs.Add(dir);
            var r = BatchRunner.Run(fx.Plan(), BatchFixture.Options(dir, shard: new BatchShard(k, 3), clock: new DateTimeOffset(2027, 5, k, 0, 0, 0, TimeSpan.Zero)),
                BatchFixture.Executor(new ConcurrentBag<string>()));
            Assert.True(File.Exists(Path.Combine(dir, $"manifest-shard-{k}-of-3.json")));
            Assert.Equal($"{k}/3", r.Manifest.Shard);
            executed += r.Executed;
        }
        Assert.Equal(6, executed);

        var merged = BatchMerge.Merge(shardDirs, fx.Out("merged"));
        Assert.Equal(whole.Manifest.ToJson(includeTimings: false), merged.ToJson(includeTimings: false));
        Assert.Equal(whole.Manifest.ContentHash(), merged.ContentHash());
        Assert.Equal(merged.ToJson(), BatchManifest.Read(Path.Combine(fx.Out("merged"), "manifest.json")).ToJson());
        foreach (var o in whole.Manifest.Entries.SelectMany(e => e.Outputs))
            Assert.Equal(File.ReadAllBytes(Path.Combine(fx.Out("whole"), o.Path)), File.ReadAllBytes(Path.Combine(fx.Out("merged"), o.Path)));
    }

    [Fact]
    public void MergeRefusesShardsOfDifferentPlans()
    {
        using var a = new BatchFixture();
        using var b = new BatchFixture("regions: [WMCA]\nspecs: [specs/national.yaml]\nyears: [2021]\n");
        BatchRunner.Run(a.Plan(), BatchFixture.Options(a.Out("o")), BatchFixture.Executor(new ConcurrentBag<string>()));
        BatchRunner.Run(b.Plan(), BatchFixture.Options(b.Out("o")), BatchFixture.Executor(new ConcurrentBag<string>()));
        var e = Assert.Throws<InputException>(() => BatchMerge.Merge([a.Out("o"), b.Out("o")], a.Out("m")));
        Assert.Contains("different plan", e.Message);
    }

    [Fact]
    public void ManifestContentIsDeterministicAcrossClocksAndJobCounts()
    {
        using var fx = new BatchFixture();
        var m1 = BatchRunner.Run(fx.Plan(), BatchFixture.Options(fx.Out("a"), jobs: 1), BatchFixture.Executor(new ConcurrentBag<string>())).Manifest;
        var m2 = BatchRunner.Run(fx.Plan(), BatchFixture.Options(fx.Out("b"), jobs: 4, clock: new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)),
            BatchFixture.Executor(new ConcurrentBag<string>())).Manifest;
        Assert.Equal(m1.ContentHash(), m2.ContentHash());
        Assert.NotEqual(m1.ToJson(), m2.ToJson()); // only the timings differ
        Assert.Contains("\"startedUtc\": \"2026-01-02T03:04:05.000Z\"", m1.ToJson());
    }

    [Fact]
    public void RunIdIsTheHashOfTheCanonicalParameters()
    {
        using var fx = new BatchFixture("""
            seed: 7
            regions: [WMCA]
            specs: [specs/city-region.yaml]
            years: ["2015-2021"]
            options: {fast: {draws: 200, bootstrap: "no"}}
            """);
        var run = Assert.Single(fx.Plan().Expand());
        // Canonical text: one field per line, options sorted by key.
        var canonical = "region=WMCA\nspec=specs/city-region.yaml\nyears=2015-2021\noptionset=fast\noptions=bootstrap=no;draws=200\nseed=7\n";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        Assert.Equal(hash, run.ParameterHash);
        Assert.Equal("WMCA_city-region_2015-2021_fast_" + hash[..10], run.RunId);

        // Key order in the plan does not matter.
        File.WriteAllText(fx.PlanPath, File.ReadAllText(fx.PlanPath).Replace("{draws: 200, bootstrap: \"no\"}", "{bootstrap: \"no\", draws: 200}"));
        Assert.Equal(run.RunId, Assert.Single(fx.Plan().Expand()).RunId);
    }

    [Theory]
    [InlineData("regions: [WMCA]\nspecs: [specs/national.yaml]\nyears: [2021]\ncolour: red\n", 4, "colour")]
    [InlineData("regions: [WMCA]\nspecs: [specs/missing.yaml]\nyears: [2021]\n", 2, "specs")]
    [InlineData("regions: [WMCA]\nspecs: [specs/national.yaml]\nyears:\n  - 2021\n  - 2021-2015\n", 5, "years")]
    [InlineData("regions: [WMCA, WMCA]\nspecs: [specs/national.yaml]\nyears: [2021]\n", 1, "regions")]
    [InlineData("regions: [WMCA]\nspecs: [specs/national.yaml]\nyears: [2021]\nseed: x\n", 4, "seed")]
    [InlineData("regions: [WMCA]\nyears: [2021]\n", 1, "specs")]
    public void PlanErrorsNameLineAndKey(string plan, int line, string field)
    {
        using var fx = new BatchFixture(plan);
        var e = Assert.Throws<InputException>(() => fx.Plan());
        Assert.Equal(fx.PlanPath, e.File);
        Assert.Equal(line, e.Line);
        Assert.Equal(field, e.Field);
    }
}
