namespace CompeteModel.Engine.Batch;

/// <summary>A file recorded in the manifest: its path (as written in the plan, or relative to the batch output folder) and SHA-256.</summary>
public sealed record BatchFileHash(string Path, string Sha256);
