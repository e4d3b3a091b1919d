using System.Globalization;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Ingest;
using CompeteModel.Engine.IO;
using System.Runtime.CompilerServices;

namespace CompeteModel.Engine.Complexity;

/// <summary>
/// A long table (location, product, value[, time]) as py-ecomplexity takes it, turned into one
/// <see cref="ActivityMatrix"/> per period. Every row is accounted for: used; unknown (a missing-value
/// marker such as an empty cell — counted, and left out of the matrix like an absent pair, since
/// RCA needs a number); or rejected with file, line, field and reason (no location or product, not a
/// number, negative, duplicate pair).
/// </summary>
public sealed class ComplexityInput
{
    private ComplexityInput(IReadOnlyList<ComplexityYear> years, RowAccount account)
    {
        Years = years;
        Account = account;
    }

    /// <summary>The periods in time order (numeric when every label is a number, else ordinal).</summary>
    public IReadOnlyList<ComplexityYear> Years { get; }
    public RowAccount Account { get; }

    /// <summary>
    /// Reads a long table from a CSV (plain or gzip) or Parquet file and builds the matrices, with the same rules,
    /// rejects and errors as <see cref="FromTable"/> on <see cref="TableFiles.Read"/>'s table. A CSV is read field by
    /// field as spans: labels are looked up without a string per cell and values parsed from the text, so a
    /// panel of millions of rows is never held as a table of strings.
    /// </summary>
    public static ComplexityInput Read(string path, string locColumn, string prodColumn, string valColumn, string? timeColumn) =>
        Read(path, locColumn, prodColumn, valColumn, timeColumn, pipeline: null);

    /// <summary>
    /// As <see cref="Read(string, string, string, string, string?)"/>; a CSV is cut into records on one thread while another takes
    /// them (<see cref="ReadPipelined"/>) when <paramref name="pipeline"/> is true, on one thread when false, and when null if
    /// the file is large and there are two processors or more. The result is the same either way.
    /// </summary>
    // One loop over millions of rows: compiled optimised at once rather than run as ahead-of-time code until it could be re-jitted.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static ComplexityInput Read(string path, string locColumn, string prodColumn, string valColumn, string? timeColumn, bool? pipeline)
    {
        if (!File.Exists(path)) throw new InputException("file not found", path);
        if (TableFiles.IsParquet(path)) return FromTable(TableFiles.ReadParquet(path), locColumn, prodColumn, valColumn, timeColumn);

        using var csv = CsvReader.Open(path);
        var header = csv.ReadHeader();
        int width = header.Names.Count;
        var names = header.Names.Select(x => x.Trim()).ToArray();
        int Column(string name) => header.Optional(name) is var i and >= 0 ? i : throw Table.ColumnNotFound(name, names, path);
        int loc = Column(locColumn), prod = Column(prodColumn), val = Column(valColumn);
        int time = timeColumn is null ? -1 : Column(timeColumn);
        var account = new RowAccount(path);
        var builder = new Builder();
        if (pipeline ?? (Environment.ProcessorCount > 1 && csv.RemainingChars >= MinCharsForPipeline))
        {
            ReadPipelined(csv, path, names, width, loc, prod, val, time, account, builder);
            return builder.Finish(account, path);
        }
        while (csv.Read())
        {
            if (csv.FieldCount != width)
                throw new InputException($"expected {width} fields as in the header, found {csv.FieldCount}", path, csv.RecordLine);
            account.CountRead();
            long line = csv.RecordLine;
            var t = time < 0 ? default : csv.Field(time);
            AddRecord(builder, account, path, names, loc, prod, val, time, line, csv.Field(loc), csv.Field(prod), t, csv.Field(val));
        }
        return builder.Finish(account, path);
    }

    // Below this much text the file is read on one thread (a pipeline's start-up would cost more than it saves).
    private const int MinCharsForPipeline = 1 << 20;
    private const int RecordsPerBatch = 4096;

    /// <summary>
    /// One record's fields that the matrices need, as (start, length) in the file's text, or, for a field that is not one slice
    /// of it, start = −(k + 1) for copy k of its batch; or only the field count when it does not match the header.
    /// </summary>
    private struct Record
    {
        public long Line;
        public int FieldCount;
        public int LocStart, LocLength, ProdStart, ProdLength, TimeStart, TimeLength, ValStart, ValLength;
    }

    /// <summary>Records cut from the text, handed from the cutting stage to the taking stage and back for reuse.</summary>
    private sealed class Batch
    {
        public readonly Record[] Records = new Record[RecordsPerBatch];
        public readonly List<string> Copies = [];
        public int Count;

        public ReadOnlySpan<char> Field(string text, int start, int length) =>
            start >= 0 ? text.AsSpan(start, length) : Copies[-start - 1].AsSpan();
    }

    /// <summary>
    /// The read of <see cref="Read"/> in two stages on two threads: one cuts the text into records, the other numbers the labels,
    /// parses the values and fills the matrices, record by record in file order, so the rows, rejects, account and errors are
    /// those of the one-thread loop (an error of the cutting stage is raised after the records before it are taken).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadPipelined(CsvReader csv, string path, string[] names, int width, int loc, int prod, int val, int time, RowAccount account, Builder builder)
    {
        using var queue = new System.Collections.Concurrent.BlockingCollection<Batch>(boundedCapacity: 8);
        var spare = new System.Collections.Concurrent.ConcurrentBag<Batch>();
        using var stop = new CancellationTokenSource();
        var text = csv.Text;
        Exception? cutError = null;
        var cutter = Task.Run([MethodImpl(MethodImplOptions.AggressiveOptimization)] () =>
        {
            var batch = new Batch();
            try
            {
                while (csv.Read())
                {
                    ref var r = ref batch.Records[batch.Count++];
                    r.Line = csv.RecordLine;
                    r.FieldCount = csv.FieldCount;
                    if (r.FieldCount == width)
                    {
                        Slice(csv, batch, loc, out r.LocStart, out r.LocLength);
                        Slice(csv, batch, prod, out r.ProdStart, out r.ProdLength);
                        if (time >= 0) Slice(csv, batch, time, out r.TimeStart, out r.TimeLength);
                        else r.TimeStart = r.TimeLength = 0;
                        Slice(csv, batch, val, out r.ValStart, out r.ValLength);
                    }
                    if (batch.Count == RecordsPerBatch)
                    {
                        queue.Add(batch, stop.Token);
                        if (!spare.TryTake(out batch!)) batch = new Batch();
                        batch.Count = 0;
                        batch.Copies.Clear();
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // the taking stage failed; its error is the one reported
            }
            catch (Exception e)
            {
                // Raised once the records cut before it are taken.
                cutError = e;
            }
            try
            {
                if (batch.Count > 0 && !stop.IsCancellationRequested) queue.Add(batch, stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // as above
            }
            finally
            {
                queue.CompleteAdding();
            }
        });
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable())
            {
                for (int k = 0; k < batch.Count; k++)
                {
                    ref readonly var r = ref batch.Records[k];
                    if (r.FieldCount != width)
                        throw new InputException($"expected {width} fields as in the header, found {r.FieldCount}", path, r.Line);
                    account.CountRead();
                    AddRecord(builder, account, path, names, loc, prod, val, time, r.Line, batch.Field(text, r.LocStart, r.LocLength),
                        batch.Field(text, r.ProdStart, r.ProdLength), batch.Field(text, r.TimeStart, r.TimeLength), batch.Field(text, r.ValStart, r.ValLength));
                }
                spare.Add(batch);
            }
        }
        finally
        {
            stop.Cancel();
            cutter.GetAwaiter().GetResult();
        }
        if (cutError is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(cutError).Throw();
    }

    private static void Slice(CsvReader csv, Batch batch, int field, out int start, out int length)
    {
        if (csv.FieldSlice(field, out start, out length)) return;
        batch.Copies.Add(csv.Field(field).ToString());
        start = -batch.Copies.Count;
    }

    // One record of the CSV, counted as read: rejected, counted unknown or added.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddRecord(Builder builder, RowAccount account, string path, string[] names, int loc, int prod, int val, int time, long line,
        ReadOnlySpan<char> locText, ReadOnlySpan<char> prodText, ReadOnlySpan<char> timeText, ReadOnlySpan<char> cell)
    {
        var l = locText.Trim();
        var p = prodText.Trim();
        var t = timeText.Trim();
        if (l.IsEmpty) { account.Reject(path, line, names[loc], "no location", null); return; }
        if (p.IsEmpty) { account.Reject(path, line, names[prod], "no product", null); return; }
        if (time >= 0 && t.IsEmpty) { account.Reject(path, line, names[time], "no time", null); return; }

        int ti = builder.Time(t), li = builder.Location(l), pi = builder.Product(p);
        if (MissingTokens.IsMissing(cell, out var token)) { builder.Register(ti, li, pi); account.CountUnknown(token); return; }
        if (!Numbers.TryParse(cell, out var v)) { account.Reject(path, line, names[val], "not a number", cell.ToString()); return; }
        Add(builder, account, path, line, names[val], names[prod], time >= 0, ti, li, pi, v);
    }

    /// <summary>Builds the matrices; without <paramref name="timeColumn"/> the table is one period labelled "".</summary>
    public static ComplexityInput FromTable(Table table, string locColumn, string prodColumn, string valColumn, string? timeColumn)
    {
        var source = table.SourceFile ?? "input";
        var loc = table.Column(locColumn);
        var prod = table.Column(prodColumn);
        var val = table.Column(valColumn);
        var time = timeColumn is null ? null : table.Column(timeColumn);
        var account = new RowAccount(source);
        var builder = new Builder();
        for (int i = 0; i < table.RowCount; i++)
        {
            account.CountRead();
            long line = table.LineOf(i);
            string? l = table.GetText(loc, i)?.Trim();
            string? p = table.GetText(prod, i)?.Trim();
            string t = time is null ? "" : table.GetText(time, i)?.Trim() ?? "";
            if (string.IsNullOrEmpty(l)) { account.Reject(source, line, loc.Name, "no location", null); continue; }
            if (string.IsNullOrEmpty(p)) { account.Reject(source, line, prod.Name, "no product", null); continue; }
            if (time is not null && t.Length == 0) { account.Reject(source, line, time.Name, "no time", null); continue; }

            int ti = builder.Time(t), li = builder.Location(l), pi = builder.Product(p);
            double v;
            if (val.Data is string?[] texts)
            {
                var cell = texts[i];
                if (MissingTokens.IsMissing(cell, out var token)) { builder.Register(ti, li, pi); account.CountUnknown(token); continue; }
                if (!Numbers.TryParse(cell, out v)) { account.Reject(source, line, val.Name, "not a number", cell); continue; }
            }
            else
            {
                v = table.GetDouble(val, i);
                if (double.IsNaN(v)) { builder.Register(ti, li, pi); account.CountUnknown(""); continue; }
            }
            Add(builder, account, source, line, val.Name, prod.Name, time is not null, ti, li, pi, v);
        }
        return builder.Finish(account, source);
    }

    // The value rule, then the cell; a second value for the same cell is a reject naming the first line.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Add(Builder builder, RowAccount account, string source, long line, string valName, string prodName, bool timed, int ti, int li, int pi, double v)
    {
        if (ValueRule.Check(v) is { } bad) { account.Reject(source, line, valName, bad, ValueRule.Show(v)); return; }
        if (!builder.TryAdd(ti, li, pi, v, line, out var firstLine))
        {
            account.Reject(source, line, prodName, $"duplicate location × product{(timed ? " × time" : "")} (first at line {firstLine})",
                builder.LocationName(li) + " × " + builder.ProductName(pi));
            return;
        }
        account.CountUsed();
    }

    /// <summary>
    /// Labels numbered in order of first sight (looked up by span, so a label costs a string once, not once per row),
    /// and the periods' cells keyed by those numbers.
    /// </summary>
    private sealed class Builder
    {
        private readonly Labels _times = new(), _locations = new(), _products = new();
        private readonly List<Period?> _periods = [];
        private readonly List<int> _created = [];

        public int Time(ReadOnlySpan<char> t) => _times.Id(t);
        public int Location(ReadOnlySpan<char> l) => _locations.Id(l);
        public int Product(ReadOnlySpan<char> p) => _products.Id(p);
        public string LocationName(int l) => _locations.Names[l];
        public string ProductName(int p) => _products.Names[p];

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private Period For(int t)
        {
            while (_periods.Count <= t) _periods.Add(null);
            if (_periods[t] is { } existing) return existing;
            _created.Add(t);
            return _periods[t] = new Period();
        }

        // A missing value still names a location and product that exist in that period.
        public void Register(int t, int l, int p)
        {
            var period = For(t);
            period.Location(l);
            period.Product(p);
        }

        public bool TryAdd(int t, int l, int p, double v, long line, out long firstLine) => For(t).TryAdd(l, p, v, line, out firstLine);

        public ComplexityInput Finish(RowAccount account, string source)
        {
            account.Check();
            var present = new List<(string Label, Period Period)>();
            foreach (int t in _created) present.Add((_times.Names[t], _periods[t]!));
            if (present.Count == 0 || present.All(q => q.Period.CellCount == 0))
                throw new InputException("no usable rows: " + account.Summary(), source);

            bool numeric = present.All(x => double.TryParse(x.Label, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
            if (numeric) present.Sort((a, b) => double.Parse(a.Label, CultureInfo.InvariantCulture).CompareTo(double.Parse(b.Label, CultureInfo.InvariantCulture)));
            else present.Sort((a, b) => string.CompareOrdinal(a.Label, b.Label));
            var years = present.Select(x => new ComplexityYear(x.Label, x.Period.ToMatrix(_locations.Names, _products.Names))).ToList();
            return new ComplexityInput(years, account);
        }
    }

    /// <summary>
    /// Distinct labels, each numbered when first seen, in an open-addressing table looked up by span; a row usually
    /// repeats the previous row's label, so that is checked first.
    /// </summary>
    private sealed class Labels
    {
        private int[] _slots = new int[64]; // label number + 1; 0 = empty
        private readonly List<int> _hashes = [];
        private int _last = -1;

        public List<string> Names { get; } = [];

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int Id(ReadOnlySpan<char> label)
        {
            if (_last >= 0 && label.SequenceEqual(Names[_last])) return _last;
            int hash = string.GetHashCode(label);
            int mask = _slots.Length - 1;
            int i = hash & mask;
            while (_slots[i] != 0)
            {
                int id = _slots[i] - 1;
                if (_hashes[id] == hash && label.SequenceEqual(Names[id])) return _last = id;
                i = (i + 1) & mask;
            }
            int added = Names.Count;
            Names.Add(label.ToString());
            _hashes.Add(hash);
            _slots[i] = added + 1;
            if (2 * Names.Count > _slots.Length) Grow();
            return _last = added;
        }

        private void Grow()
        {
            _slots = new int[_slots.Length * 2];
            int mask = _slots.Length - 1;
            for (int id = 0; id < Names.Count; id++)
            {
                int i = _hashes[id] & mask;
                while (_slots[i] != 0) i = (i + 1) & mask;
                _slots[i] = id + 1;
            }
        }
    }

    /// <summary>
    /// One period's cells as they are read: locations and products numbered per period in order of first sight,
    /// cells found by the pair of numbers; the labels are sorted once, when the matrix is made.
    /// </summary>
    private sealed class Period
    {
        private readonly List<int> _locations = [], _products = [];
        private int[] _locationIndex = [], _productIndex = [];
        // For each location number, the cell number + 1 of each product number (0 = no cell yet): at most twice the
        // period's products per location, so never more than the matrix that the cells become.
        private int[][] _cellIndex = [];
        private readonly List<(int Location, int Product, double Value)> _cells = [];
        private readonly List<long> _lines = [];

        public int CellCount => _cells.Count;

        public int Location(int id) => Number(ref _locationIndex, _locations, id);
        public int Product(int id) => Number(ref _productIndex, _products, id);

        // index[id] is the label's number in this period plus one, 0 while the period has not seen it.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static int Number(ref int[] index, List<int> ids, int id)
        {
            if (id >= index.Length) Array.Resize(ref index, Math.Max(id + 1, index.Length * 2));
            if (index[id] > 0) return index[id] - 1;
            ids.Add(id);
            index[id] = ids.Count;
            return ids.Count - 1;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool TryAdd(int l, int p, double v, long line, out long firstLine)
        {
            int li = Location(l), pi = Product(p);
            if (li >= _cellIndex.Length) Array.Resize(ref _cellIndex, Math.Max(li + 1, _cellIndex.Length * 2));
            ref var row = ref _cellIndex[li];
            if (row is null) row = new int[Math.Max(pi + 1, _products.Count)];
            else if (pi >= row.Length) Array.Resize(ref row, Math.Min(Math.Max(row.Length * 2, pi + 1), 2 * _products.Count));
            int existing = row[pi];
            if (existing != 0) { firstLine = _lines[existing - 1]; return false; }
            row[pi] = _cells.Count + 1;
            _cells.Add((li, pi, v));
            _lines.Add(line);
            firstLine = line;
            return true;
        }

        public ActivityMatrix ToMatrix(List<string> locationNames, List<string> productNames)
        {
            var (locs, locRank) = Sorted(_locations, locationNames);
            var (prods, prodRank) = Sorted(_products, productNames);
            var values = new double[locs.Length * prods.Length];
            foreach (var (l, p, v) in _cells) values[locRank[l] * prods.Length + prodRank[p]] = v;
            return new ActivityMatrix(locs, prods, values);
        }

        // The period's labels in ordinal order and, for each label's number, its position in that order.
        private static (string[] Names, int[] Rank) Sorted(List<int> ids, List<string> names)
        {
            var sorted = new string[ids.Count];
            for (int i = 0; i < sorted.Length; i++) sorted[i] = names[ids[i]];
            var order = new int[sorted.Length];
            for (int i = 0; i < order.Length; i++) order[i] = i;
            Array.Sort(sorted, order, StringComparer.Ordinal);
            var rank = new int[sorted.Length];
            for (int i = 0; i < order.Length; i++) rank[order[i]] = i;
            return (sorted, rank);
        }
    }
}
