using System.Collections.Concurrent;
using CompeteModel.Engine.Batch;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.IO;

namespace CompeteModel.Tests.Batch;

/// <summary>Issue 13, items 2 and 6: one writer per batch folder, merges that are complete or refused, resume that checks hashes.</summary>
public class BatchRobustnessTests
{
    private static Dictionary<string, string> Snapshot(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => Hashes.OfFile(f), StringComparer.Ordinal);

    private static List<string> Shards(BatchFixture fx, int count, params int[] which)
    {
        var dirs = new List<string>();
        foreach (var k in which)
        {
            var dir = fx.Out("shard" + k);
            BatchRunner.Run(fx.Plan(), BatchFixture.Options(dir, shard: new BatchShard(k, count)), BatchFixture.Executor(new ConcurrentBag<string>(), failGmcaNational: false));
            dirs.Add(dir);
        }
        return dirs;
    }

    [Fact]
    public void SecondWriterOnOneBatchFolderIsRefused()
    {
        // Before: two batch processes on one folder wrote one manifest, marking runs complete whose files were missing.
        using var fx = new BatchFixture();
        var outDir = fx.Out("o");
        Directory.CreateDirectory(outDir);
        using (OutputLock.Acquire(Path.Combine(outDir, BatchManifest.FileName), "compete batch, process 4242"))
        {
            var e = Assert.Throws<InputException>(() => BatchRunner.Run(fx.Plan(), BatchFixture.Options(outDir), BatchFixture.Executor(new ConcurrentBag<string>())));
            Assert.Contains("held by compete batch, process 4242", e.Message);
            Assert.Contains(outDir, e.Message);
            // a shard has its own manifest, so shards of one plan may still share the folder
            var shard = BatchRunner.Run(fx.Plan(), BatchFixture.Options(outDir, shard: new BatchShard(1, 2)), BatchFixture.Executor(new ConcurrentBag<string>()));
            Assert.Equal("1/2", shard.Manifest.Shard);
        }
        Assert.False(File.Exists(Path.Combine(outDir, BatchManifest.FileName)));
    }

    [Fact]
    public void MergeOfAnIncompleteShardSetIsRefusedUnlessAllowed()
    {
        // Before: merging shard 1 of 2 gave a manifest that looked complete.
        using var fx = new BatchFixture();
        var one = Shards(fx, 2, 1);
        var e = Assert.Throws<InputException>(() => BatchMerge.Merge(one, fx.Out("m")));
        Assert.Contains("shard 2/2 missing", e.Message);
        Assert.False(Directory.Exists(fx.Out("m")));
        var partial = BatchMerge.Merge(one, fx.Out("m"), allowPartial: true);
        Assert.True(partial.Entries.Count < 6);
        var all = BatchMerge.Merge(one.Concat(Shards(fx, 2, 2)).ToList(), fx.Out("m"));
        Assert.Equal(6, all.Entries.Count);
    }

    [Fact]
    public void MergeStoppedByABadHashLeavesThePreviousOutput()
    {
        // Before: the merge stopped half-way, leaving some runs copied and the old manifest.
        using var fx = new BatchFixture();
        var dirs = Shards(fx, 2, 1, 2);
        BatchMerge.Merge(dirs, fx.Out("m"));
        var before = Snapshot(fx.Out("m"));
        var victim = Directory.EnumerateFiles(Path.Combine(dirs[1], BatchRunner.RunsFolder), "*.csv", SearchOption.AllDirectories).First();
        File.AppendAllText(victim, "tampered\n");
        var e = Assert.Throws<InputException>(() => BatchMerge.Merge(dirs, fx.Out("m")));
        Assert.Contains("does not match its manifest hash", e.Message);
        Assert.Equal(before, Snapshot(fx.Out("m")));
    }

    [Fact]
    public void MergeIntoAnOldFolderKeepsNoStaleRuns()
    {
        using var fx = new BatchFixture();
        var dirs = Shards(fx, 2, 1, 2);
        var stale = Path.Combine(fx.Out("m"), BatchRunner.RunsFolder, "stale-run-from-another-plan");
        Directory.CreateDirectory(stale);
        File.WriteAllText(Path.Combine(stale, "rankings.csv"), "old\n");
        var merged = BatchMerge.Merge(dirs, fx.Out("m"));
        Assert.False(Directory.Exists(stale));
        var onDisk = Directory.EnumerateDirectories(Path.Combine(fx.Out("m"), BatchRunner.RunsFolder)).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(merged.Entries.Select(x => x.RunId).Order(StringComparer.Ordinal), onDisk);
    }

    [Fact]
    public void ResumeRedoesARunWhoseOutputChanged()
    {
        // Before: --resume checked only that the outputs existed.
        using var fx = new BatchFixture();
        var outDir = fx.Out("o");
        var first = BatchRunner.Run(fx.Plan(), BatchFixture.Options(outDir), BatchFixture.Executor(new ConcurrentBag<string>(), failGmcaNational: false));
        var changed = first.Manifest.Entries[0];
        File.AppendAllText(Path.Combine(outDir, changed.Outputs[0].Path), "edited by hand\n");
        var calls = new ConcurrentBag<string>();
        var again = BatchRunner.Run(fx.Plan(), BatchFixture.Options(outDir, resume: true), BatchFixture.Executor(calls, failGmcaNational: false));
        Assert.Equal([changed.RunId], calls.ToArray());
        Assert.Equal(5, again.Skipped);
        Assert.Equal(changed.Outputs[0].Sha256, Hashes.OfFile(Path.Combine(outDir, changed.Outputs[0].Path)));
    }
}
