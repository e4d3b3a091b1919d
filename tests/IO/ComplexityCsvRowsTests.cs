using System.Text;
using CompeteModel.Engine.Complexity;
using CompeteModel.Engine.IO;
using CompeteModel.Tests.Complexity;

namespace CompeteModel.Tests.IO;

/// <summary>
/// <see cref="ComplexityOutput.Write"/> formats a CSV straight from the results: the bytes must be exactly those of
/// <see cref="ComplexityOutput.ToTable"/>'s table through the text writer, for one period and a panel, labels that need
/// quoting, missing (NaN) values, and blocks of rows that cut across locations and periods.
/// </summary>
public class ComplexityCsvRowsTests
{
    private static byte[] TableBytes(IReadOnlyList<ComplexityYearResult> results, string loc, string prod, string? time)
    {
        using var ms = new MemoryStream();
        using (var w = new StreamWriter(ms, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" })
            TableFiles.WriteCsv(ComplexityOutput.ToTable(results, loc, prod, time), w);
        return ms.ToArray();
    }

    private static void AssertSameBytes(IReadOnlyList<ComplexityYearResult> results, string loc, string prod, string? time)
    {
        var expected = TableBytes(results, loc, prod, time);
        var rows = ComplexityCsvRows.TryCreate(results, loc, prod, time);
        Assert.NotNull(rows);
        foreach (var blockRows in new[] { 0, 1, 7, 999 })
        {
            using var ms = new MemoryStream();
            CsvTableWriter.Write(rows, ms, blockRows);
            Assert.Equal(expected, ms.ToArray());
        }
        var dir = Directory.CreateTempSubdirectory("cm-cx-");
        var path = Path.Combine(dir.FullName, "out.csv");
        ComplexityOutput.Write(results, loc, prod, time, path);
        Assert.Equal(expected, File.ReadAllBytes(path));
    }

    /// <summary>Two periods of four locations × three products whose labels need quoting, one location without activity in the second.</summary>
    private static List<ComplexityYearResult> Quoted()
    {
        string?[] locs = ["a,b", "say \"hi\"", "Göttingen", "plain"];
        string?[] prods = ["p1", "p,2", "😀"];
        var l = new List<string?>();
        var p = new List<string?>();
        var v = new List<string?>();
        var t = new List<string?>();
        int k = 0;
        foreach (var year in new[] { "2020, Q1", "2021" })
            for (int i = 0; i < locs.Length; i++)
                for (int s = 0; s < prods.Length; s++)
                {
                    l.Add(locs[i]);
                    p.Add(prods[s]);
                    v.Add(year == "2021" && i == 3 ? "0" : ((k++ * 7 % 11) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    t.Add(year);
                }
        var table = new Table([TableColumn.Of("loc", l.ToArray()), TableColumn.Of("prod", p.ToArray()), TableColumn.Of("val", v.ToArray()), TableColumn.Of("t", t.ToArray())]);
        return ComplexityCalculator.ComputePanel(ComplexityInput.FromTable(table, "loc", "prod", "val", "t").Years, new ComplexityOptions()).ToList();
    }

    [Fact]
    public void World_trade_gives_the_table_bytes() =>
        AssertSameBytes([ComplexityData.WorldTradeResult.Value], "country", "product", null);

    [Fact]
    public void German_panel_gives_the_table_bytes() =>
        AssertSameBytes(ComplexityCalculator.ComputePanel(ComplexityData.GermanPanel.Value.Years, new ComplexityOptions()), "region", "industry", "year");

    [Fact]
    public void Quoted_labels_and_missing_values_give_the_table_bytes()
    {
        var results = Quoted();
        Assert.Equal(2, results.Count);
        // Missing values in each kind of cell: per location, per product, per cell.
        results[0].Eci[1] = double.NaN;
        results[0].Coi[2] = double.NaN;
        results[1].Pci[0] = double.NaN;
        results[1].Density[1] = double.NaN;
        results[1].Cog[2] = double.NaN;
        results[0].Rca[3] = double.NaN;
        AssertSameBytes(results, "loc, \"name\"", "prod", "t");
        AssertSameBytes(results, "loc", "prod", null);
    }

    [Fact]
    public void Labels_too_long_for_a_row_buffer_go_through_the_table()
    {
        var results = Quoted();
        var loc = new string('x', CsvTableWriter.BufferSize);
        var table = new Table([TableColumn.Of("loc", new string?[] { loc, loc, "b", "b" }), TableColumn.Of("prod", new string?[] { "p", "q", "p", "q" }),
            TableColumn.Of("val", new string?[] { "1", "2", "3", "1" })]);
        var longResults = ComplexityCalculator.ComputePanel(ComplexityInput.FromTable(table, "loc", "prod", "val", null).Years, new ComplexityOptions());
        Assert.Null(ComplexityCsvRows.TryCreate(longResults, "loc", "prod", null));
        var dir = Directory.CreateTempSubdirectory("cm-cx-");
        var path = Path.Combine(dir.FullName, "out.csv");
        ComplexityOutput.Write(longResults, "loc", "prod", null, path);
        Assert.Equal(TableBytes(longResults, "loc", "prod", null), File.ReadAllBytes(path));
        Assert.NotNull(ComplexityCsvRows.TryCreate(results, "loc", "prod", null));
    }
}
