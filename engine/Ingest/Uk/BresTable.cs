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
        Value = value;
        Lower = lower;
        Upper = upper;
        GeographyNames = geographyNames;
        Account = account;
        AreaKinds = areaKinds ?? geographyNames.Keys.ToDictionary(k => k, _ => BresAreaKind.Itl2, StringComparer.Ordinal);
        _years = new(() => Year.Distinct().Order().ToList());
        _areaYears = new(() =>
        {
            var d = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
            for (int i = 0; i < Year.Length; i++)
            {
                if (!d.TryGetValue(GeographyCode[i], out var set)) d[GeographyCode[i]] = set = new HashSet<int>();
                set.Add(Year[i]);
            }
            return d;
        });
        _levels = new(() => IndustryCode.Distinct(StringComparer.Ordinal).Select(SicHierarchy.LevelOf).OfType<SectorLevel>().Distinct().Order().ToList());
    }

    public int Count => Year.Length;
    public int[] Year { get; }
    public string[] GeographyCode { get; }
    public string[] IndustryCode { get; }
    public double[] Value { get; }
    public double[] Lower { get; }
    public double[] Upper { get; }

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
