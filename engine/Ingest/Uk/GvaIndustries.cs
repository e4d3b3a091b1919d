using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Engine.Ingest.Uk;

/// <summary>
/// The industry rows of one ONS regional GVA table, each mapped to the SIC 2007 divisions it covers,
/// and the finest subset of them that partitions the economy: every division (and owner-occupiers'
/// imputed rental) in exactly one partition row, no aggregate beside its parts, so sums over the
/// partition never double count. The ITL2 tables are finer (e.g. "29", "30") than the ITL3 tables
/// ("CK-CL (28-30)"), so each table has its own partition.
/// <para>
/// Code forms (the parenthesised division range wins where present): "Total" — everything the other
/// rows cover; "A-E", "G-T" — sections A to E; "C (10-33)", "CA (10-12)", "CD-CF (19-21)", "AB (1-9)" —
/// divisions 10 to 33 and so on, whose sections must be among the prefix letters; "29", "2-3", "11-12" —
/// divisions (written without the leading zero); "68IMP" — imputed rental. Aggregate forms covering
/// division 68 include imputed rental; the plain "68" excludes it (ONS: "Real estate activities,
/// excluding imputed rental"). Ranges take the divisions that exist in SIC 2007 (1-9 skips 04).
/// </para>
/// </summary>
public sealed partial class GvaIndustries
{
    /// <summary>The code of the all-industries row.</summary>
    public const string TotalCode = "Total";

    private readonly Dictionary<string, GvaIndustry> _byCode;
    private readonly Dictionary<string, GvaIndustry> _partitionByUnit;

    private GvaIndustries(IReadOnlyList<GvaIndustry> all, GvaIndustry total, IReadOnlyList<GvaIndustry> partition, Dictionary<string, GvaIndustry> byUnit)
    {
        All = all;
        Total = total;
        Partition = partition;
        _byCode = all.ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        _partitionByUnit = byUnit;
    }

    /// <summary>Every industry row of the table, in file order.</summary>
    public IReadOnlyList<GvaIndustry> All { get; }

    /// <summary>The "Total" (all industries) row.</summary>
    public GvaIndustry Total { get; }

    /// <summary>The finest rows that partition the economy, in file order.</summary>
    public IReadOnlyList<GvaIndustry> Partition { get; }

    public bool TryGet(string code, out GvaIndustry industry) => _byCode.TryGetValue(code.Trim(), out industry!);

    /// <summary>The partition row holding a SIC division ("29", "01", "1"), or null for a division the table does not cover (99).</summary>
    public GvaIndustry? OfDivision(string divisionCode)
    {
        var c = SicHierarchy.Clean(divisionCode);
        if (c.Length == 1 && char.IsAsciiDigit(c[0])) c = "0" + c;
        return _partitionByUnit.GetValueOrDefault(c);
    }

    /// <summary>The partition row holding owner-occupiers' imputed rental, or null when the table has none.</summary>
    public GvaIndustry? ImputedRental => _partitionByUnit.GetValueOrDefault(GvaIndustry.ImputedRentalUnit);

    /// <summary>The partition rows inside a row of this table (the row itself when it is a partition row).</summary>
    public IReadOnlyList<GvaIndustry> PartsOf(GvaIndustry industry)
    {
        var units = industry.Units.ToHashSet(StringComparer.Ordinal);
        return Partition.Where(p => p.Units.All(units.Contains)).ToList();
    }

    /// <summary>
    /// Maps a table's industry codes to divisions and finds the partition. Throws an
    /// <see cref="InputException"/> when a code is not understood, two rows cover the same divisions,
    /// rows overlap without nesting, or there is no "Total" row.
    /// </summary>
    public static GvaIndustries Build(IReadOnlyList<(string Code, string Name)> rows, SicHierarchy sic, string file)
    {
        var parsed = new List<GvaIndustry>();
        (string Code, string Name)? totalRow = null;
        foreach (var (code, name) in rows)
        {
            if (string.Equals(code.Trim(), TotalCode, StringComparison.OrdinalIgnoreCase)) { totalRow = (code.Trim(), name); continue; }
            if (!TryParse(code, name, sic, out var ind, out var why))
                throw new InputException($"GVA industry code '{code}': {why}", file, field: "SIC07 code");
            parsed.Add(ind);
        }
        if (totalRow is null) throw new InputException("the table has no 'Total' (all industries) row", file, field: "SIC07 code");
        var allDiv = new SortedSet<string>(parsed.SelectMany(p => p.Divisions), StringComparer.Ordinal);
        var total = new GvaIndustry(TotalCode, totalRow.Value.Name, allDiv.ToImmutableArray(), parsed.Any(p => p.IncludesImputedRental));
        var all = new List<GvaIndustry>();
        foreach (var (code, _) in rows)
            all.Add(string.Equals(code.Trim(), TotalCode, StringComparison.OrdinalIgnoreCase) ? total : parsed.First(p => p.Code == code.Trim()));

        // For each atom, the smallest row covering it; the chosen rows must be pairwise disjoint.
        var byUnit = new Dictionary<string, GvaIndustry>(StringComparer.Ordinal);
        foreach (var unit in total.Units)
        {
            GvaIndustry? best = null;
            foreach (var p in parsed)
            {
                if (!p.Units.Contains(unit)) continue;
                if (best is null || p.UnitCount < best.UnitCount) best = p;
                else if (p.UnitCount == best.UnitCount)
                    throw new InputException(p.Units.SequenceEqual(best.Units)
                        ? $"rows '{best.Code}' and '{p.Code}' cover the same divisions; cannot tell which to use"
                        : $"rows '{best.Code}' and '{p.Code}' overlap without one containing the other (both cover {Display(unit)}); the rows do not nest",
                        file, field: "SIC07 code");
            }
            byUnit[unit] = best!;
        }
        foreach (var (unit, p) in byUnit)
            foreach (var u in p.Units)
                if (!ReferenceEquals(byUnit[u], p))
                    throw new InputException($"rows '{p.Code}' and '{byUnit[u].Code}' overlap without one containing the other (both cover {Display(u)}); the rows do not nest", file, field: "SIC07 code");
        var chosen = byUnit.Values.ToHashSet();
        var partition = parsed.Where(chosen.Contains).ToList();
        return new GvaIndustries(all, total, partition, byUnit);
    }

    private static string Display(string unit) => unit == GvaIndustry.ImputedRentalUnit ? "imputed rental" : "division " + unit;

    /// <summary>Maps one GVA industry code (not "Total") to the divisions it covers.</summary>
    public static bool TryParse(string code, string name, SicHierarchy sic, out GvaIndustry industry, out string why)
    {
        industry = null!;
        var c = code.Trim();
        var divisions = sic.SectorsAt(SectorLevel.Division).Select(s => s.Code).ToList();
        var sectionOf = sic.Subclasses.GroupBy(s => s.DivisionCode).ToDictionary(g => g.Key, g => g.First().Section, StringComparer.Ordinal);
        if (string.Equals(c, GvaIndustry.ImputedRentalUnit, StringComparison.OrdinalIgnoreCase))
        {
            industry = new GvaIndustry(c, name.Trim(), ImmutableArray<string>.Empty, true);
            why = "";
            return true;
        }
        Match m;
        if ((m = SectionRange().Match(c)).Success)
        {
            char a = m.Groups[1].Value[0], b = m.Groups[2].Success ? m.Groups[2].Value[0] : a;
            if (b < a) { why = "section range runs backwards"; return false; }
            var set = divisions.Where(d => sectionOf[d][0] >= a && sectionOf[d][0] <= b).ToImmutableArray();
            if (set.IsEmpty) { why = "no SIC 2007 section in that range"; return false; }
            industry = new GvaIndustry(c, name.Trim(), set, set.Contains("68"));
            why = "";
            return true;
        }
        if ((m = Parenthesised().Match(c)).Success)
        {
            if (!DivisionRange(m.Groups[2].Value, m.Groups[3].Success ? m.Groups[3].Value : null, divisions, out var set, out why)) return false;
            var letters = m.Groups[1].Value.Where(char.IsAsciiLetterUpper).ToHashSet();
            var outside = set.FirstOrDefault(d => !letters.Contains(sectionOf[d][0]));
            if (outside is not null) { why = $"division {outside} is in section {sectionOf[outside]}, not in '{m.Groups[1].Value}'"; return false; }
            industry = new GvaIndustry(c, name.Trim(), set, set.Contains("68"));
            return true;
        }
        if ((m = Divisional().Match(c)).Success)
        {
            if (!DivisionRange(m.Groups[1].Value, m.Groups[2].Success ? m.Groups[2].Value : null, divisions, out var set, out why)) return false;
            industry = new GvaIndustry(c, name.Trim(), set, false);
            return true;
        }
        why = "not a section, section range, division or division range";
        return false;
    }

    private static bool DivisionRange(string from, string? to, IReadOnlyList<string> divisions, out ImmutableArray<string> set, out string why)
    {
        set = ImmutableArray<string>.Empty;
        int a = int.Parse(from, CultureInfo.InvariantCulture), b = to is null ? a : int.Parse(to, CultureInfo.InvariantCulture);
        string da = a.ToString("00", CultureInfo.InvariantCulture), db = b.ToString("00", CultureInfo.InvariantCulture);
        if (!divisions.Contains(da)) { why = $"division {da} is not in SIC 2007"; return false; }
        if (!divisions.Contains(db)) { why = $"division {db} is not in SIC 2007"; return false; }
        if (b < a) { why = "division range runs backwards"; return false; }
        set = divisions.Where(d => string.CompareOrdinal(d, da) >= 0 && string.CompareOrdinal(d, db) <= 0).ToImmutableArray();
        why = "";
        return true;
    }

    [GeneratedRegex(@"^([A-U])(?:-([A-U]))?$")]
    private static partial Regex SectionRange();

    [GeneratedRegex(@"^([A-U]{1,2}(?:-[A-U]{1,2})?)\s*\(\s*(\d{1,2})\s*(?:-\s*(\d{1,2}))?\s*\)$")]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"^(\d{1,2})(?:-(\d{1,2}))?$")]
    private static partial Regex Divisional();
}
