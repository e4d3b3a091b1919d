using System.Globalization;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Ingest;
using CompeteModel.Engine.IO;

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

    /// <summary>Builds the matrices; without <paramref name="timeColumn"/> the table is one period labelled "".</summary>
    public static ComplexityInput FromTable(Table table, string locColumn, string prodColumn, string valColumn, string? timeColumn)
    {
        var source = table.SourceFile ?? "input";
        var loc = table.Column(locColumn);
        var prod = table.Column(prodColumn);
        var val = table.Column(valColumn);
        var time = timeColumn is null ? null : table.Column(timeColumn);
        var account = new RowAccount(source);

        var periods = new Dictionary<string, Period>(StringComparer.Ordinal);
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

            double v;
            if (val.Data is string?[] texts)
            {
                var cell = texts[i];
                if (MissingTokens.IsMissing(cell, out var token)) { Register(periods, t, l, p); account.CountUnknown(token); continue; }
                if (!Numbers.TryParse(cell, out v)) { account.Reject(source, line, val.Name, "not a number", cell); continue; }
            }
            else
            {
                v = table.GetDouble(val, i);
                if (double.IsNaN(v)) { Register(periods, t, l, p); account.CountUnknown(""); continue; }
            }
            if (v < 0) { account.Reject(source, line, val.Name, "negative value", v.ToString("R", CultureInfo.InvariantCulture)); continue; }

            var period = Period.For(periods, t);
            if (!period.TryAdd(l, p, v, line, out var firstLine))
            {
                account.Reject(source, line, prod.Name, $"duplicate location × product{(time is null ? "" : " × time")} (first at line {firstLine})", l + " × " + p);
                continue;
            }
            account.CountUsed();
        }
        account.Check();
        if (periods.Count == 0 || periods.Values.All(q => q.CellCount == 0))
            throw new InputException("no usable rows: " + account.Summary(), source);

        var labels = periods.Keys.ToList();
        bool numeric = labels.All(x => double.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        if (numeric) labels.Sort((a, b) => double.Parse(a, CultureInfo.InvariantCulture).CompareTo(double.Parse(b, CultureInfo.InvariantCulture)));
        else labels.Sort(StringComparer.Ordinal);
        var years = labels.Select(x => new ComplexityYear(x, periods[x].ToMatrix())).ToList();
        return new ComplexityInput(years, account);
    }

    // A missing value still names a location and product that exist in that period.
    private static void Register(Dictionary<string, Period> periods, string t, string l, string p)
    {
        var period = Period.For(periods, t);
        period.Location(l);
        period.Product(p);
    }

    /// <summary>
    /// One period's cells as they are read: locations and products numbered in order of first sight
    /// (a row usually repeats the previous row's location, so that is checked before the dictionary),
    /// cells keyed by the pair of numbers; the labels are sorted once, when the matrix is made.
    /// </summary>
    private sealed class Period
    {
        private readonly Dictionary<string, int> _locations = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _products = new(StringComparer.Ordinal);
        private readonly List<string> _locationNames = [];
        private readonly List<string> _productNames = [];
        private readonly Dictionary<long, int> _cellIndex = [];
        private readonly List<(int Location, int Product, double Value)> _cells = [];
        private readonly List<long> _lines = [];
        private string? _lastLocation;
        private int _lastLocationIndex;

        public int CellCount => _cells.Count;

        public static Period For(Dictionary<string, Period> periods, string t)
        {
            if (!periods.TryGetValue(t, out var p)) periods[t] = p = new Period();
            return p;
        }

        public int Location(string l)
        {
            if (_lastLocation is not null && string.Equals(l, _lastLocation, StringComparison.Ordinal)) return _lastLocationIndex;
            _lastLocationIndex = Number(_locations, _locationNames, l);
            _lastLocation = l;
            return _lastLocationIndex;
        }

        public int Product(string p) => Number(_products, _productNames, p);

        private static int Number(Dictionary<string, int> index, List<string> names, string label)
        {
            if (index.TryGetValue(label, out var i)) return i;
            index[label] = names.Count;
            names.Add(label);
            return names.Count - 1;
        }

        public bool TryAdd(string l, string p, double v, long line, out long firstLine)
        {
            int li = Location(l), pi = Product(p);
            // Multiplying by an odd constant is one-to-one on 64 bits; it spreads the pair over the bits that
            // long's hash code folds together (the raw pair would hash to li ^ pi and collide en masse).
            long key = (long)((((ulong)li << 32) | (uint)pi) * 0x9E3779B97F4A7C15UL);
            if (_cellIndex.TryGetValue(key, out var existing)) { firstLine = _lines[existing]; return false; }
            _cellIndex[key] = _cells.Count;
            _cells.Add((li, pi, v));
            _lines.Add(line);
            firstLine = line;
            return true;
        }

        public ActivityMatrix ToMatrix()
        {
            var (locs, locRank) = Sorted(_locationNames);
            var (prods, prodRank) = Sorted(_productNames);
            var values = new double[locs.Length * prods.Length];
            foreach (var (l, p, v) in _cells) values[locRank[l] * prods.Length + prodRank[p]] = v;
            return new ActivityMatrix(locs, prods, values);
        }

        // The labels in ordinal order and, for each label's number, its position in that order.
        private static (string[] Names, int[] Rank) Sorted(List<string> names)
        {
            var sorted = names.ToArray();
            var order = new int[sorted.Length];
            for (int i = 0; i < order.Length; i++) order[i] = i;
            Array.Sort(sorted, order, StringComparer.Ordinal);
            var rank = new int[sorted.Length];
            for (int i = 0; i < order.Length; i++) rank[order[i]] = i;
            return (sorted, rank);
        }
    }
}
