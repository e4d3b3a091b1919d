using System.IO.Compression;
using System.Text;
using CompeteModel.Engine.Complexity;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.IO;

namespace CompeteModel.Tests.Complexity;

/// <summary>
/// <see cref="ComplexityInput.Read"/> (CSV cut into spans, no table of strings) gives what
/// <see cref="ComplexityInput.FromTable"/> gives on <see cref="TableFiles.Read"/>'s table: the same matrices, the same
/// row account and the same rejects with file, line, field, reason and value, plain or gzip, and the same errors.
/// </summary>
public sealed class ComplexityInputReadTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("cm-cxin-");

    public void Dispose() => _dir.Delete(true);

    private static void AssertSame(ComplexityInput expected, ComplexityInput actual)
    {
        Assert.Equal(expected.Account.Summary(), actual.Account.Summary());
        Assert.Equal(expected.Account.Rejects, actual.Account.Rejects);
        Assert.Equal(expected.Years.Select(y => y.Time), actual.Years.Select(y => y.Time));
        for (int t = 0; t < expected.Years.Count; t++)
        {
            var x = expected.Years[t].Matrix;
            var y = actual.Years[t].Matrix;
            Assert.Equal(x.Locations, y.Locations);
            Assert.Equal(x.Products, y.Products);
            Assert.Equal(x.Values, y.Values);
        }
    }

    // The read by default (one thread for these small files), on one thread and in two stages on two threads.
    private static void AssertReadAsTable(string path, string loc, string prod, string val, string? time)
    {
        var expected = ComplexityInput.FromTable(TableFiles.Read(path), loc, prod, val, time);
        AssertSame(expected, ComplexityInput.Read(path, loc, prod, val, time));
        AssertSame(expected, ComplexityInput.Read(path, loc, prod, val, time, pipeline: false));
        AssertSame(expected, ComplexityInput.Read(path, loc, prod, val, time, pipeline: true));
    }

    // The same error from the table path, the one-thread read and the two-stage read.
    private static void AssertSameError(Func<InputException> expected, string path, string loc, string prod, string val)
    {
        var e = expected();
        foreach (bool pipeline in new[] { false, true })
        {
            var actual = Assert.Throws<InputException>(() => ComplexityInput.Read(path, loc, prod, val, null, pipeline));
            Assert.Equal((e.Message, e.File, e.Line, e.Field), (actual.Message, actual.File, actual.Line, actual.Field));
        }
    }

    [Fact]
    public void Shipped_fixtures_and_reference_data_are_read_as_through_a_table()
    {
        AssertReadAsTable(TestData.Fixture("Complexity/messy.csv"), "place", "sector", "jobs", null);
        AssertReadAsTable(TestData.Fixture("Complexity/small_panel.csv"), "place", "sector", "jobs", "year");
        AssertReadAsTable(TestData.Reference("G.regions.industries.csv"), "region", "ind_code", "emp_all", null);
    }

    /// <summary>Seeded rows of every kind the rules know: used, unknown by each marker, and each reject reason, quoted and padded.</summary>
    private string Messy(int seed, bool gzip, int rows = 400)
    {
        var rng = new Random(seed);
        var sb = new StringBuilder("Year, Place ,sector,\"jobs\",note\n");
        string[] values = ["12", " 7.5 ", "\"1,234\"", "\"2,500\"", "", "  ", "*", "..", "x", "X", "-", "!", ":", "c", "NA", "-4", "1e300", "abc", "\"1,23\"", "Infinity", "NaN", "0", "3e2"];
        string[] places = ["north", " south ", "\"east, upper\"", "", "  ", "West", "wést"];
        string[] years = ["2020", "2021", " 2019 ", "", "2020.0"];
        for (int i = 0; i < rows; i++)
        {
            sb.Append(years[rng.Next(years.Length)]).Append(',')
              .Append(places[rng.Next(places.Length)]).Append(',')
              .Append(rng.Next(12) == 0 ? "" : "s" + rng.Next(12)).Append(',')
              .Append(values[rng.Next(values.Length)]).Append(',')
              .Append(rng.Next(3) == 0 ? "\"a\nb\"" : "n").Append(rng.Next(2) == 0 ? "\r\n" : "\n");
            if (rng.Next(20) == 0) sb.Append('\n');
        }
        var path = Path.Combine(_dir.FullName, $"messy{seed}-{rows}.csv" + (gzip ? ".gz" : ""));
        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        if (gzip)
        {
            using var f = File.Create(path);
            using var g = new GZipStream(f, CompressionLevel.Fastest);
            g.Write(bytes);
        }
        else File.WriteAllBytes(path, bytes);
        return path;
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void Seeded_messy_rows_are_read_as_through_a_table(int seed, bool gzip)
    {
        var path = Messy(seed, gzip);
        AssertReadAsTable(path, "place", "SECTOR", "jobs", "year");
        AssertReadAsTable(path, "place", "sector", "jobs", null);
    }

    /// <summary>More rows than one batch of the two-stage read, so records cross from batch to batch.</summary>
    [Fact]
    public void Rows_over_many_batches_are_read_as_through_a_table()
    {
        var path = Messy(4, false, 10_000);
        AssertReadAsTable(path, "place", "SECTOR", "jobs", "year");
    }

    /// <summary>An error of the cutting stage after several batches, a short record there or early on: the table path's errors.</summary>
    [Fact]
    public void Errors_late_in_a_large_file_are_those_of_the_table_path()
    {
        var sb = new StringBuilder("place,sector,jobs\n");
        for (int i = 0; i < 9_000; i++) sb.Append("p").Append(i % 50).Append(",s").Append(i / 50).Append(",1\n");
        var path = Path.Combine(_dir.FullName, "late.csv");
        File.WriteAllText(path, sb + "north,agri,1\nsouth,\"agri\n");
        AssertSameError(() => Assert.Throws<InputException>(() => TableFiles.Read(path)), path, "place", "sector", "jobs");
        File.WriteAllText(path, sb + "north,agri\nsouth,\"agri\n");
        AssertSameError(() => Assert.Throws<InputException>(() => TableFiles.Read(path)), path, "place", "sector", "jobs");
        // A short record early, while the cutting stage still has thousands of records to go.
        File.WriteAllText(path, "place,sector,jobs\nnorth,agri\n" + sb.ToString()[18..]);
        AssertSameError(() => Assert.Throws<InputException>(() => TableFiles.Read(path)), path, "place", "sector", "jobs");
    }

    [Fact]
    public void Errors_are_those_of_the_table_path()
    {
        var path = Path.Combine(_dir.FullName, "bad.csv");
        File.WriteAllText(path, "place,sector,jobs\nnorth,agri,1\nsouth,agri\n");
        var expected = Assert.Throws<InputException>(() => TableFiles.Read(path));
        var actual = Assert.Throws<InputException>(() => ComplexityInput.Read(path, "place", "sector", "jobs", null));
        Assert.Equal((expected.Message, expected.File, expected.Line), (actual.Message, actual.File, actual.Line));

        File.WriteAllText(path, "place,sector,jobs\nnorth,agri,1\n");
        expected = Assert.Throws<InputException>(() => ComplexityInput.FromTable(TableFiles.Read(path), "place", "sector", "value", null));
        actual = Assert.Throws<InputException>(() => ComplexityInput.Read(path, "place", "sector", "value", null));
        Assert.Equal((expected.Message, expected.File, expected.Line, expected.Field), (actual.Message, actual.File, actual.Line, actual.Field));

        File.WriteAllText(path, "place,sector,jobs\nnorth,agri,x\n");
        expected = Assert.Throws<InputException>(() => ComplexityInput.FromTable(TableFiles.Read(path), "place", "sector", "jobs", null));
        actual = Assert.Throws<InputException>(() => ComplexityInput.Read(path, "place", "sector", "jobs", null));
        Assert.Equal((expected.Message, expected.File), (actual.Message, actual.File));
        Assert.Contains("no usable rows", actual.Message);

        var missing = Path.Combine(_dir.FullName, "missing.csv");
        Assert.Equal("file not found", Assert.Throws<InputException>(() => ComplexityInput.Read(missing, "a", "b", "c", null)).Detail);
    }
}
