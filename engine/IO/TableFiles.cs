using System.Globalization;
using CompeteModel.Engine.Errors;
using Parquet;
using Parquet.Schema;

namespace CompeteModel.Engine.IO;

/// <summary>
/// Reads and writes <see cref="Table"/>s as CSV (optionally gzip) or Parquet, chosen by the file
/// extension. Writes are atomic (temporary file, then rename) and deterministic: the same table
/// gives the same bytes.
/// </summary>
public static class TableFiles
{
    public static bool IsParquet(string path) => path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);

    /// <summary>Writes a table as CSV or Parquet by extension.</summary>
    public static void Write(Table table, string path)
    {
        if (IsParquet(path)) WriteParquet(table, path);
        else if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) WriteCsv(table, path);
        else throw new InputException("output must end in .csv or .parquet", path, field: "--out");
    }

    /// <summary>Reads a table from CSV (all columns as text) or Parquet (typed columns).</summary>
    public static Table Read(string path)
    {
        if (!File.Exists(path)) throw new InputException("file not found", path);
        return IsParquet(path) ? ReadParquet(path) : ReadCsv(path);
    }

    /// <summary>CSV: header row, RFC 4180 quoting, doubles in round-trip form, NaN and null as empty.</summary>
    public static void WriteCsv(Table table, string path) =>
        TextFiles.WriteAtomic(path, s => CsvTableWriter.Write(table, s));

    /// <summary>
    /// The same CSV through a <see cref="TextWriter"/> (standard output, tests); one string per cell, so files
    /// go through <see cref="CsvTableWriter"/>, which writes the same bytes.
    /// </summary>
    public static void WriteCsv(Table table, TextWriter w)
    {
        for (int c = 0; c < table.Columns.Count; c++)
        {
            if (c > 0) w.Write(',');
            w.Write(Quote(table.Columns[c].Name));
        }
        w.Write('\n');
        for (int r = 0; r < table.RowCount; r++)
        {
            for (int c = 0; c < table.Columns.Count; c++)
            {
                if (c > 0) w.Write(',');
                var t = table.GetText(table.Columns[c], r);
                if (t is not null) w.Write(Quote(t));
            }
            w.Write('\n');
        }
    }

    /// <summary>Quotes a CSV field when it contains a comma, quote or line break.</summary>
    public static string Quote(string s) =>
        s.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    public static Table ReadCsv(string path)
    {
        using var csv = CsvReader.Open(path);
        var header = csv.ReadHeader();
        int n = header.Names.Count;
        var cols = new List<string?>[n];
        for (int i = 0; i < n; i++) cols[i] = new List<string?>();
        var lines = new List<long>();
        while (csv.Read())
        {
            var f = csv.Fields;
            if (f.Count != n)
                throw new InputException($"expected {n} fields as in the header, found {f.Count}", path, csv.RecordLine);
            for (int i = 0; i < n; i++) cols[i].Add(f[i].Length == 0 ? null : f[i]);
            lines.Add(csv.RecordLine);
        }
        var columns = new TableColumn[n];
        for (int i = 0; i < n; i++) columns[i] = new TableColumn(header.Names[i].Trim(), cols[i].ToArray());
        return new Table(columns, path, lines.ToArray());
    }

    public static void WriteParquet(Table table, string path) =>
        TextFiles.WriteAtomic(path, s => WriteParquetAsync(table, s).GetAwaiter().GetResult());

    private static async Task WriteParquetAsync(Table table, Stream s)
    {
        var fields = table.Columns.Select(FieldFor).ToArray();
        var schema = new ParquetSchema(fields);
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        await using var writer = await ParquetWriter.CreateAsync(schema, s, options, false, CancellationToken.None);
        const int rowGroup = 1 << 20;
        for (int start = 0; start < Math.Max(1, table.RowCount); start += rowGroup)
        {
            int len = Math.Min(rowGroup, table.RowCount - start);
            using var rg = writer.CreateRowGroup();
            for (int c = 0; c < fields.Length; c++)
            {
                var f = fields[c];
                switch (table.Columns[c].Data)
                {
                    case string?[] a: await rg.WriteAsync(f, new ArraySegment<string>(a!, start, len), null); break;
                    case double[] a: await rg.WriteAsync<double>(f, a.AsMemory(start, len), null, null, CancellationToken.None); break;
                    case long[] a: await rg.WriteAsync<long>(f, a.AsMemory(start, len), null, null, CancellationToken.None); break;
                    case int[] a: await rg.WriteAsync<int>(f, a.AsMemory(start, len), null, null, CancellationToken.None); break;
                    case bool[] a: await rg.WriteAsync<bool>(f, a.AsMemory(start, len), null, null, CancellationToken.None); break;
                }
            }
        }
    }

    private static DataField FieldFor(TableColumn c) => c.Data switch
    {
        string?[] => new DataField<string>(c.Name, true),
        double[] => new DataField<double>(c.Name, false),
        long[] => new DataField<long>(c.Name, false),
        int[] => new DataField<int>(c.Name, false),
        bool[] => new DataField<bool>(c.Name, false),
        _ => throw new InvalidOperationException(),
    };

    public static Table ReadParquet(string path) => ReadParquetAsync(path).GetAwaiter().GetResult();

    private static async Task<Table> ReadParquetAsync(string path)
    {
        try
        {
            await using var fs = File.OpenRead(path);
            await using var reader = await ParquetReader.CreateAsync(fs, null, false, CancellationToken.None);
            var fields = reader.Schema.GetDataFields();
            long total = 0;
            for (int g = 0; g < reader.RowGroupCount; g++) total += reader.RowGroups[g].RowCount;
            var cols = new TableColumn[fields.Length];
            for (int c = 0; c < fields.Length; c++)
                cols[c] = new TableColumn(fields[c].Name, await ReadColumnAsync(reader, fields[c], checked((int)total), path));
            return new Table(cols, path);
        }
        catch (Exception e) when (e is not InputException)
        {
            throw new InputException("not a readable Parquet file: " + e.Message, path, inner: e);
        }
    }

    private static async Task<Array> ReadColumnAsync(ParquetReader reader, DataField f, int total, string path)
    {
        var t = f.ClrType;
        if (t == typeof(string) || t == typeof(ReadOnlyMemory<char>))
        {
            var r = new string?[total];
            int k = 0;
            foreach (var rg in reader.RowGroups)
            {
                await rg.ReadAsync(f, new Memory<string?>(r, k, (int)rg.RowCount), null, CancellationToken.None);
                k += (int)rg.RowCount;
            }
            return r;
        }
        if (t == typeof(double)) return await ReadNumeric<double>(reader, f, total, v => v);
        if (t == typeof(float)) return await ReadNumeric<float>(reader, f, total, v => v);
        if (t == typeof(decimal)) return await ReadNumeric<decimal>(reader, f, total, v => (double)v);
        if (t == typeof(long) && !f.IsNullable) return await ReadExact<long>(reader, f, total);
        if (t == typeof(int) && !f.IsNullable) return await ReadExact<int>(reader, f, total);
        if (t == typeof(long)) return await ReadNumeric<long>(reader, f, total, v => v);
        if (t == typeof(int)) return await ReadNumeric<int>(reader, f, total, v => v);
        if (t == typeof(short)) return await ReadNumeric<short>(reader, f, total, v => v);
        if (t == typeof(bool) && !f.IsNullable) return await ReadExact<bool>(reader, f, total);
        throw new InputException($"Parquet column type {t.Name} is not supported", path, field: f.Name);
    }

    private static async Task<T[]> ReadExact<T>(ParquetReader reader, DataField f, int total) where T : struct
    {
        var r = new T[total];
        int k = 0;
        foreach (var rg in reader.RowGroups)
        {
            await rg.ReadAsync<T>(f, new Memory<T>(r, k, (int)rg.RowCount), null, CancellationToken.None);
            k += (int)rg.RowCount;
        }
        return r;
    }

    private static async Task<double[]> ReadNumeric<T>(ParquetReader reader, DataField f, int total, Func<T, double> conv) where T : struct
    {
        var r = new double[total];
        int k = 0;
        foreach (var rg in reader.RowGroups)
        {
            int n = (int)rg.RowCount;
            if (f.IsNullable)
            {
                var buf = new T?[n];
                await rg.ReadAsync<T>(f, new Memory<T?>(buf), null, CancellationToken.None);
                for (int i = 0; i < n; i++) r[k + i] = buf[i] is { } v ? conv(v) : double.NaN;
            }
            else
            {
                var buf = new T[n];
                await rg.ReadAsync<T>(f, new Memory<T>(buf), null, CancellationToken.None);
                for (int i = 0; i < n; i++) r[k + i] = conv(buf[i]);
            }
            k += n;
        }
        return r;
    }
}
