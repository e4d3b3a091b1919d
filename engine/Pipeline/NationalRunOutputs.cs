using CompeteModel.Engine.IO;

namespace CompeteModel.Engine.Pipeline;

/// <summary>Writes a national run's tables into one folder, each file atomically: rankings, indicators, unscored, sensitivity, diagnostics, summary.</summary>
public static class NationalRunOutputs
{
    /// <summary>Writes the files and returns their names.</summary>
    public static IReadOnlyList<string> Write(NationalRunResult result, string dir)
    {
        var t = result.ToTables();
        var files = new[]
        {
            ("rankings.csv", t.Rankings), ("rankings.parquet", t.Rankings), ("indicators.parquet", t.Indicators), ("indicators.csv", t.Indicators),
            ("unscored.csv", t.Unscored), ("sensitivity.csv", t.Sensitivity), ("diagnostics.csv", t.Diagnostics), ("summary.csv", t.Summary),
        };
        foreach (var (name, tab) in files) TableFiles.Write(tab, Path.Combine(dir, name));
        return files.Select(f => f.Item1).ToArray();
    }
}
