using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Engine.Pipeline;

/// <summary>The shipped cluster definitions (<c>datasets/sectors/clusters_NAME.csv</c>) and user files given to <c>--sector-set</c>.</summary>
public static class SectorSets
{
    /// <summary>A shipped set's name (is8, wmca) or a CSV file; returns the set and the file read.</summary>
    public static (SectorSet Set, string Path) Load(string dataDir, string nameOrFile)
    {
        var shipped = Path.Combine(dataDir, "sectors", "clusters_" + nameOrFile + ".csv");
        if (File.Exists(shipped)) return (SectorSetReader.Read(shipped, nameOrFile), shipped);
        if (File.Exists(nameOrFile)) return (SectorSetReader.Read(Path.GetFullPath(nameOrFile), Path.GetFileNameWithoutExtension(nameOrFile)), Path.GetFullPath(nameOrFile));
        var names = Directory.Exists(Path.Combine(dataDir, "sectors"))
            ? string.Join(", ", Directory.GetFiles(Path.Combine(dataDir, "sectors"), "clusters_*.csv").Select(f => Path.GetFileNameWithoutExtension(f)["clusters_".Length..]).Order(StringComparer.Ordinal))
            : "";
        throw new InputException($"sector set '{nameOrFile}' is neither a file nor a shipped set ({names})", field: "--sector-set");
    }
}
