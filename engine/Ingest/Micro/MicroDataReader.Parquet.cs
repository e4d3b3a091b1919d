using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Sectors;
using Parquet;
using Parquet.Schema;

namespace CompeteModel.Engine.Ingest.Micro;

/// <summary>
/// The Parquet path. Columns are decoded into flat typed arrays by up to two threads, one job per row group and column
/// set (firm ids and measures; years, birth years and itl2; districts; SIC codes; the text columns), each job writing
/// only its own rows of its own arrays, so the result does not depend on scheduling. District and SIC pages are decoded
/// from the file's bytes by <see cref="TextPages"/> (no string per value; Parquet.Net's raw character read for layouts
/// it declines) and resolved once per distinct value (a value equal to the previous row's is reused without a lookup).
/// A cell that is missing, out of range, unparsable or otherwise not plainly good marks its row for the slow path,
/// which rebuilds the row and runs the same checks as the CSV path; then every row is kept or rejected in file order
/// (duplicates included), so the accounting is exact.
/// </summary>
public static partial class MicroDataReader
{
    private const int Threads = 2;

    private enum ColumnSet { Measures, Years, Lad, Sic, Text }

    // Slots of the per row-group maps of cells that need the slow path.
    private const int SId = 0, SYear = 1, SLad = 2, SSic = 3, SEmp = 4, STurn = 5, SBirth = 6, SItl2 = 7, Slots = 8;

    private static MicroData ReadParquet(string path, GeographyModel geo, SicHierarchy sic, bool readText) =>
        ReadParquet(path, geo, sic, readText, pageDecoder: true, stats: null);

    /// <param name="pageDecoder">False reads the district and SIC columns through Parquet.Net only (tests compare the two paths).</param>
    /// <param name="stats">Counts the column chunks the page decoder took and those it left to Parquet.Net.</param>
    internal static MicroData ReadParquet(string path, GeographyModel geo, SicHierarchy sic, bool readText, bool pageDecoder, PageDecodeStats? stats)
    {
        try
        {
            return ReadParquetColumns(path, geo, sic, readText, pageDecoder, stats);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0 && e.InnerExceptions[0] is InputException)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
        catch (Exception e) when (e is not InputException)
        {
            var inner = e is AggregateException { InnerExceptions.Count: > 0 } a ? a.InnerExceptions[0] : e;
            throw new InputException("not a readable Parquet file: " + inner.Message, path, inner: inner);
        }
    }

    private sealed record MicroSchema(DataField Id, DataField Year, DataField Lad, DataField Sic, DataField Employment,
        DataField? Turnover, DataField? Birth, DataField? Description, DataField? Cpc, DataField? Itl2);

    private static MicroData ReadParquetColumns(string path, GeographyModel geo, SicHierarchy sic, bool readText, bool pageDecoder, PageDecodeStats? stats)
    {
        MicroSchema schema;
        long[] starts;
        int[] counts;
        using (var w = new Worker(path, geo, sic, 0))
        {
            var reader = w.Reader;
            var fields = reader.Schema.GetDataFields();
            DataField? Find(string name, bool required)
            {
                var f = fields.FirstOrDefault(x => string.Equals(x.Name, name, StringComparison.OrdinalIgnoreCase));
                if (f is null && required)
                    throw new InputException($"required column '{name}' is missing; the file has: {string.Join(", ", fields.Select(x => x.Name))}", path, 1, name);
                if (f is not null) TypedColumn.CheckSupported(f);
                return f;
            }
            schema = new MicroSchema(Find("firm_id", true)!, Find("year", true)!, Find("lad_code", true)!, Find("sic", true)!, Find("employment", true)!,
                Find("turnover", false), Find("birth_year", false), readText ? Find("description", false) : null, readText ? Find("cpc", false) : null,
                Find("itl2", false));
            int groups = reader.RowGroupCount;
            starts = new long[groups + 1];
            counts = new int[groups];
            for (int g = 0; g < groups; g++)
            {
                counts[g] = checked((int)reader.RowGroups[g].RowCount);
                starts[g + 1] = starts[g] + counts[g];
            }
        }
        int total = checked((int)starts[^1]);
        int maxGroup = counts.Length == 0 ? 0 : counts.Max();
        var b = new Builder(path, geo, sic, total);
        var job = new Decode(path, geo, schema, b, starts, counts, total, pageDecoder, stats);

        var jobs = new List<(int Group, ColumnSet Set)>();
        for (int g = 0; g < counts.Length; g++)
        {
            // The two number sets first: they cost the most, so the two threads end at about the same time.
            jobs.Add((g, ColumnSet.Measures));
            jobs.Add((g, ColumnSet.Years));
            jobs.Add((g, ColumnSet.Lad));
            jobs.Add((g, ColumnSet.Sic));
            if (schema.Description is not null || schema.Cpc is not null) jobs.Add((g, ColumnSet.Text));
        }
        Parallel.ForEach(Partitioner.Create(jobs, EnumerablePartitionerOptions.NoBuffering), new ParallelOptions { MaxDegreeOfParallelism = Threads },
            () => new Worker(path, geo, sic, maxGroup),
            (j, _, w) => { job.Run(w, j.Group, j.Set); return w; },
            w => w.Dispose());
        return job.Finish();
    }

    /// <summary>One thread's reader, buffers and resolver (never shared between threads).</summary>
    private sealed class Worker : IDisposable
    {
        private readonly FileStream _fs;

        public Worker(string path, GeographyModel geo, SicHierarchy sic, int capacity)
        {
            _fs = File.OpenRead(path);
            try
            {
                Reader = ParquetReader.CreateAsync(_fs, null, false, CancellationToken.None).GetAwaiter().GetResult();
            }
            catch
            {
                _fs.Dispose();
                throw;
            }
            Resolver = new Resolver(geo, sic);
            Column = new TypedColumn(capacity);
            Pages = new TextPages(_fs.SafeFileHandle);
            Numbers = new NumberPages(_fs.SafeFileHandle);
            Itl2Values = new ValueTable<string>(s => s);
            LadValues = new ValueTable<int>(s => Resolver.Lad(s));
            SicValues = new ValueTable<(string? Code, int Subclass)>(s => Resolver.Sic(s));
        }

        public ParquetReader Reader { get; }
        public Resolver Resolver { get; }
        public TypedColumn Column { get; }
        public TextPages Pages { get; }
        public NumberPages Numbers { get; }
        public ValueTable<string> Itl2Values { get; }
        public ValueTable<int> LadValues { get; }
        public ValueTable<(string? Code, int Subclass)> SicValues { get; }
        public Dictionary<string, string> CpcIntern { get; } = new(StringComparer.Ordinal);

        public void Dispose()
        {
            Pages.Dispose();
            Numbers.Dispose();
            Column.Dispose();
            Reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _fs.Dispose();
        }
    }

    /// <summary>The shared output of the decoding jobs: the builder's arrays (row r at index r), the slow-path marks and cells.</summary>
    private sealed class Decode(string path, GeographyModel geo, MicroSchema schema, Builder b, long[] starts, int[] counts, int total, bool pageDecoder, PageDecodeStats? stats)
    {
        private readonly byte[] _slow = new byte[total];
        private readonly Dictionary<int, Cell>?[] _cells = new Dictionary<int, Cell>?[counts.Length * Slots];
        private readonly Dictionary<int, string?>?[] _texts = new Dictionary<int, string?>?[counts.Length * Slots];
        private readonly bool[] _straddles = geo.Lads.Select(l => l.Straddles).ToArray();

        public void Run(Worker w, int g, ColumnSet set)
        {
            var rg = w.Reader.RowGroups[g];
            int n = counts[g], start = (int)starts[g];
            switch (set)
            {
                case ColumnSet.Lad: DecodeLad(w, rg, g, n, start); break;
                case ColumnSet.Sic: DecodeSic(w, rg, g, n, start); break;
                case ColumnSet.Measures: DecodeMeasures(w, rg, g, n, start); break;
                case ColumnSet.Years: DecodeYears(w, rg, g, n, start); break;
                default: DecodeText(w, rg, n, start); break;
            }
        }

        /// <summary>
        /// The worker's number page decoder for a column read cell by cell: null when the test asks for Parquet.Net only, or
        /// when the column is of the type <see cref="Direct{T}"/> reads (<paramref name="stored"/>), which has tried it already.
        /// </summary>
        private NumberPages? Numbers(Worker w, DataField f, Type stored) => pageDecoder && f.ClrType != stored ? w.Numbers : null;

        private void MarkText(int g, int slot, int i, int start, string? raw)
        {
            _slow[start + i] = 1;
            (_texts[g * Slots + slot] ??= new Dictionary<int, string?>())[i] = raw;
        }

        private void MarkCell(int g, int slot, int i, int start, Cell c)
        {
            _slow[start + i] = 1;
            (_cells[g * Slots + slot] ??= new Dictionary<int, Cell>())[i] = c;
        }

        private void DecodeLad(Worker w, ParquetRowGroupReader rg, int g, int n, int start)
        {
            if (pageDecoder && w.Pages.TryLoad(schema.Lad, rg, n, w.LadValues, stats))
            {
                var ids = w.Pages.Ids(n);
                var values = w.LadValues;
                var lads = b.Lad;
                int nullLad = w.Resolver.Lad(default);
                int prevId = -2, l = -1;
                for (int i = 0; i < n; i++)
                {
                    int id = ids[i];
                    if (id != prevId) (prevId, l) = (id, id < 0 ? nullLad : values.Value(id));
                    lads[start + i] = l;
                    if (l < 0) MarkText(g, SLad, i, start, id < 0 ? null : values.Text(id));
                    else if (_straddles[l]) _slow[start + i] = 1;
                }
                return;
            }
            var c = w.Column;
            c.LoadChars(schema.Lad, rg, n);
            var lad = b.Lad;
            var prev = ReadOnlyMemory<char>.Empty;
            int prevLad = -1;
            bool havePrev = false;
            for (int i = 0; i < n; i++)
            {
                bool isNull = c.IsNull(i);
                var m = c.Chars(i);
                int l;
                if (havePrev && !isNull && m.Span.SequenceEqual(prev.Span)) l = prevLad;
                else
                {
                    l = w.Resolver.Lad(m.Span);
                    if (!isNull) (prev, prevLad, havePrev) = (m, l, true);
                }
                lad[start + i] = l;
                if (l < 0) MarkText(g, SLad, i, start, isNull ? null : m.ToString());
                else if (_straddles[l]) _slow[start + i] = 1;
            }
        }

        private void DecodeSic(Worker w, ParquetRowGroupReader rg, int g, int n, int start)
        {
            if (pageDecoder && w.Pages.TryLoad(schema.Sic, rg, n, w.SicValues, stats))
            {
                var ids = w.Pages.Ids(n);
                var values = w.SicValues;
                var codes = b.SicCode;
                var subs = b.Subclass;
                var nullSic = w.Resolver.Sic(default);
                int prevId = -2;
                (string? Code, int Subclass) s = default;
                for (int i = 0; i < n; i++)
                {
                    int id = ids[i];
                    if (id != prevId) (prevId, s) = (id, id < 0 ? nullSic : values.Value(id));
                    codes[start + i] = s.Code!;
                    subs[start + i] = s.Subclass;
                    if (s.Code is null) MarkText(g, SSic, i, start, id < 0 ? null : values.Text(id));
                }
                return;
            }
            var c = w.Column;
            c.LoadChars(schema.Sic, rg, n);
            var code = b.SicCode;
            var sub = b.Subclass;
            var prev = ReadOnlyMemory<char>.Empty;
            (string? Code, int Subclass) prevSic = (null, -1);
            bool havePrev = false;
            for (int i = 0; i < n; i++)
            {
                bool isNull = c.IsNull(i);
                var m = c.Chars(i);
                (string? Code, int Subclass) s;
                if (havePrev && !isNull && m.Span.SequenceEqual(prev.Span)) s = prevSic;
                else
                {
                    s = w.Resolver.Sic(m.Span);
                    if (!isNull) (prev, prevSic, havePrev) = (m, s, true);
                }
                code[start + i] = s.Code!;
                sub[start + i] = s.Subclass;
                if (s.Code is null) MarkText(g, SSic, i, start, isNull ? null : m.ToString());
            }
        }

        /// <summary>firm_id, employment and turnover.</summary>
        private void DecodeMeasures(Worker w, ParquetRowGroupReader rg, int g, int n, int start)
        {
            var c = w.Column;

            var id = b.Id;
            if (Direct(w, schema.Id, rg, id, start, n, out var nulls))
                MarkNulls(w, g, SId, start, n, nulls);
            else
            {
                c.Load(schema.Id, rg, n, Numbers(w, schema.Id, typeof(long)), stats);
                for (int i = 0; i < n; i++)
                {
                    var cell = c.Get(i);
                    // Text ids keep their text for messages: they always take the slow path.
                    if (cell.Kind != 1 && cell.TryLong(out var v)) id[start + i] = v;
                    else MarkCell(g, SId, i, start, cell);
                }
            }

            var emp = b.Employment;
            if (Direct(w, schema.Employment, rg, emp, start, n, out nulls))
            {
                for (int i = 0; i < n; i++)
                {
                    double v = emp[start + i];
                    if (!(v >= 0 && v <= ValueRule.Ceiling && v == Math.Floor(v))) MarkCell(g, SEmp, i, start, Cell.Of(v));
                }
                MarkNulls(w, g, SEmp, start, n, nulls);
            }
            else
            {
                c.Load(schema.Employment, rg, n, Numbers(w, schema.Employment, typeof(double)), stats);
                for (int i = 0; i < n; i++)
                {
                    var cell = c.Get(i);
                    if (cell.TryDouble(out var v) && v >= 0 && v <= ValueRule.Ceiling && v == Math.Floor(v)) emp[start + i] = v;
                    else MarkCell(g, SEmp, i, start, cell);
                }
            }

            var turn = b.Turnover;
            if (schema.Turnover is null) Array.Fill(turn, double.NaN, start, n);
            else
            {
                if (Direct(w, schema.Turnover, rg, turn, start, n, out nulls))
                    for (int i = 0; i < n; i++)
                    {
                        double v = turn[start + i];
                        if (nulls && w.Numbers.IsNull(i)) turn[start + i] = double.NaN;
                        else if (!double.IsNaN(v) && !(v >= 0 && v <= ValueRule.Ceiling)) MarkCell(g, STurn, i, start, Cell.Of(v));
                    }
                else
                {
                    c.Load(schema.Turnover, rg, n, Numbers(w, schema.Turnover, typeof(double)), stats);
                    for (int i = 0; i < n; i++)
                    {
                        var cell = c.Get(i);
                        if (cell.IsMissing) turn[start + i] = double.NaN;
                        else if (cell.TryDouble(out var v) && (double.IsNaN(v) || (v >= 0 && v <= ValueRule.Ceiling))) turn[start + i] = v;
                        else MarkCell(g, STurn, i, start, cell);
                    }
                }
            }
        }

        /// <summary>year, birth_year (checked against the year) and itl2.</summary>
        private void DecodeYears(Worker w, ParquetRowGroupReader rg, int g, int n, int start)
        {
            var c = w.Column;

            var year = b.Year;
            if (Direct(w, schema.Year, rg, year, start, n, out var nulls))
            {
                for (int i = 0; i < n; i++)
                {
                    int y = year[start + i];
                    if (y is < Resolver.MinYear or > Resolver.MaxYear) MarkCell(g, SYear, i, start, Cell.Of((long)y));
                }
                MarkNulls(w, g, SYear, start, n, nulls);
            }
            else
            {
                c.Load(schema.Year, rg, n, Numbers(w, schema.Year, typeof(int)), stats);
                for (int i = 0; i < n; i++)
                {
                    var cell = c.Get(i);
                    if (cell.TryLong(out var v) && v is >= Resolver.MinYear and <= Resolver.MaxYear) year[start + i] = (int)v;
                    else MarkCell(g, SYear, i, start, cell);
                }
            }

            var birth = b.Birth;
            if (schema.Birth is null) Array.Clear(birth, start, n);
            else
            {
                if (Direct(w, schema.Birth, rg, birth, start, n, out nulls))
                    for (int i = 0; i < n; i++)
                    {
                        int v = birth[start + i];
                        // A null birth year is unknown (0), as in the CSV path.
                        if (nulls && w.Numbers.IsNull(i)) continue;
                        if (v is < 0 or > Resolver.MaxYear || v > year[start + i]) MarkCell(g, SBirth, i, start, Cell.Of((long)v));
                    }
                else
                {
                    c.Load(schema.Birth, rg, n, Numbers(w, schema.Birth, typeof(int)), stats);
                    for (int i = 0; i < n; i++)
                    {
                        var cell = c.Get(i);
                        if (cell.IsMissing) birth[start + i] = 0;
                        else if (cell.TryLong(out var v) && v is >= 0 and <= Resolver.MaxYear && v <= year[start + i]) birth[start + i] = (int)v;
                        else MarkCell(g, SBirth, i, start, cell);
                    }
                }
            }

            if (schema.Itl2 is not null && pageDecoder && w.Pages.TryLoad(schema.Itl2, rg, n, w.Itl2Values, stats))
            {
                var ids = w.Pages.Ids(n);
                var values = w.Itl2Values;
                for (int i = 0; i < n; i++)
                    if (ids[i] >= 0 && !string.IsNullOrWhiteSpace(values.Text(ids[i]))) MarkText(g, SItl2, i, start, values.Text(ids[i]));
            }
            else if (schema.Itl2 is not null)
            {
                var text = c.LoadText(schema.Itl2, rg, n);
                for (int i = 0; i < n; i++)
                    if (!string.IsNullOrWhiteSpace(text[i])) MarkText(g, SItl2, i, start, text[i]);
            }
        }

        /// <summary>
        /// Reads a column whose values are of type T straight into the output rows: through <see cref="NumberPages"/> when
        /// it takes the layout (<paramref name="nulls"/> then says whether any row was null, see <see cref="NumberPages.IsNull"/>),
        /// else through Parquet.Net when the column is not nullable; false for any other column (read cell by cell).
        /// </summary>
        private bool Direct<T>(Worker w, DataField f, ParquetRowGroupReader rg, T[] dest, int start, int n, out bool nulls) where T : unmanaged
        {
            nulls = false;
            if (f.ClrType != typeof(T)) return false;
            if (pageDecoder && w.Numbers.TryLoad(f, rg, n, dest, start, stats))
            {
                nulls = w.Numbers.NullCount > 0;
                return true;
            }
            if (f.IsNullable) return false;
            rg.ReadAsync<T>(f, new Memory<T>(dest, start, n), null, CancellationToken.None).GetAwaiter().GetResult();
            return true;
        }

        /// <summary>After <see cref="Direct{T}"/>: the null rows of a required field go to the slow path as missing.</summary>
        private void MarkNulls(Worker w, int g, int slot, int start, int n, bool nulls)
        {
            if (!nulls) return;
            for (int i = 0; i < n; i++)
                if (w.Numbers.IsNull(i)) MarkCell(g, slot, i, start, Cell.Missing);
        }

        private void DecodeText(Worker w, ParquetRowGroupReader rg, int n, int start)
        {
            if (schema.Description is not null)
                Array.Copy(w.Column.LoadText(schema.Description, rg, n), 0, b.Description, start, n);
            if (schema.Cpc is not null)
            {
                var text = w.Column.LoadText(schema.Cpc, rg, n);
                var cpc = b.Cpc;
                for (int i = 0; i < n; i++)
                {
                    var s = text[i];
                    if (s is not null)
                    {
                        if (w.CpcIntern.TryGetValue(s, out var k)) s = k;
                        else w.CpcIntern[s] = s;
                    }
                    cpc[start + i] = s;
                }
            }
        }

        /// <summary>Keeps or rejects every row in file order; rows marked for the slow path get the full checks.</summary>
        public MicroData Finish()
        {
            b.Account.CountRead(total);
            for (int g = 0; g < counts.Length; g++)
            {
                int start = (int)starts[g];
                for (int i = 0; i < counts[g]; i++)
                {
                    int r = start + i;
                    long line = r + 2L;
                    if (_slow[r] == 0)
                    {
                        // The run of plainly good rows from here on.
                        int run = _slow.AsSpan(r, counts[g] - i).IndexOf((byte)1);
                        if (run < 0) run = counts[g] - i;
                        b.KeepGood(r, run);
                        i += run - 1;
                        continue;
                    }
                    var row = Rebuild(g, i, r, line);
                    if (!b.Resolver.TryResolve(in row, out var good, out var fail))
                    {
                        b.Account.Reject(path, line, fail.Field, fail.Reason, fail.Value);
                        continue;
                    }
                    b.Id[r] = good.Id;
                    b.Year[r] = good.Year;
                    b.Lad[r] = good.Lad;
                    b.SicCode[r] = good.SicCode;
                    b.Subclass[r] = good.Subclass;
                    b.Employment[r] = good.Employment;
                    b.Turnover[r] = good.Turnover;
                    b.Birth[r] = good.Birth;
                    b.Keep(r, line, good.Itl2, row.Id.Show());
                }
            }
            return b.Finish();
        }

        private Cell CellAt(int g, int slot, int i, Cell fast) =>
            _cells[g * Slots + slot] is { } m && m.TryGetValue(i, out var c) ? c : fast;

        private string? TextAt(int g, int slot, int i) =>
            _texts[g * Slots + slot] is { } m && m.TryGetValue(i, out var t) ? t : null;

        private RawRow Rebuild(int g, int i, int r, long line) => new()
        {
            Line = line,
            Id = CellAt(g, SId, i, Cell.Of(b.Id[r])),
            Year = CellAt(g, SYear, i, Cell.Of((long)b.Year[r])),
            Lad = b.Lad[r] >= 0 ? geo.Lads[b.Lad[r]].Code.AsMemory() : (TextAt(g, SLad, i) ?? "").AsMemory(),
            Sic = b.SicCode[r] is { } code ? code.AsMemory() : (TextAt(g, SSic, i) ?? "").AsMemory(),
            Employment = CellAt(g, SEmp, i, Cell.Of(b.Employment[r])),
            Turnover = CellAt(g, STurn, i, Cell.Of(b.Turnover[r])),
            Birth = CellAt(g, SBirth, i, Cell.Of((long)b.Birth[r])),
            Itl2 = TextAt(g, SItl2, i),
        };
    }

    /// <summary>One column of one row group, read into pooled buffers reused from group to group (one set per thread).</summary>
    private sealed class TypedColumn(int capacity) : IDisposable
    {
        private string?[]? _text;
        private long[]? _long;
        private long?[]? _longN;
        private int[]? _int;
        private int?[]? _intN;
        private double[]? _double;
        private double?[]? _doubleN;
        private float[]? _float;
        private float?[]? _floatN;
        private ReadOnlyMemory<char>[]? _chars;
        private int[]? _dl;
        private int _maxDl;
        private int _kind;
        private NumberPages? _nulls;

        public static void CheckSupported(DataField f)
        {
            var t = f.ClrType;
            if (t != typeof(ReadOnlyMemory<char>) && t != typeof(string) && t != typeof(long) && t != typeof(int) && t != typeof(double) && t != typeof(float))
                throw new InputException($"Parquet column type {t.Name} is not supported (use text, 32/64-bit integers or floating point)", null, field: f.Name);
        }

        private static bool IsText(DataField f) => f.ClrType == typeof(ReadOnlyMemory<char>) || f.ClrType == typeof(string);

        private static T[] Rent<T>(int n) => ArrayPool<T>.Shared.Rent(Math.Max(n, 1));

        private static void Return<T>(T[]? a)
        {
            if (a is not null) ArrayPool<T>.Shared.Return(a, clearArray: System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        }

        public void Dispose()
        {
            Return(_text);
            Return(_long);
            Return(_longN);
            Return(_int);
            Return(_intN);
            Return(_double);
            Return(_doubleN);
            Return(_float);
            Return(_floatN);
            Return(_chars);
            Return(_dl);
            _chars = null;
            _dl = null;
            _text = null;
            _long = null;
            _longN = null;
            _int = null;
            _intN = null;
            _double = null;
            _doubleN = null;
            _float = null;
            _floatN = null;
        }

        /// <param name="numbers">
        /// The page decoder for a number column (its nulls are then read from it until the next load); null, or a layout it
        /// declines, reads through Parquet.Net.
        /// </param>
        public void Load(DataField f, ParquetRowGroupReader rg, int n, NumberPages? numbers = null, PageDecodeStats? stats = null)
        {
            var ct = CancellationToken.None;
            var t = f.ClrType;
            _nulls = null;
            if (numbers is not null && LoadPages(f, rg, n, numbers, stats)) return;
            if (IsText(f))
            {
                _kind = 1;
                _text ??= Rent<string?>(capacity);
                rg.ReadAsync(f, new Memory<string?>(_text, 0, n), null, ct).GetAwaiter().GetResult();
            }
            else if (t == typeof(long) && !f.IsNullable) { _kind = 2; rg.ReadAsync<long>(f, new Memory<long>(_long ??= Rent<long>(capacity), 0, n), null, ct).GetAwaiter().GetResult(); }
            else if (t == typeof(long)) { _kind = 3; rg.ReadAsync<long>(f, new Memory<long?>(_longN ??= Rent<long?>(capacity), 0, n), null, ct).GetAwaiter().GetResult(); }
            else if (t == typeof(int) && !f.IsNullable) { _kind = 4; rg.ReadAsync<int>(f, new Memory<int>(_int ??= Rent<int>(capacity), 0, n), null, ct).GetAwaiter().GetResult(); }
            else if (t == typeof(int)) { _kind = 5; rg.ReadAsync<int>(f, new Memory<int?>(_intN ??= Rent<int?>(capacity), 0, n), null, ct).GetAwaiter().GetResult(); }
            else if (t == typeof(double) && !f.IsNullable) { _kind = 6; rg.ReadAsync<double>(f, new Memory<double>(_double ??= Rent<double>(capacity), 0, n), null, ct).GetAwaiter().GetResult(); }
            else if (t == typeof(double)) { _kind = 7; rg.ReadAsync<double>(f, new Memory<double?>(_doubleN ??= Rent<double?>(capacity), 0, n), null, ct).GetAwaiter().GetResult(); }
            else if (t == typeof(float) && !f.IsNullable) { _kind = 8; rg.ReadAsync<float>(f, new Memory<float>(_float ??= Rent<float>(capacity), 0, n), null, ct).GetAwaiter().GetResult(); }
            else { _kind = 9; rg.ReadAsync<float>(f, new Memory<float?>(_floatN ??= Rent<float?>(capacity), 0, n), null, ct).GetAwaiter().GetResult(); }
        }

        /// <summary>
        /// Loads a column as characters without making a string per value: text columns through Parquet.Net's raw read
        /// (values of the non-null rows, packed, and definition levels, which are spread back to one entry per row);
        /// other columns as the text the CSV path would see. Read the rows with <see cref="IsNull"/> and <see cref="Chars"/>.
        /// </summary>
        public void LoadChars(DataField f, ParquetRowGroupReader rg, int n)
        {
            if (!IsText(f))
            {
                var text = LoadText(f, rg, n);
                var chars = _chars ??= Rent<ReadOnlyMemory<char>>(capacity);
                var nulls = _dl ??= Rent<int>(capacity);
                for (int i = 0; i < n; i++)
                {
                    chars[i] = (text[i] ?? "").AsMemory();
                    nulls[i] = text[i] is null ? 0 : 1;
                }
                _maxDl = 1;
                return;
            }
            _chars ??= Rent<ReadOnlyMemory<char>>(capacity);
            _dl ??= Rent<int>(capacity);
            _maxDl = f.MaxDefinitionLevel;
            var ct = CancellationToken.None;
            if (_maxDl == 0)
            {
                rg.ReadRawAsync<ReadOnlyMemory<char>>(f, new Memory<ReadOnlyMemory<char>>(_chars, 0, n), null, null, ct).GetAwaiter().GetResult();
                return;
            }
            rg.ReadRawAsync<ReadOnlyMemory<char>>(f, new Memory<ReadOnlyMemory<char>>(_chars, 0, n), new Memory<int>(_dl, 0, n), null, ct).GetAwaiter().GetResult();
            int present = 0;
            for (int i = 0; i < n; i++) if (_dl[i] >= _maxDl) present++;
            // Spread the packed values to their rows, from the end so that no value is overwritten before it moves.
            for (int i = n - 1, k = present - 1; i >= 0 && k < i; i--)
                _chars[i] = _dl[i] >= _maxDl ? _chars[k--] : ReadOnlyMemory<char>.Empty;
        }

        public bool IsNull(int i) => _maxDl > 0 && _dl![i] < _maxDl;

        /// <summary>The characters of row i after <see cref="LoadChars"/> (empty where null).</summary>
        public ReadOnlyMemory<char> Chars(int i) => _chars![i];

        /// <summary>Loads a column as text (numbers written as the CSV path would see them); null where missing.</summary>
        public string?[] LoadText(DataField f, ParquetRowGroupReader rg, int n)
        {
            var text = _text ??= Rent<string?>(capacity);
            if (IsText(f))
            {
                LoadChars(f, rg, n);
                for (int i = 0; i < n; i++) text[i] = IsNull(i) ? null : new string(_chars![i].Span);
                return text;
            }
            Load(f, rg, n);
            for (int i = 0; i < n; i++) text[i] = Get(i) is { IsMissing: false } c ? c.Show() : null;
            return text;
        }

        private bool LoadPages(DataField f, ParquetRowGroupReader rg, int n, NumberPages numbers, PageDecodeStats? stats)
        {
            var t = f.ClrType;
            bool ok;
            if (t == typeof(long)) (ok, _kind) = (numbers.TryLoad(f, rg, n, _long ??= Rent<long>(capacity), 0, stats), 2);
            else if (t == typeof(int)) (ok, _kind) = (numbers.TryLoad(f, rg, n, _int ??= Rent<int>(capacity), 0, stats), 4);
            else if (t == typeof(double)) (ok, _kind) = (numbers.TryLoad(f, rg, n, _double ??= Rent<double>(capacity), 0, stats), 6);
            else if (t == typeof(float)) (ok, _kind) = (numbers.TryLoad(f, rg, n, _float ??= Rent<float>(capacity), 0, stats), 8);
            else return false;
            if (ok && numbers.NullCount > 0) _nulls = numbers;
            return ok;
        }

        public Cell Get(int i) => _nulls is not null && _nulls.IsNull(i) ? Cell.Missing : _kind switch
        {
            1 => _text![i] is { } s ? Cell.Text(s) : Cell.Missing,
            2 => Cell.Of(_long![i]),
            3 => _longN![i] is { } l ? Cell.Of(l) : Cell.Missing,
            4 => Cell.Of((long)_int![i]),
            5 => _intN![i] is { } k ? Cell.Of((long)k) : Cell.Missing,
            6 => Cell.Of(_double![i]),
            7 => _doubleN![i] is { } d ? Cell.Of(d) : Cell.Missing,
            8 => Cell.Of(_float![i]),
            _ => _floatN![i] is { } x ? Cell.Of(x) : Cell.Missing,
        };
    }
}
