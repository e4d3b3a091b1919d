using System.Globalization;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.IO;

namespace CompeteModel.Engine.Procurement;

/// <summary>
/// The project's own CPV → SIC 2007 division mapping (the catalogue's <c>cpv-sic-concordance</c>):
/// each CPV prefix maps to one or more SIC divisions with weights summing to 1. A code takes the rows
/// of its longest listed prefix (so <c>45453100</c> "refurbishment work" uses group <c>454</c>, not
/// division <c>45</c>). Codes with no listed prefix are unmapped and counted, never guessed.
/// </summary>
public sealed class CpvConcordance
{
    private readonly Dictionary<string, List<CpvSicShare>> _byPrefix;

    public CpvConcordance(IEnumerable<CpvSicShare> rows)
    {
        _byPrefix = new Dictionary<string, List<CpvSicShare>>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            if (!_byPrefix.TryGetValue(r.CpvPrefix, out var list)) _byPrefix[r.CpvPrefix] = list = new List<CpvSicShare>();
            list.Add(r);
        }
        Rows = _byPrefix.OrderBy(k => k.Key, StringComparer.Ordinal).SelectMany(k => k.Value).ToList();
    }

    public IReadOnlyList<CpvSicShare> Rows { get; }

    /// <summary>
    /// Reads the concordance CSV (columns cpv_prefix, cpv_label, sic_division, weight, reasoning).
    /// Each prefix must be 2–8 digits, each division a known SIC 2007 division (when
    /// <paramref name="sicDivisions"/> is given), each weight in (0, 1], the weights of a prefix must
    /// sum to 1, and the reasoning must not be empty.
    /// </summary>
    public static CpvConcordance Read(string path, IReadOnlySet<string>? sicDivisions = null)
    {
        using var csv = CsvReader.Open(path);
        var h = csv.ReadHeader();
        int cP = h.Require("cpv_prefix"), cL = h.Require("cpv_label"), cD = h.Require("sic_division"), cW = h.Require("weight"), cR = h.Require("reasoning");
        var rows = new List<CpvSicShare>();
        var sums = new Dictionary<string, (double Sum, long Line)>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var f = csv.Fields;
            long line = csv.RecordLine;
            if (f.Count != h.Names.Count) throw new InputException($"expected {h.Names.Count} fields, found {f.Count}", path, line);
            var prefix = f[cP].Trim();
            if (prefix.Length is < 2 or > 8 || !prefix.All(char.IsAsciiDigit))
                throw new InputException($"CPV prefix '{prefix}' must be 2 to 8 digits", path, line, "cpv_prefix");
            var div = f[cD].Trim();
            if (div.Length != 2 || !div.All(char.IsAsciiDigit) || (sicDivisions is not null && !sicDivisions.Contains(div)))
                throw new InputException($"'{div}' is not a SIC 2007 division", path, line, "sic_division");
            if (!Numbers.TryParse(f[cW], out var w) || !(w > 0 && w <= 1))
                throw new InputException($"weight '{f[cW]}' must be a number in (0, 1]", path, line, "weight");
            if (string.IsNullOrWhiteSpace(f[cR])) throw new InputException("every row needs its reasoning", path, line, "reasoning");
            rows.Add(new CpvSicShare(prefix, f[cL].Trim(), div, w, f[cR].Trim()));
            var s = sums.GetValueOrDefault(prefix);
            sums[prefix] = (s.Sum + w, line);
        }
        foreach (var (prefix, (sum, line)) in sums.OrderBy(k => k.Key, StringComparer.Ordinal))
            if (Math.Abs(sum - 1) > 1e-9)
                throw new InputException($"the weights of CPV prefix {prefix} sum to {sum.ToString("R", CultureInfo.InvariantCulture)}, not 1", path, line, "weight");
        return new CpvConcordance(rows);
    }

    /// <summary>The rows for an eight-digit CPV code (its longest listed prefix), or an empty list when unmapped.</summary>
    public IReadOnlyList<CpvSicShare> Lookup(string cpvCode)
    {
        for (int len = Math.Min(8, cpvCode.Length); len >= 2; len--)
            if (_byPrefix.TryGetValue(cpvCode[..len], out var list)) return list;
        return Array.Empty<CpvSicShare>();
    }

    /// <summary>
    /// Shares of a process's value by SIC division: each mapped CPV code of the process gets an equal
    /// share, spread over its divisions by the concordance weights. Unmapped codes are left out (and
    /// returned in <paramref name="unmapped"/>); the shares sum to 1 when any code is mapped, else the
    /// result is empty. Divisions in ordinal order.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, double>> Shares(IReadOnlyList<string> cpvCodes, out IReadOnlyList<string> unmapped)
    {
        var miss = new List<string>();
        var mapped = new List<IReadOnlyList<CpvSicShare>>();
        foreach (var c in cpvCodes)
        {
            var rows = Lookup(c);
            if (rows.Count == 0) miss.Add(c);
            else mapped.Add(rows);
        }
        unmapped = miss;
        var acc = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var rows in mapped)
            foreach (var r in rows)
                acc[r.SicDivision] = acc.GetValueOrDefault(r.SicDivision) + r.Weight / mapped.Count;
        return acc.ToList();
    }
}
