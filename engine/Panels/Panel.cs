using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Engine.Panels;

/// <summary>
/// Region × sector × year arrays for one or more <see cref="Measure"/>s, with index maps from codes
/// to positions. Built once per run; every indicator reads from it.
/// </summary>
public sealed class Panel
{
    private readonly Dictionary<string, int> _regionIndex = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _sectorIndex = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<int, int> _yearIndex = new();
    private readonly Dictionary<Measure, PanelMeasure> _measures = new();

    public Panel(IReadOnlyList<Region> regions, IReadOnlyList<Sector> sectors, IReadOnlyList<int> years, IEnumerable<PanelMeasure> measures)
    {
        Regions = regions;
        Sectors = sectors;
        Years = years;
        for (int i = 0; i < regions.Count; i++)
        {
            if (!_regionIndex.TryAdd(regions[i].Id, i)) throw new ArgumentException($"duplicate region {regions[i].Id}");
            if (!string.Equals(regions[i].Code, regions[i].Id, StringComparison.OrdinalIgnoreCase)) _regionIndex.TryAdd(regions[i].Code, i);
        }
        for (int i = 0; i < sectors.Count; i++)
            if (!_sectorIndex.TryAdd(sectors[i].Code, i)) throw new ArgumentException($"duplicate sector {sectors[i].Code}");
        for (int i = 0; i < years.Count; i++)
            if (!_yearIndex.TryAdd(years[i], i)) throw new ArgumentException($"duplicate year {years[i]}");
        foreach (var m in measures)
        {
            if (m.Value.Length != CellCount) throw new ArgumentException($"measure {m.Measure} has {m.Value.Length} cells, expected {CellCount}");
            _measures[m.Measure] = m;
        }
    }

    public IReadOnlyList<Region> Regions { get; }
    public IReadOnlyList<Sector> Sectors { get; }
    public IReadOnlyList<int> Years { get; }
    public int R => Regions.Count;
    public int S => Sectors.Count;
    public int T => Years.Count;
    public int CellCount => R * S * T;

    public IEnumerable<PanelMeasure> Measures => _measures.Values.OrderBy(m => m.Measure);

    /// <summary>Position of cell (r, s, t) in the measure arrays.</summary>
    public int Index(int r, int s, int t) => (t * R + r) * S + s;

    public bool Has(Measure m) => _measures.ContainsKey(m);

    public PanelMeasure this[Measure m] => _measures.TryGetValue(m, out var pm)
        ? pm
        : throw new InputException($"the data have no {m} measure; available: {string.Join(", ", _measures.Keys)}", field: "--measure");

    public int RegionIndex(string idOrCode) => _regionIndex.TryGetValue(idOrCode, out var i)
        ? i
        : throw new InputException($"region '{idOrCode}' is not in the data", field: "--region");

    public bool TryRegionIndex(string idOrCode, out int index) => _regionIndex.TryGetValue(idOrCode, out index);

    public int SectorIndex(string code) => _sectorIndex.TryGetValue(code, out var i)
        ? i
        : throw new InputException($"sector '{code}' is not in the data", field: "--sector");

    public bool TrySectorIndex(string code, out int index) => _sectorIndex.TryGetValue(code, out index);

    public int YearIndex(int year) => _yearIndex.TryGetValue(year, out var i)
        ? i
        : throw new InputException($"year {year} is not in the data (years: {string.Join(", ", Years)})", field: "--year");

    /// <summary>The R × S matrix (row-major) of one measure in year index <paramref name="t"/>.</summary>
    public ReadOnlySpan<double> Slice(Measure m, int t) => this[m].Value.AsSpan(t * R * S, R * S);

    /// <summary>A copy of one measure in year index <paramref name="t"/> as a row-major R × S array.</summary>
    public double[] Matrix(Measure m, int t) => Slice(m, t).ToArray();
}
