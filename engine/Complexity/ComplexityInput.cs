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
            if (ValueRule.Check(v) is { } bad) { account.Reject(source, line, val.Name, bad, ValueRule.Show(v)); continue; }

            var period = Period.For(periods, t);
            if (!period.TryAdd(l, p, v, line, out var firstLine))
            {
                account.Reject(source, line, prod.Name, $"duplicate location × product{(time is null ? "" : " × time")} (first at line {firstLine})", l + " × " + p);
                continue;
            }
            account.CountUsed();
        }
        account.Check();
        if (periods.Count == 0 || periods.Values.All(q => q.Cells.Count == 0))
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
        period.Locations.Add(l);
        period.Products.Add(p);
    }

    private sealed class Period
    {
        public readonly SortedSet<string> Locations = new(StringComparer.Ordinal);
        public readonly SortedSet<string> Products = new(StringComparer.Ordinal);
        public readonly Dictionary<(string, string), (double Value, long Line)> Cells = new();

        public static Period For(Dictionary<string, Period> periods, string t)
        {
            if (!periods.TryGetValue(t, out var p)) periods[t] = p = new Period();
            return p;
        }

        public bool TryAdd(string l, string p, double v, long line, out long firstLine)
        {
            if (Cells.TryGetValue((l, p), out var existing)) { firstLine = existing.Line; return false; }
            Cells[(l, p)] = (v, line);
            Locations.Add(l);
            Products.Add(p);
            firstLine = line;
            return true;
        }

        public ActivityMatrix ToMatrix()
        {
            var locs = Locations.ToArray();
            var prods = Products.ToArray();
            var li = new Dictionary<string, int>(StringComparer.Ordinal);
            var pi = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < locs.Length; i++) li[locs[i]] = i;
            for (int i = 0; i < prods.Length; i++) pi[prods[i]] = i;
            var values = new double[locs.Length * prods.Length];
            foreach (var ((l, p), (v, _)) in Cells) values[li[l] * prods.Length + pi[p]] = v;
            return new ActivityMatrix(locs, prods, values);
        }
    }
}
