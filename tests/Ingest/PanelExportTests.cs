using System.Globalization;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Sectors;
using Parquet;

namespace CompeteModel.Tests.Ingest;

public class PanelExportTests
{
    private static Panel Sample()
    {
        // WMCA and North Eastern Scotland by division, 2015 and 2021: holds unknown cells (NaN) and partial sums (upper +∞).
        var uk = UkDataTests.Data.Value;
        return uk.BuildEmploymentPanel(new[] { uk.Geography.Resolve("wmca"), uk.Geography.Resolve("TLM5") }, SectorLevel.Division, new[] { 2015, 2021 });
    }

    [Fact]
    public void Long_table_has_one_row_per_cell_with_the_agreed_columns()
    {
        var p = Sample();
        var t = PanelExport.ToLongTable(p);
        Assert.Equal(new[] { "region", "region_name", "sector", "sector_name", "year", "measure", "value", "lower", "upper", "firms", "provenance" },
            t.Columns.Select(c => c.Name));
        Assert.Equal(p.CellCount, t.RowCount);
        Assert.Equal("E47000007", t.GetText(t.Column("region"), 0));
        Assert.Equal("PublishedStatistics", t.GetText(t.Column("provenance"), 0));
        Assert.All((int[])t.Column("firms").Data, f => Assert.Equal(0, f));
        Assert.Contains((double[])t.Column("upper").Data, double.IsPositiveInfinity);
    }

    [Fact]
    public void Round_trip_through_CSV_gives_identical_values()
    {
        var t = PanelExport.ToLongTable(Sample());
        var path = Path.Combine(Path.GetTempPath(), $"panel_{Guid.NewGuid():N}.csv");
        try
        {
            // Written through the TextWriter overload: TableFiles.WriteCsv(table, path) currently disposes the file
            // stream before WriteAtomic flushes it (ObjectDisposedException); reported to the lead.
            using (var w = new StreamWriter(path)) TableFiles.WriteCsv(t, w);
            var back = TableFiles.Read(path);
            Assert.Equal(t.RowCount, back.RowCount);
            foreach (var name in new[] { "value", "lower", "upper" })
                AssertBitIdentical((double[])t.Column(name).Data, ((string?[])back.Column(name).Data).Select(ParseCsv).ToArray());
            foreach (var name in new[] { "region", "region_name", "sector", "sector_name", "year", "measure", "firms", "provenance" })
                for (int i = 0; i < t.RowCount; i++)
                    Assert.Equal(t.GetText(t.Column(name), i), back.GetText(back.Column(name), i));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Round_trip_through_Parquet_gives_identical_values()
    {
        var t = PanelExport.ToLongTable(Sample());
        var path = Path.Combine(Path.GetTempPath(), $"panel_{Guid.NewGuid():N}.parquet");
        try
        {
            TableFiles.Write(t, path);
            // Read with Parquet.Net directly: TableFiles.ReadParquet does not yet accept string columns, which
            // Parquet.Net 6 reports as ReadOnlyMemory<char> (reported to the lead).
            var back = ReadParquetColumns(path);
            foreach (var name in new[] { "value", "lower", "upper" })
                AssertBitIdentical((double[])t.Column(name).Data, (double[])back[name]);
            Assert.Equal((int[])t.Column("year").Data, (int[])back["year"]);
            Assert.Equal((int[])t.Column("firms").Data, (int[])back["firms"]);
            foreach (var name in new[] { "region", "sector", "sector_name", "measure", "provenance" })
                Assert.Equal((string?[])t.Column(name).Data, (string?[])back[name]);
        }
        finally { File.Delete(path); }
    }

    private static void AssertBitIdentical(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected[i]), BitConverter.DoubleToInt64Bits(actual[i]));
    }

    private static Dictionary<string, Array> ReadParquetColumns(string path) => ReadParquetColumnsAsync(path).GetAwaiter().GetResult();

    private static async Task<Dictionary<string, Array>> ReadParquetColumnsAsync(string path)
    {
        await using var fs = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(fs, null, false, CancellationToken.None);
        int total = (int)reader.RowGroups.Sum(g => g.RowCount);
        var result = new Dictionary<string, Array>();
        foreach (var f in reader.Schema.GetDataFields())
        {
            int k = 0;
            switch (f.Name)
            {
                case "value" or "lower" or "upper":
                    var d = new double[total];
                    foreach (var rg in reader.RowGroups) { await rg.ReadAsync<double>(f, new Memory<double>(d, k, (int)rg.RowCount), null, CancellationToken.None); k += (int)rg.RowCount; }
                    result[f.Name] = d;
                    break;
                case "year" or "firms":
                    var n = new int[total];
                    foreach (var rg in reader.RowGroups) { await rg.ReadAsync<int>(f, new Memory<int>(n, k, (int)rg.RowCount), null, CancellationToken.None); k += (int)rg.RowCount; }
                    result[f.Name] = n;
                    break;
                default:
                    var s = new string?[total];
                    foreach (var rg in reader.RowGroups) { await rg.ReadAsync(f, new Memory<string?>(s, k, (int)rg.RowCount), null, CancellationToken.None); k += (int)rg.RowCount; }
                    result[f.Name] = s;
                    break;
            }
        }
        return result;
    }

    // CSV cells are text: NaN is written empty, +∞ as "Infinity" (Numbers.TryParse does not accept it, so parse directly).
    private static double ParseCsv(string? s) => s is null ? double.NaN : double.Parse(s, CultureInfo.InvariantCulture);
}
