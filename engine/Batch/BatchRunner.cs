using CompeteModel.Engine.Errors;

namespace CompeteModel.Engine.Batch;

/// <summary>
/// Executes a plan's runs in parallel, each isolated: a run that fails (returns a failure or throws)
/// is recorded with its error and the others continue. Each run writes into
/// <c>OUT/.work/RUNID/</c>, which is renamed to <c>OUT/runs/RUNID/</c> only when the run succeeds, so
/// killing the process at any moment leaves no half-written run output; the manifest is rewritten
/// atomically after every finished run, so it always lists exactly the runs that finished. A run
/// interrupted by cancellation has no entry and is redone by <c>--resume</c>.
/// </summary>
public static class BatchRunner
{
    public const string WorkFolder = ".work";
    public const string RunsFolder = "runs";

    public static BatchResult Run(BatchPlan plan, BatchOptions options, Func<BatchRun, CancellationToken, BatchRunOutcome> executor,
        IProgress<BatchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (options.Jobs < 1) throw new InputException($"--jobs must be at least 1 (got {options.Jobs})", field: "--jobs");
        var outDir = Path.GetFullPath(options.OutputDirectory);
        if (File.Exists(outDir)) throw new InputException("this is a file; the batch output must be a folder", options.OutputDirectory, field: "--out");
        Directory.CreateDirectory(outDir);
        // one writer per manifest: shards of one plan may share the folder, two processes on one shard may not
        using var held = IO.OutputLock.Acquire(Path.Combine(outDir, BatchManifest.FileNameFor(options.Shard)), options.Holder, "--out");

        var runs = plan.Expand().Where(r => options.Shard is not { } s || s.Contains(r)).ToList();
        var inputHashes = plan.Inputs.Select(i => new BatchFileHash(i.Path, Hashes.OfFile(i.FullPath))).ToArray();
        var specHashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in plan.Specs) specHashes[s.Path] = Hashes.OfFile(s.FullPath);

        var manifestPath = Path.Combine(outDir, BatchManifest.FileNameFor(options.Shard));
        var previous = new Dictionary<string, BatchManifestEntry>(StringComparer.Ordinal);
        if (options.Resume && File.Exists(manifestPath))
            foreach (var e in BatchManifest.Read(manifestPath).Entries) previous[e.RunId] = e;

        var entries = new SortedDictionary<string, BatchManifestEntry>(StringComparer.Ordinal);
        var todo = new List<BatchRun>();
        foreach (var run in runs)
        {
            if (previous.TryGetValue(run.RunId, out var old)
                && old.IsCompleteFor(run, specHashes[run.Spec], inputHashes, options.ToolVersion)
                && old.Outputs.All(o => File.Exists(Path.Combine(outDir, o.Path)) && Hashes.OfFile(Path.Combine(outDir, o.Path)) == o.Sha256))
                entries[run.RunId] = old;
            else todo.Add(run);
        }

        var gate = new object();
        int skipped = runs.Count - todo.Count, completed = 0, failed = 0;
        string? shardText = options.Shard?.ToString();
        void Save() => new BatchManifest(plan.Name, plan.PlanHash, options.ToolVersion, shardText, entries.Values).Write(manifestPath);
        lock (gate) Save();
        progress?.Report(new BatchProgress(runs.Count, 0, 0, skipped, null, null, null));

        try
        {
            Parallel.ForEach(todo, new ParallelOptions { MaxDegreeOfParallelism = options.Jobs, CancellationToken = cancellationToken }, run =>
            {
                var entry = Execute(run, outDir, specHashes[run.Spec], inputHashes, options, executor, cancellationToken);
                if (entry is null) return;
                lock (gate)
                {
                    entries[run.RunId] = entry;
                    if (entry.Status == BatchRunStatus.Complete) completed++; else failed++;
                    Save();
                    progress?.Report(new BatchProgress(runs.Count, completed, failed, skipped, run.RunId, entry.Status, entry.Error));
                }
            });
        }
        finally
        {
            TryDeleteIfEmpty(Path.Combine(outDir, WorkFolder));
        }

        var manifest = new BatchManifest(plan.Name, plan.PlanHash, options.ToolVersion, shardText, entries.Values);
        return new BatchResult(manifest, manifestPath, todo.Count, skipped, failed);
    }

    /// <summary>Runs one plan entry in its own work folder; null when it was interrupted by cancellation.</summary>
    private static BatchManifestEntry? Execute(BatchRun run, string outDir, string specHash, IReadOnlyList<BatchFileHash> inputs,
        BatchOptions options, Func<BatchRun, CancellationToken, BatchRunOutcome> executor, CancellationToken ct)
    {
        var work = Path.Combine(outDir, WorkFolder, run.RunId);
        var final = Path.Combine(outDir, RunsFolder, run.RunId);
        DeleteDirectory(work);
        Directory.CreateDirectory(work);

        var started = options.Clock.GetUtcNow();
        long t0 = options.Clock.GetTimestamp();
        BatchRunOutcome outcome;
        try
        {
            outcome = executor(run with { WorkDirectory = work }, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            DeleteDirectory(work);
            return null;
        }
        catch (InputException e)
        {
            outcome = BatchRunOutcome.Failed(e.Message);
        }
        catch (Exception e)
        {
            outcome = BatchRunOutcome.Failed(e.GetType().Name + ": " + e.Message);
        }

        var outputs = new List<BatchFileHash>();
        if (outcome.Succeeded)
        {
            foreach (var f in Directory.EnumerateFiles(work, "*", SearchOption.AllDirectories)
                         .Select(f => Path.GetRelativePath(work, f).Replace('\\', '/'))
                         .OrderBy(f => f, StringComparer.Ordinal))
                outputs.Add(new BatchFileHash(RunsFolder + "/" + run.RunId + "/" + f, Hashes.OfFile(Path.Combine(work, f))));
            Directory.CreateDirectory(Path.Combine(outDir, RunsFolder));
            var displaced = work + ".old";
            DeleteDirectory(displaced);
            if (Directory.Exists(final)) Directory.Move(final, displaced);
            Directory.Move(work, final);
            DeleteDirectory(displaced);
        }
        else
        {
            DeleteDirectory(work);
            DeleteDirectory(final);
        }

        return new BatchManifestEntry
        {
            RunId = run.RunId,
            Region = run.Region,
            Spec = run.Spec,
            SpecHash = specHash,
            Years = run.Years,
            Options = run.Options,
            Seed = run.Seed,
            ToolVersion = options.ToolVersion,
            Inputs = inputs,
            Status = outcome.Succeeded ? BatchRunStatus.Complete : BatchRunStatus.Failed,
            Error = outcome.Error,
            Notes = outcome.Notes,
            Outputs = outputs,
            StartedUtc = started,
            Seconds = options.Clock.GetElapsedTime(t0).TotalSeconds,
        };
    }

    internal static void DeleteDirectory(string dir)
    {
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }

    private static void TryDeleteIfEmpty(string dir)
    {
        try
        {
            if (Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any()) Directory.Delete(dir);
        }
        catch (IOException)
        {
            // another shard sharing the folder may have just created its work folder there
        }
    }
}
