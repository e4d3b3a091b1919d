using CompeteModel.Engine.Sectors;

namespace CompeteModel.Engine.Ingest.Uk;

/// <summary>
/// BRES employment as published: one entry per year × area × SIC code. Areas are whatever the download holds
/// (<see cref="AreaKinds"/>: ITL2 areas in the shipped files, districts, combined authorities, Great Britain, ...), with
/// ITL codes in ITL 2021 form; SIC codes are at one or more levels (<see cref="Levels"/>). <see cref="Value"/> is the
/// published (rounded) count or NaN where the cell is unavailable; Lower/Upper is the rounding interval
/// (<see cref="BresRounding"/>).
/// </summary>
public sealed class BresTable
{
    private readonly Lazy<IReadOnlyList<int>> _years;
    private readonly Lazy<IReadOnlyList<SectorLevel>> _levels;
    private readonly Lazy<Dictionary<string, HashSet<int>>> _areaYears;

    public BresTable(int[] year, string[] geographyCode, string[] industryCode, double[] value, double[] lower, double[] upper,
        IReadOnlyDictionary<string, string> geographyNames, RowAccount account, IReadOnlyDictionary<string, BresAreaKind>? areaKinds = null)
    {
        Year = year;
        GeographyCode = geographyCode;
        IndustryCode = industryCode;
        (AreaId, Areas) = Intern(geographyCode);
        (CodeId, Codes) = Intern(industryCode);
        Value = value;
        Lower = lower;
        Upper = upper;
        GeographyNames = geographyNames;
        Account = account;
        AreaKinds = areaKinds ?? geographyNames.Keys.ToDictionary(k => k, _ => BresAreaKind.Itl2, StringComparer.Ordinal);
        _years = new(() => Year.Distinct().Order().ToList());
        _areaYears = new(() =>
        {
            var sets = Areas.Select(_ => new HashSet<int>()).ToArray();
            for (int i = 0; i < Year.Length; i++) sets[AreaId[i]].Add(Year[i]);
            var d = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
            for (int a = 0; a < Areas.Count; a++) d[Areas[a]] = sets[a];
            return d;
        });
        _levels = new(() => Codes.Select(SicHierarchy.LevelOf).OfType<SectorLevel>().Distinct().Order().ToList());
    }

    /// <summary>Each row's index into the distinct values of <paramref name="codes"/> (in order of first appearance), and those values.</summary>
    private static (int[] Ids, IReadOnlyList<string> Distinct) Intern(string[] codes)
    {
        var ids = new int[codes.Length];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var distinct = new List<string>();
        string? previous = null;
        int last = -1;
        for (int i = 0; i < codes.Length; i++)
        {
            var c = codes[i];
            if (!ReferenceEquals(c, previous) && c != previous)
            {
                if (!index.TryGetValue(c, out last))
                {
                    last = distinct.Count;
                    index[c] = last;
                    distinct.Add(c);
                }
                previous = c;
            }
            ids[i] = last;
        }
        return (ids, distinct);
    }

    public int Count => Year.Length;
    public int[] Year { get; }
    public string[] GeographyCode { get; }
    public string[] IndustryCode { get; }
    public double[] Value { get; }
    public double[] Lower { get; }
    public double[] Upper { get; }

    /// <summary>Each row's area as an index into <see cref="Areas"/>: loops over the rows compare integers, not codes.</summary>
    public int[] AreaId { get; }

    /// <summary>The distinct area codes of <see cref="GeographyCode"/>, in order of first appearance.</summary>
    public IReadOnlyList<string> Areas { get; }

    /// <summary>Each row's SIC code as an index into <see cref="Codes"/>.</summary>
    public int[] CodeId { get; }

    /// <summary>The distinct SIC codes of <see cref="IndustryCode"/>, in order of first appearance.</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>Area code → name as printed in the file.</summary>
    public IReadOnlyDictionary<string, string> GeographyNames { get; }

    /// <summary>Area code → the kind of area it is.</summary>
    public IReadOnlyDictionary<string, BresAreaKind> AreaKinds { get; }
    public RowAccount Account { get; }

    /// <summary>The file the table was read from.</summary>
    public string Source => Account.Source;

    public IReadOnlyList<int> Years => _years.Value;

    /// <summary>The SIC levels the file's industry codes are at, coarsest first.</summary>
    public IReadOnlyList<SectorLevel> Levels => _levels.Value;

    /// <summary>True when the file has rows for <paramref name="area"/> in <paramref name="year"/>.</summary>
    public bool HasArea(string area, int year) => _areaYears.Value.TryGetValue(area, out var set) && set.Contains(year);

    /// <summary>The areas of one kind, in code order.</summary>
    public IReadOnlyList<string> AreasOf(BresAreaKind kind) =>
        AreaKinds.Where(kv => kv.Value == kind).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The level whose rows build sectors at <paramref name="level"/>: the level itself when the file has it, else the
    /// nearest finer level it has (summed up), else null (the file is coarser than asked).
    /// </summary>
    public SectorLevel? SourceLevelFor(SectorLevel level)
    {
        if (Levels.Contains(level)) return level;
        foreach (var l in Levels) if (l > level) return l;
        return null;
    }
}
