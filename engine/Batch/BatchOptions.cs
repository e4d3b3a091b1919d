namespace CompeteModel.Engine.Batch;

/// <summary>How to execute a plan.</summary>
public sealed record BatchOptions
{
    /// <summary>The batch output folder: <c>runs/RUNID/</c>, the manifest, and <c>.work/</c> for runs in progress.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Runs executed at once (<c>--jobs</c>); at least 1.</summary>
    public int Jobs { get; init; } = 1;

    /// <summary>Skip runs whose manifest entry is complete with identical spec hash, input hashes, seed and tool version, and whose outputs exist with the recorded hashes.</summary>
    public bool Resume { get; init; }

    /// <summary>Only the runs of this shard (<c>--shard K/N</c>); null for all.</summary>
    public BatchShard? Shard { get; init; }

    /// <summary>Recorded in every entry; a different version makes <see cref="Resume"/> redo a run.</summary>
    public required string ToolVersion { get; init; }

    /// <summary>The clock for the manifest's timings (the engine never reads the system clock itself).</summary>
    public required TimeProvider Clock { get; init; }

    /// <summary>Who writes the folder (command, process), named to a second writer refused by the folder's lock.</summary>
    public string Holder { get; init; } = "compete batch";
}
