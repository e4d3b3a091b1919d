using System.Collections.Concurrent;
using System.CommandLine;
using CompeteModel.Cli.Commands;
using CompeteModel.Cli.Infrastructure;
using CompeteModel.Engine.Batch;

namespace CompeteModel.Tests.Batch;

[Collection("Console")]
public class BatchCommandTests
{
    /// <summary>Parses and invokes as CommandCatalog.Invoke does (parse errors → 2), with the batch command wired to a test executor.</summary>
    private static int Invoke(Func<BatchRun, CancellationToken, BatchRunOutcome> executor, params string[] args)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(BatchCommand.Create(executor));
        var parse = root.Parse(args);
        return parse.Errors.Count > 0 ? ExitCodes.Usage : CliCapture.Capture(() => parse.Invoke()).Code;
    }

    [Fact]
    public void FailingRunGivesExit1AndResumeRedoesOnlyIt()
    {
        using var fx = new BatchFixture();
        var outDir = fx.Out("out");
        var calls = new ConcurrentBag<string>();
        Assert.Equal(1, Invoke(BatchFixture.Executor(calls), "batch", fx.PlanPath, "--jobs", "2", "--out", outDir));
        Assert.Equal(6, calls.Count);
        var m = BatchManifest.Read(Path.Combine(outDir, "manifest.json"));
        Assert.Equal(5, m.Entries.Count(e => e.Status == BatchRunStatus.Complete));
        Assert.Equal(BatchCommand.ToolVersion(), m.ToolVersion);

        var again = new ConcurrentBag<string>();
        Assert.Equal(0, Invoke(BatchFixture.Executor(again, failGmcaNational: false), "batch", fx.PlanPath, "--resume", "--out", outDir));
        Assert.StartsWith("GMCA_national_", Assert.Single(again));
    }

    [Fact]
    public void ShardsThenMergeEqualTheWholeBatch()
    {
        using var fx = new BatchFixture();
        var exec = BatchFixture.Executor(new ConcurrentBag<string>(), failGmcaNational: false);
        Assert.Equal(0, Invoke(exec, "batch", fx.PlanPath, "--out", fx.Out("whole")));
        Assert.Equal(0, Invoke(exec, "batch", fx.PlanPath, "--shard", "1/2", "--out", fx.Out("s1")));
        Assert.Equal(0, Invoke(exec, "batch", fx.PlanPath, "--shard", "2/2", "--out", fx.Out("s2")));
        Assert.Equal(0, Invoke(exec, "batch", "merge", fx.Out("s1"), fx.Out("s2"), "--out", fx.Out("merged")));
        Assert.Equal(BatchManifest.Read(Path.Combine(fx.Out("whole"), "manifest.json")).ContentHash(),
                     BatchManifest.Read(Path.Combine(fx.Out("merged"), "manifest.json")).ContentHash());
        // one shard of two is bad input unless asked for
        Assert.Equal(1, Invoke(exec, "batch", "merge", fx.Out("s1"), "--out", fx.Out("half")));
        Assert.False(Directory.Exists(fx.Out("half")));
        Assert.Equal(0, Invoke(exec, "batch", "merge", fx.Out("s1"), "--out", fx.Out("half"), "--allow-partial"));
    }

    [Theory]
    [InlineData(2, "--shard", "3/2")]
    [InlineData(2, "--shard", "x")]
    [InlineData(2, "--jobs", "0")]
    [InlineData(2, "--jobs", "many")]
    public void UsageErrorsExit2(int expected, string option, string value)
    {
        using var fx = new BatchFixture();
        Assert.Equal(expected, Invoke(BatchFixture.Executor(new ConcurrentBag<string>()), "batch", fx.PlanPath, option, value, "--out", fx.Out("o")));
    }

    [Fact]
    public void BadPlanExits1AndMergeWithoutOutIsUsage()
    {
        using var fx = new BatchFixture("regions: [WMCA]\nspecs: [nope.yaml]\nyears: [2021]\n");
        Assert.Equal(1, Invoke(BatchFixture.Executor(new ConcurrentBag<string>()), "batch", fx.PlanPath, "--out", fx.Out("o")));
        Assert.Equal(1, Invoke(BatchFixture.Executor(new ConcurrentBag<string>()), "batch", Path.Combine(fx.Root, "missing.yaml"), "--out", fx.Out("o")));
        Assert.Equal(2, Invoke(BatchFixture.Executor(new ConcurrentBag<string>()), "batch", "merge", fx.Out("o")));
    }

    [Fact]
    public void PlainProgressWritesOneLinePerReport()
    {
        var w = new StringWriter();
        using (var p = new ProgressReporter<BatchProgress>("batch", b => new ProgressSnapshot(b.Done, b.Total, b.RunId), interactive: false, plainWriter: w))
        {
            p.Report(new BatchProgress(6, 1, 0, 2, "WMCA_x", BatchRunStatus.Complete, null));
            p.Report(new BatchProgress(6, 1, 1, 2, "GMCA_y", BatchRunStatus.Failed, "boom"));
        }
        Assert.Equal("[3/6] WMCA_x\n[4/6] GMCA_y\n", w.ToString().Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task LiveProgressFinishesOnDispose()
    {
        var done = Task.Run(() =>
        {
            using var p = new ProgressReporter<BatchProgress>("batch", b => new ProgressSnapshot(b.Done, b.Total, b.RunId), interactive: true);
            for (int i = 1; i <= 3; i++) p.Report(new BatchProgress(3, i, 0, 0, "run" + i, BatchRunStatus.Complete, null));
        });
        await done.WaitAsync(TimeSpan.FromSeconds(20)); // throws TimeoutException if the live display never stops
    }
}
