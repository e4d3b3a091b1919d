using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.IO;

namespace CompeteModel.Engine.Ingest.Uk;

/// <summary>
/// A region-level innovation indicator as processed by Nesta's beis-indicators (long form <c>year, nuts_id,
/// nuts_year_spec, value</c>; NUTS 2 codes read in ITL form, <c>UKG3</c> → <c>TLG3</c>). Empty values are unknown and
/// counted, never 0; rows with a year or value that is not a number are rejected.
/// </summary>
public sealed class InnovationTable
{
    private readonly Dictionary<(int, string), double> _values;

    private InnovationTable(string valueColumn, Dictionary<(int, string), double> values, RowAccount account)
    {
        ValueColumn = valueColumn;
        _values = values;
        Account = account;
        Years = values.Keys.Select(k => k.Item1).Distinct().Order().ToList();
    }

    /// <summary>The name of the value column (the indicator's id in beis-indicators).</summary>
    public string ValueColumn { get; }
    public RowAccount Account { get; }
    public IReadOnlyList<int> Years { get; }

    /// <summary>The value of area <paramref name="code"/> (ITL form) in <paramref name="year"/>; NaN when absent or unknown.</summary>
    public double Value(int year, string code) => _values.TryGetValue((year, code), out var v) ? v : double.NaN;

    public bool Has(int year, string code) => _values.ContainsKey((year, code));

    /// <summary>The area codes present in <paramref name="year"/>.</summary>
    public IEnumerable<string> Areas(int year) => _values.Keys.Where(k => k.Item1 == year).Select(k => k.Item2);

    public static InnovationTable Read(string path)
    {
        var account = new RowAccount(path);
        using var csv = CsvReader.Open(path);
        var h = csv.ReadHeader();
        int cYear = h.Require("year"), cCode = h.Require("nuts_id");
        int cValue = Enumerable.Range(0, h.Names.Count).FirstOrDefault(i => h.Names[i] is not ("year" or "nuts_id" or "nuts_year_spec"), -1);
        if (cValue < 0) throw new InputException("no value column (expected year, nuts_id, nuts_year_spec, VALUE)", path, 1);
        var values = new Dictionary<(int, string), double>();
        while (csv.Read())
        {
            var f = csv.Fields;
            account.CountRead();
            if (f.Count != h.Names.Count) { account.Reject(path, csv.RecordLine, "*", "wrong number of fields", null); continue; }
            if (!int.TryParse(f[cYear], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y))
            { account.Reject(path, csv.RecordLine, "year", "year is not a number", f[cYear]); continue; }
            var code = Itl.Normalise(f[cCode]);
            if (MissingTokens.IsMissing(f[cValue], out var token)) { account.CountUnknown(token); continue; }
            if (!Numbers.TryParse(f[cValue], out var v)) { account.Reject(path, csv.RecordLine, h.Names[cValue], "value is not a number", f[cValue]); continue; }
            if (!values.TryAdd((y, code), v)) { account.Reject(path, csv.RecordLine, "nuts_id", "area given twice in a year", f[cCode]); continue; }
            account.CountUsed();
        }
        account.Check();
        return new InnovationTable(h.Names[cValue], values, account);
    }
}
