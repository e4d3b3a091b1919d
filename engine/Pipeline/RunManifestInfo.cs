using CompeteModel.Engine.Catalogue;

namespace CompeteModel.Engine.Pipeline;

/// <summary>What run.json records beyond the result: tool version, spec file and input files (paths relative to the data folder).</summary>
public sealed record RunManifestInfo(string Version, string SpecFile, IReadOnlyList<string> Inputs, string DataDirectory)
{
    /// <summary>Every dataset the run read, with its vintage (<see cref="DataCatalogue"/>).</summary>
    public IReadOnlyList<DataSource> Datasets { get; init; } = [];

    /// <summary>Report sections and workbook sheets built from the data beside the run (districts, innovation context, datasets).</summary>
    public RunDataSections Data { get; init; } = RunDataSections.Empty;

    /// <summary>
    /// Time and peak memory at each stage, measured by the caller (the engine reads no clock); null (the default) leaves
    /// the <c>profile</c> block out of run.json, so that reruns stay byte-identical.
    /// </summary>
    public IReadOnlyList<RunProfileEntry>? Profile { get; init; }

    public string Relative(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetFullPath(Path.Combine(DataDirectory, ".."));
        return full.StartsWith(root, StringComparison.Ordinal) ? Path.GetRelativePath(root, full).Replace('\\', '/') : Path.GetFileName(full);
    }
}
