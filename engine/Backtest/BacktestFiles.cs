using CompeteModel.Engine.IO;

namespace CompeteModel.Engine.Backtest;

/// <summary>
/// Writes a backtest's files into a folder: backtest.md, backtest.html (charts inline), backtest.csv
/// (<see cref="BacktestTables"/>), backtest_entry_by_density_decile.svg and backtest_roc.svg. Each file is written
/// whole or not at all (written beside and renamed). Returns the paths written.
/// </summary>
public static class BacktestFiles
{
    public const string DecileChart = "backtest_entry_by_density_decile.svg";
    public const string RocChart = "backtest_roc.svg";

    public static IReadOnlyList<string> Write(BacktestResult result, string directory)
    {
        Directory.CreateDirectory(directory);
        var svgs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [DecileChart] = BacktestCharts.DensityDeciles(result.Main),
            [RocChart] = BacktestCharts.Roc(result.Main),
        };
        var md = BacktestMarkdown.Render(result, DecileChart, RocChart);
        var written = new List<string>();
        foreach (var (file, svg) in svgs) written.Add(Text(directory, file, svg));
        written.Add(Text(directory, "backtest.md", md));
        written.Add(Text(directory, "backtest.html", BacktestHtml.Render(md, svgs)));
        var csv = Path.Combine(directory, "backtest.csv");
        TableFiles.Write(BacktestTables.ToTable(result), csv);
        written.Add(csv);
        return written;
    }

    private static string Text(string directory, string file, string text)
    {
        var path = Path.Combine(directory, file);
        TextFiles.WriteAllTextAtomic(path, text);
        return path;
    }
}
