using System.Text.Json;
using CompeteModel.Engine.Api;
using CompeteModel.Engine.IO;
using Microsoft.Data.Analysis;

namespace CompeteModel.Tests.Api;

/// <summary>
/// docs/notebook.ipynb runs WMCA through the library API. Its code cells after the set-up cell are the body of
/// <see cref="Notebook_code"/> between the markers, word for word, so the notebook's code runs in the suite.
/// </summary>
public class NotebookTests
{
    private static string Notebook => Path.Combine(TestData.Root, "docs", "notebook.ipynb");
    private static string ThisFile => Path.Combine(TestData.Root, "tests", "Api", "NotebookTests.cs");

    [Fact]
    public void Notebook_code_cells_are_the_test_code()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Notebook));
        var code = doc.RootElement.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("cell_type").GetString() == "code")
            .Select(c => string.Concat(c.GetProperty("source").EnumerateArray().Select(s => s.GetString())))
            .ToList();
        Assert.StartsWith("#i \"nuget:", code[0]);
        var source = File.ReadAllText(ThisFile);
        // The last occurrences: the first ones are the literals on this line.
        int begin = source.LastIndexOf("// notebook:begin", StringComparison.Ordinal), end = source.LastIndexOf("// notebook:end", StringComparison.Ordinal);
        Assert.True(begin > 0 && end > begin);
        var body = source[(source.IndexOf('\n', begin) + 1)..end];
        Assert.Equal(Normalise(string.Join("\n", code.Skip(1))), Normalise(body));
    }

    private static string Normalise(string code) =>
        string.Join("\n", code.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    [Fact]
    public void Notebook_code()
    {
        // The notebook's set-up cell: its using directives are this file's; the datasets folder is the repository's.
        var datasets = TestData.Datasets;
        var shown = new List<object?>();
        void display(object? value) => shown.Add(value);

        // notebook:begin
        var compete = Compete.Load(datasets);
        var result = compete.Run("wmca", new CompeteOptions { Draws = 50, Seed = 7 });
        DataFrame rankings = result.Rankings.ToDataFrame();
        display(rankings.Head(10));
        DataFrame indicators = result.Indicators.ToDataFrame();
        DataFrame bands = result.Bands.ToDataFrame();
        display(bands.Head(10));
        display(result.Run.Warnings);
        // notebook:end

        Assert.Equal("wmca", result.Run.Region.Id, ignoreCase: true);
        AssertSame(result.Rankings, rankings);
        AssertSame(result.Indicators, indicators);
        AssertSame(result.Bands, bands);
        Assert.Equal(3, shown.Count);
        var top = Assert.IsType<DataFrame>(shown[0]);
        Assert.Equal(Math.Min(10, rankings.Rows.Count), top.Rows.Count);
        // Ranks in the table are 1..n in order of the composite.
        var rank = rankings.Columns["rank"];
        for (long i = 0; i < rank.Length; i++) Assert.Equal(i + 1, Convert.ToInt64(rank[i]));
        Assert.Same(result.Run.Warnings, shown[2]);
    }

    /// <summary>The DataFrame holds the table's columns in order, with the same values (NaN stays NaN).</summary>
    private static void AssertSame(Table table, DataFrame frame)
    {
        Assert.Equal(table.Columns.Select(c => c.Name), frame.Columns.Select(c => c.Name));
        Assert.Equal(table.RowCount, frame.Rows.Count);
        foreach (var c in table.Columns)
        {
            var f = frame.Columns[c.Name];
            for (int i = 0; i < table.RowCount; i++)
            {
                var expected = c.Data.GetValue(i);
                var actual = f[i];
                if (expected is double d) Assert.Equal(d, (double)actual!);
                else if (expected is int n) Assert.Equal((long)n, (long)actual!);
                else Assert.Equal(expected, actual);
            }
        }
    }

    [Fact]
    public void Notebook_is_a_dotnet_interactive_csharp_notebook()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Notebook));
        Assert.Equal(".net-csharp", doc.RootElement.GetProperty("metadata").GetProperty("kernelspec").GetProperty("name").GetString());
        // The package version the notebook asks for is the engine's own.
        var v = typeof(Compete).Assembly.GetName().Version!;
        var setup = string.Concat(doc.RootElement.GetProperty("cells").EnumerateArray()
            .First(c => c.GetProperty("cell_type").GetString() == "code").GetProperty("source").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains($"#r \"nuget: CompeteModel.Engine, {v.Major}.{v.Minor}.{v.Build}\"", setup);
    }
}
