using CompeteModel.Engine.IO;

namespace CompeteModel.Tests.IO;

public class TableFilesTests
{
    private static Table Sample() => new(new[]
    {
        TableColumn.Of("name", new string?[] { "a,b", "say \"hi\"", null, "plain" }),
        TableColumn.Of("x", new[] { 0.1 + 0.2, double.NaN, double.PositiveInfinity, -1e-300 }),
        TableColumn.Of("n", new long[] { 1, 2, 3, long.MaxValue }),
        TableColumn.Of("k", new[] { 7, 8, 9, 10 }),
        TableColumn.Of("ok", new[] { true, false, true, false }),
    });

    [Theory]
    [InlineData("t.csv")]
    [InlineData("t.parquet")]
    public void Round_trips_exactly_through_csv_and_parquet(string name)
    {
        var dir = Directory.CreateTempSubdirectory("cm-io-");
        var path = Path.Combine(dir.FullName, name);
        TableFiles.Write(Sample(), path);
        var back = TableFiles.Read(path);
        var orig = Sample();
        Assert.Equal(orig.RowCount, back.RowCount);
        foreach (var c in orig.Columns)
            for (int r = 0; r < orig.RowCount; r++)
            {
                if (c.Data is double[])
                    Assert.Equal(orig.GetDouble(c, r), back.GetDouble(back.Column(c.Name), r));
                else
                    Assert.Equal(orig.GetText(c, r), back.GetText(back.Column(c.Name), r));
            }
        Assert.Empty(Directory.GetFiles(dir.FullName, "*.tmp"));
    }

    [Fact]
    public void Same_table_gives_same_bytes()
    {
        var dir = Directory.CreateTempSubdirectory("cm-io-");
        foreach (var ext in new[] { "csv", "parquet" })
        {
            var a = Path.Combine(dir.FullName, "a." + ext);
            var b = Path.Combine(dir.FullName, "b." + ext);
            TableFiles.Write(Sample(), a);
            TableFiles.Write(Sample(), b);
            Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        }
    }

    [Theory]
    [InlineData("12,219", 12219)]
    [InlineData("1,234,567.5", 1234567.5)]
    [InlineData("-3.5", -3.5)]
    [InlineData("1e-3", 0.001)]
    public void Parses_published_numbers(string text, double expected)
    {
        Assert.True(Numbers.TryParse(text, out var v));
        Assert.Equal(expected, v);
    }

    [Theory]
    [InlineData("12,21")]
    [InlineData("1,2345")]
    [InlineData("abc")]
    [InlineData("NaN")]
    public void Rejects_malformed_numbers(string text) => Assert.False(Numbers.TryParse(text, out _));
}
