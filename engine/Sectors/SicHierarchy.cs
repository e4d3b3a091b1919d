using CompeteModel.Engine.Errors;

namespace CompeteModel.Engine.Sectors;

/// <summary>
/// The SIC 2007 hierarchy: 729 UK subclasses with their class, group, division and section, and
/// the name of every node. Lookups accept codes as NOMIS prints them or with dots and slashes
/// ("25.62", "25620", "25.62/0"), and section letters.
/// </summary>
public sealed class SicHierarchy
{
    private readonly Dictionary<string, int> _subclassIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<(SectorLevel, string), string> _names = new();
    private readonly Dictionary<SectorLevel, List<Sector>> _levels = new();

    public SicHierarchy(IReadOnlyList<SicSubclass> subclasses, IReadOnlyDictionary<(SectorLevel Level, string Code), string> names)
    {
        Subclasses = subclasses;
        for (int i = 0; i < subclasses.Count; i++)
            if (!_subclassIndex.TryAdd(subclasses[i].Code, i))
                throw new ArgumentException($"duplicate subclass {subclasses[i].Code}");
        foreach (var kv in names) _names[kv.Key] = kv.Value;
        foreach (SectorLevel level in Enum.GetValues<SectorLevel>())
        {
            var codes = subclasses.Select(s => s.CodeAt(level)).Distinct().OrderBy(c => c, StringComparer.Ordinal);
            _levels[level] = codes.Select(c => new Sector(c, NameOf(level, c), level)).ToList();
        }
    }

    public IReadOnlyList<SicSubclass> Subclasses { get; }

    /// <summary>The sectors of one level, in code order.</summary>
    public IReadOnlyList<Sector> SectorsAt(SectorLevel level) => _levels[level];

    public string NameOf(SectorLevel level, string code) =>
        _names.TryGetValue((level, code), out var n) ? n : code;

    public bool TryGetSubclass(string code, out int index) => _subclassIndex.TryGetValue(code, out index);

    /// <summary>Strips dots, slashes and spaces from a SIC code and upper-cases a section letter.</summary>
    public static string Clean(string code)
    {
        Span<char> buf = stackalloc char[code.Length];
        int n = 0;
        foreach (var ch in code)
        {
            if (ch is '.' or '/' or ' ' or '\t') continue;
            buf[n++] = char.ToUpperInvariant(ch);
        }
        return new string(buf[..n]);
    }

    /// <summary>The level a cleaned code names by its form, or null when it has no SIC form.</summary>
    public static SectorLevel? LevelOf(string clean)
    {
        if (clean.Length == 1 && clean[0] is >= 'A' and <= 'U') return SectorLevel.Section;
        foreach (var c in clean) if (c is < '0' or > '9') return null;
        return clean.Length switch
        {
            2 => SectorLevel.Division,
            3 => SectorLevel.Group,
            4 => SectorLevel.Class,
            5 => SectorLevel.Subclass,
            6 when clean.EndsWith('0') => SectorLevel.Subclass, // "25.62/0" written with a trailing slash digit
            _ => null,
        };
    }

    /// <summary>The indices of all subclasses under a code at any level (empty when the code does not exist).</summary>
    public IReadOnlyList<int> SubclassesUnder(string code)
    {
        var c = Clean(code);
        var level = LevelOf(c);
        if (level is null) return Array.Empty<int>();
        if (c.Length == 6) c = c[..5];
        var r = new List<int>();
        for (int i = 0; i < Subclasses.Count; i++)
            if (Subclasses[i].CodeAt(level.Value) == c) r.Add(i);
        return r;
    }

    /// <summary>
    /// Resolves a code to the node it names: its level and its code at that level. Throws an
    /// <see cref="InputException"/> for a code that is not in SIC 2007.
    /// </summary>
    public (SectorLevel Level, string Code) Resolve(string code)
    {
        var c = Clean(code);
        var level = LevelOf(c) ?? throw new InputException($"'{code}' is not a SIC 2007 code (a section letter or 2–5 digits)", field: "sic");
        if (c.Length == 6) c = c[..5];
        if (SubclassesUnder(c).Count == 0) throw new InputException($"SIC code '{code}' does not exist in SIC 2007", field: "sic");
        return (level, c);
    }
}
