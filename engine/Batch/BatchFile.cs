namespace CompeteModel.Engine.Batch;

/// <summary>A file named in a plan: the path as written (recorded in manifests, machine-independent) and its full path here.</summary>
public sealed record BatchFile(string Path, string FullPath);
