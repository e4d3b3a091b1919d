using System.Text;
using CompeteModel.Engine.Complexity;
using CompeteModel.Engine.IO;
using CompeteModel.Tests.Complexity;

namespace CompeteModel.Tests.IO;

/// <summary>
/// The byte writer must give exactly the bytes of the text writer it replaces for files (one string per
/// cell through a UTF-8 <see cref="StreamWriter"/>): the shipped output tables and every shipped CSV are
/// written both ways and compared byte for byte.
/// </summary>
public class CsvTableWriterTests
{
    private static byte[] ThroughTextWriter(Table t)
    {
        using var ms = new MemoryStream();
        using (var w = new StreamWriter(ms, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" })
            TableFiles.WriteCsv(t, w);
        return ms.ToArray();
    }

    private static byte[] ThroughBytes(Table t)
    {
        using var ms = new MemoryStream();
        CsvTableWriter.Write(t, ms);
        return ms.ToArray();
    }

    private static void AssertSameBytes(Table t)
    {
        var expected = ThroughTextWriter(t);
        var actual = ThroughBytes(t);
        Assert.True(expected.Length > 0);
        Assert.Equal(expected.Length, actual.Length);
        Assert.Equal(expected, actual);
    }

    /// <summary>Cells at the edges of formatting and quoting, and enough rows to fill the buffer many times.</summary>
    private static Table EdgeCases()
    {
        var texts = new List<string?>
        {
            "plain", "a,b", "say \"hi\"", "\"", "\"\"", "line\nbreak", "cr\rlf\r\n", "", null, "Göttingen – Straße",
            "emoji 😀 pair", "lone \ud800 high", "lone \udc00 low", "end high \ud800", new string('x', 70_000),
            new string('"', 30_000) + "," + new string('é', 30_000), "😀" + new string('a', 16_383) + "😀😀",
        };
        var doubles = new List<double>
        {
            0.1 + 0.2, -0.0, 0.0, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, double.PositiveInfinity,
            double.NegativeInfinity, double.NaN, 1e21, 1e-7, 123456789012345680000.0, 1.0 / 3, -2.5e-308, 100, 1e15, 1e16, 0.001,
        };
        var rng = new Random(18);
        int n = 40_000;
        var text = new string?[n];
        var dbl = new double[n];
        var lng = new long[n];
        var itg = new int[n];
        var bln = new bool[n];
        var repeated = new double[n];
        var integral = new double[n];
        for (int i = 0; i < n; i++)
        {
            text[i] = texts[i % texts.Count];
            dbl[i] = i < doubles.Count ? doubles[i] : (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-30, 30));
            lng[i] = i switch { 0 => long.MinValue, 1 => long.MaxValue, 2 => 0, _ => rng.NextInt64(long.MinValue, long.MaxValue) };
            itg[i] = i switch { 0 => int.MinValue, 1 => int.MaxValue, _ => rng.Next(int.MinValue, int.MaxValue) };
            bln[i] = rng.Next(2) == 1;
            // Repeats (the writer's cache) and whole numbers on both sides of where "R" turns to exponent form.
            repeated[i] = i % 7 == 0 ? dbl[i % 600] : Math.Round(dbl[i % 3000] * 1e6) / 1e6;
            integral[i] = Math.Round(rng.NextDouble() * Math.Pow(10, rng.Next(0, 18))) * (i % 2 == 0 ? 1 : -1);
        }
        return new Table(new[]
        {
            TableColumn.Of("name, quoted", text), TableColumn.Of("x", dbl), TableColumn.Of("n", lng),
            TableColumn.Of("k", itg), TableColumn.Of("ok", bln), TableColumn.Of("\"é\"", repeated), TableColumn.Of("whole", integral),
        });
    }

    [Fact]
    public void Edge_cases_give_the_same_bytes() => AssertSameBytes(EdgeCases());

    [Theory]
    [InlineData(1)]
    [InlineData(999)]
    [InlineData(40_000)]
    public void Blocks_formatted_in_parallel_give_the_same_bytes(int blockRows)
    {
        var t = EdgeCases();
        using var ms = new MemoryStream();
        CsvTableWriter.Write(t, ms, blockRows);
        Assert.Equal(ThroughTextWriter(t), ms.ToArray());
        var world = ComplexityOutput.ToTable([ComplexityData.WorldTradeResult.Value], "country", "product", null);
        using var ws = new MemoryStream();
        CsvTableWriter.Write(world, ws, blockRows == 1 ? 7 : blockRows);
        Assert.Equal(ThroughBytes(world), ws.ToArray());
        Assert.Equal(ThroughTextWriter(world), ws.ToArray());
    }

    [Fact]
    public void Complexity_output_and_diagnostics_give_the_same_bytes()
    {
        var world = new[] { ComplexityData.WorldTradeResult.Value };
        AssertSameBytes(ComplexityOutput.ToTable(world, "country", "product", null));
        AssertSameBytes(ComplexityOutput.DiagnosticsTable(world));
        var german = ComplexityCalculator.ComputePanel(ComplexityData.GermanPanel.Value.Years, new ComplexityOptions());
        AssertSameBytes(ComplexityOutput.ToTable(german, "region", "industry", "year"));
        AssertSameBytes(ComplexityOutput.DiagnosticsTable(german));
    }

    [Fact]
    public void Every_shipped_csv_gives_the_same_bytes()
    {
        var files = Directory.EnumerateFiles(TestData.Datasets, "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        foreach (var f in files) AssertSameBytes(TableFiles.Read(f));
    }

    [Fact]
    public void A_csv_file_written_by_extension_has_the_same_bytes()
    {
        var dir = Directory.CreateTempSubdirectory("cm-csv-");
        var path = Path.Combine(dir.FullName, "t.csv");
        var t = EdgeCases();
        TableFiles.Write(t, path);
        Assert.Equal(ThroughTextWriter(t), File.ReadAllBytes(path));
    }
}
