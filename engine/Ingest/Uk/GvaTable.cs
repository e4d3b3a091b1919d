using CompeteModel.Engine.Errors;

namespace CompeteModel.Engine.Ingest.Uk;

/// <summary>
/// One ONS regional GVA table as published: £ million by region (ITL 2021 code, e.g. <c>TLG3</c>) ×
/// industry row (see <see cref="GvaIndustries"/>) × year, at current prices or in chained volume.
/// A cell is NaN when the table marks it unavailable or has no row for that region and industry.
/// Values are published rounded to £1 million, so they carry ±0.5 each and published aggregates
/// differ from the sums of their parts by up to half a million per part.
/// </summary>
public sealed class GvaTable
{
    private readonly Dictionary<string, int> _regionIndex;
    private readonly Dictionary<string, int> _industryIndex;
    private readonly Dictionary<int, int> _yearIndex;
    private readonly double[] _values;

    internal GvaTable(string source, GvaPriceBasis basis, IReadOnlyList<(string Code, string Name)> regions, GvaIndustries industries,
        IReadOnlyList<int> years, double[] values, RowAccount account)
    {
        Source = source;
        Basis = basis;
        Regions = regions;
        Industries = industries;
        Years = years;
        _values = values;
        Account = account;
        _regionIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < regions.Count; i++) _regionIndex[regions[i].Code] = i;
        _industryIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < industries.All.Count; i++) _industryIndex[industries.All[i].Code] = i;
        _yearIndex = new Dictionary<int, int>();
        for (int i = 0; i < years.Count; i++) _yearIndex[years[i]] = i;
    }

    /// <summary>The file read.</summary>
    public string Source { get; }
    public GvaPriceBasis Basis { get; }

    /// <summary>Regions in file order: ITL 2021 code and the name printed in the file.</summary>
    public IReadOnlyList<(string Code, string Name)> Regions { get; }
    public GvaIndustries Industries { get; }
    public IReadOnlyList<int> Years { get; }
    public RowAccount Account { get; }

    public bool HasRegion(string code) => _regionIndex.ContainsKey(code);

    public bool HasYear(int year) => _yearIndex.ContainsKey(year);

    /// <summary>The published value in £ million, NaN when unknown. A region, industry or year not in the table is an <see cref="InputException"/>.</summary>
    public double Value(string regionCode, string industryCode, int year)
    {
        if (!_regionIndex.TryGetValue(regionCode, out var r))
            throw new InputException($"region '{regionCode}' is not in this GVA table", Source, field: "ITL region code");
        if (!_industryIndex.TryGetValue(industryCode, out var s))
            throw new InputException($"industry '{industryCode}' is not in this GVA table; its industries: {string.Join(", ", Industries.All.Select(i => i.Code))}", Source, field: "SIC07 code");
        if (!_yearIndex.TryGetValue(year, out var t))
            throw new InputException($"year {year} is not in this GVA table ({Years[0]}–{Years[^1]})", Source, field: "year");
        return _values[Offset(r, s, t)];
    }

    internal int Offset(int region, int industry, int year) => (region * Industries.All.Count + industry) * Years.Count + year;

    internal static int Offset(int region, int industry, int year, int industries, int years) => (region * industries + industry) * years + year;
}
