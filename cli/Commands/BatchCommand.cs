using System.CommandLine;
using System.Reflection;
using CompeteModel.Cli.Infrastructure;
using CompeteModel.Engine.Batch;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;

namespace CompeteModel.Cli.Commands;

/// <summary>
/// <c>compete batch PLAN.yaml [--jobs N] [--resume] [--shard K/N] [--out DIR]</c> and
/// <c>compete batch merge DIR... --out DIR</c>. The run itself is the executor passed to
/// <see cref="Create"/>: the command only plans, schedules, records and reports. Exit code 0 when every
/// run of the plan (or shard) is complete, 1 when a run failed or the plan is bad, 2 on a usage error,
/// 130 when interrupted (rerun with --resume).
/// </summary>
public static class BatchCommand
{
    public const int Interrupted = 130;

    public static Command Create(Func<BatchRun, CancellationToken, BatchRunOutcome> executor)
    {
        var cmd = new Command("batch", "Run a plan of many runs (regions × specs × years × option sets) in parallel, resumably; see docs/batch.md.");
        var plan = new Argument<string>("plan") { Description = "The batch plan (YAML)." };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Runs at once (default: number of processors).", DefaultValueFactory = _ => Environment.ProcessorCount }.AtLeast(1);
        var resume = new Option<bool>("--resume") { Description = "Skip runs already complete with identical spec and input hashes, seed and tool version." };
        var shard = new Option<string?>("--shard") { Description = "Run only shard K of N (K/N, 1-based), e.g. for a Slurm array or Kubernetes indexed Job." };
        var output = new Option<string>("--out", "-o") { Description = "Batch output folder.", DefaultValueFactory = _ => Path.Combine("out", "batch") };
        cmd.Arguments.Add(plan);
        cmd.Options.Add(jobs);
        cmd.Options.Add(resume);
        cmd.Options.Add(shard);
        cmd.Options.Add(output);
        cmd.SetAction(pr => Guard.Run(() =>
        {
            var jobCount = pr.GetValue(jobs);
            if (jobCount < 1) throw new UsageException($"--jobs must be at least 1 (got {jobCount})");
            BatchShard? part = null;
            if (pr.GetValue(shard) is { } text)
            {
                try { part = BatchShard.Parse(text); }
                catch (InputException e) { throw new UsageException(e.Detail); }
            }
            var thePlan = BatchPlanReader.Read(pr.GetValue(plan)!, RegionKey());
            var options = new BatchOptions
            {
                OutputDirectory = pr.GetValue(output)!,
                Jobs = jobCount,
                Resume = pr.GetValue(resume),
                Shard = part,
                ToolVersion = ToolVersion(),
                Clock = TimeProvider.System,
                Holder = Outputs.Holder("batch"),
            };
            return Execute(thePlan, options, executor);
        }));
        cmd.Subcommands.Add(MergeCommand());
        return cmd;
    }

    private static int Execute(BatchPlan plan, BatchOptions options, Func<BatchRun, CancellationToken, BatchRunOutcome> executor)
    {
        using var cts = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            Console.Error.WriteLine("interrupting: runs in progress are abandoned; rerun with --resume");
            cts.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            BatchResult result;
            using (var progress = new ProgressReporter<BatchProgress>("batch " + plan.Name, Describe))
                result = BatchRunner.Run(plan, options, executor, progress, cts.Token);
            foreach (var e in result.Manifest.Entries.Where(e => e.Status == BatchRunStatus.Failed))
                Console.Error.WriteLine($"failed: {e.RunId}: {e.Error}");
            Console.Error.WriteLine($"{result.Manifest.Entries.Count(e => e.Status == BatchRunStatus.Complete)} complete, {result.Failed} failed, "
                                    + $"{result.Skipped} skipped (already complete), {result.Executed} executed");
            Console.Out.WriteLine(result.ManifestPath);
            return result.AllComplete ? ExitCodes.Success : ExitCodes.BadInput;
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            Console.Error.WriteLine("interrupted; finished runs are recorded in the manifest; rerun with --resume");
            return Interrupted;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static Command MergeCommand()
    {
        var cmd = new Command("merge", "Join the manifests and outputs of a plan's shards into one folder.");
        var dirs = new Argument<string[]>("dirs") { Description = "The shards' output folders.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = "The merged output folder (replaced as a whole when the merge succeeds).", Required = true };
        var partial = new Option<bool>("--allow-partial") { Description = "Merge even when shards of 1..N are missing (the manifest then lacks their runs)." };
        cmd.Arguments.Add(dirs);
        cmd.Options.Add(output);
        cmd.Options.Add(partial);
        cmd.SetAction(pr => Guard.Run(() =>
        {
            var merged = BatchMerge.Merge(pr.GetValue(dirs)!, pr.GetValue(output)!, pr.GetValue(partial), Outputs.Holder("batch merge"));
            int failed = merged.Entries.Count(e => e.Status == BatchRunStatus.Failed);
            Console.Error.WriteLine($"merged {merged.Entries.Count} runs ({failed} failed) into {Path.GetFullPath(pr.GetValue(output)!)}");
            Console.Out.WriteLine(Path.Combine(Path.GetFullPath(pr.GetValue(output)!), BatchManifest.FileName));
            return ExitCodes.Success;
        }));
        return cmd;
    }

    /// <summary>
    /// The region a plan entry names (wmca, E47000007, "West Midlands" → WMCA), from the shipped geography; a name it
    /// does not know is its own key (that run then fails with the geography's message). Null without the datasets folder.
    /// </summary>
    private static Func<string, string>? RegionKey()
    {
        GeographyModel geo;
        try
        {
            geo = Engine.Ingest.Uk.UkData.Load(DataPaths.Resolve(null)).Geography;
        }
        catch (InputException)
        {
            return null;
        }
        return text =>
        {
            try { return geo.Resolve(text).Id; }
            catch (InputException) { return text; }
        };
    }

    private static ProgressSnapshot Describe(BatchProgress p) => new(p.Done, p.Total,
        p.RunId is null
            ? (p.Skipped > 0 ? $"{p.Skipped} of {p.Total} runs already complete, skipped" : $"{p.Total} runs to do")
            : p.Status == BatchRunStatus.Complete ? $"{p.RunId}: complete" : $"{p.RunId}: FAILED: {p.Error}");

    /// <summary>The version recorded in manifests and compared by --resume: <see cref="Infrastructure.ToolVersion.Value"/> (no source-control suffix, so a rebuild keeps completed runs).</summary>
    public static string ToolVersion() => Infrastructure.ToolVersion.Value;
}
