using CompeteModel.Engine.IO;

namespace CompeteModel.Engine.Pipeline;

/// <summary>Writes the feasibility study into one folder: feasibility.md and the three rankings it compares, each file atomically.</summary>
public static class FeasibilityOutputs
{
    /// <summary>Writes the files and returns the Markdown report (the text <c>compete feasibility</c> prints).</summary>
    public static string Write(FeasibilityStudy.Result result, string dir)
    {
        var md = FeasibilityMarkdown.Render(result);
        TextFiles.WriteAllTextAtomic(Path.Combine(dir, "feasibility.md"), md);
        TableFiles.Write(result.National.ToTables().Rankings, Path.Combine(dir, "national_rankings.csv"));
        TableFiles.Write(RunTables.Rankings(result.Micro), Path.Combine(dir, "city_region_rankings_firm_data.csv"));
        TableFiles.Write(RunTables.Rankings(result.Published), Path.Combine(dir, "city_region_rankings_published.csv"));
        return md;
    }
}
