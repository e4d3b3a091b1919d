using System.Collections.Concurrent;
using CompeteModel.Engine.Batch;

namespace CompeteModel.Tests.Batch;

/// <summary>A temporary plan folder: two specs, one input file, a plan of 3 regions × 2 specs = 6 runs.</summary>
internal sealed class BatchFixture : IDisposable
{
    public BatchFixture(string? planText = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "compete-batch-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "specs"));
        Directory.CreateDirectory(Path.Combine(Root, "data"));
        File.WriteAllText(Path.Combine(Root, "specs", "city-region.yaml"), "name: city-region\n");
        File.WriteAllText(Path.Combine(Root, "specs", "national.yaml"), "name: national\n");
        File.WriteAllText(Path.Combine(Root, "data", "bres.csv"), "region,sector,employment\nWMCA,29,41000\n");
        PlanPath = Path.Combine(Root, "plan.yaml");
        File.WriteAllText(PlanPath, planText ?? """
            name: test-plan
            seed: 7
            regions: [WMCA, GMCA, LCR]
            specs: [specs/city-region.yaml, specs/national.yaml]
            years: ["2015-2021"]
            inputs: [data/bres.csv]
            """);
    }

    public string Root { get; }
    public string PlanPath { get; }
    public string Out(string name) => Path.Combine(Root, name);

    public BatchPlan Plan() => BatchPlanReader.Read(PlanPath);

    public static BatchOptions Options(string outDir, int jobs = 1, bool resume = false, BatchShard? shard = null, DateTimeOffset? clock = null) => new()
    {
        OutputDirectory = outDir,
        Jobs = jobs,
        Resume = resume,
        Shard = shard,
        ToolVersion = "0.1.0-test",
        Clock = new FixedClock(clock ?? new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)),
    };

    /// <summary>
    /// Writes two files whose content depends only on the run's parameters; fails (throws) for GMCA under
    /// the national spec when <paramref name="failGmcaNational"/>. Records every run it was called for.
    /// </summary>
    public static Func<BatchRun, CancellationToken, BatchRunOutcome> Executor(ConcurrentBag<string> calls, bool failGmcaNational = true) =>
        (run, ct) =>
        {
            calls.Add(run.RunId);
            File.WriteAllText(Path.Combine(run.WorkDirectory, "rankings.csv"), $"region,spec,seed\n{run.Region},{run.Spec},{run.Seed}\n");
            if (failGmcaNational && run.Region == "GMCA" && run.Spec.EndsWith("national.yaml", StringComparison.Ordinal))
                throw new InvalidOperationException("deliberate failure for GMCA/national");
            Directory.CreateDirectory(Path.Combine(run.WorkDirectory, "charts"));
            File.WriteAllText(Path.Combine(run.WorkDirectory, "charts", "bubble.svg"), $"<svg>{run.RunId}</svg>");
            return BatchRunOutcome.Success("note for " + run.Region);
        };

    public void Dispose()
    {
        try { Directory.Delete(Root, true); } catch (IOException) { }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
