namespace CompeteModel.Engine.Batch;

/// <summary>The outcome of <see cref="BatchRunner.Run"/>: the manifest written and what happened this time.</summary>
public sealed record BatchResult(BatchManifest Manifest, string ManifestPath, int Executed, int Skipped, int Failed)
{
    public bool AllComplete => Failed == 0 && Manifest.Entries.All(e => e.Status == BatchRunStatus.Complete);
}
