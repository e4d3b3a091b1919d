namespace CompeteModel.Engine.Batch;

/// <summary>
/// One run's record in the manifest: what went in (spec and input hashes, seed, tool version), what
/// came out (output paths relative to the batch folder with their hashes) and how it went (status,
/// error, notes, timings). Timings are the only fields that differ between two runs of the same plan.
/// </summary>
public sealed record BatchManifestEntry
{
    public required string RunId { get; init; }
    public required string Region { get; init; }
    public required string Spec { get; init; }
    public required string SpecHash { get; init; }
    public required BatchYears Years { get; init; }
    public required BatchOptionSet Options { get; init; }
    public required int Seed { get; init; }
    public required string ToolVersion { get; init; }
    public required IReadOnlyList<BatchFileHash> Inputs { get; init; }
    public required BatchRunStatus Status { get; init; }

    /// <summary>Why the run failed; null when complete.</summary>
    public string? Error { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Output files, relative to the batch output folder (<c>runs/RUNID/...</c>), ordinal order.</summary>
    public IReadOnlyList<BatchFileHash> Outputs { get; init; } = [];

    /// <summary>When the run started (UTC), from the clock the caller supplied.</summary>
    public DateTimeOffset? StartedUtc { get; init; }

    /// <summary>Wall-clock seconds the run took.</summary>
    public double Seconds { get; init; }

    /// <summary>True when this entry records a complete run of <paramref name="run"/> with the same spec hash, input hashes and tool version.</summary>
    public bool IsCompleteFor(BatchRun run, string specHash, IReadOnlyList<BatchFileHash> inputs, string toolVersion) =>
        Status == BatchRunStatus.Complete
        && RunId == run.RunId
        && SpecHash == specHash
        && Seed == run.Seed
        && ToolVersion == toolVersion
        && Inputs.SequenceEqual(inputs);
}
