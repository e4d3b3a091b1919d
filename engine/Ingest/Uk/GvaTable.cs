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

    /// <summary>The published value in £ million, NaN when unknown. Unknown region, industry or year throws <see cref="KeyNotFoundException"/>.</summary>
    public double Value(string regionCode, string industryCode, int year) =>
        _values[Offset(_regionIndex[regionCode], _industryIndex[industryCode], _yearIndex[year])];

    internal int Offset(int region, int industry, int year) => (region * Industries.All.Count + industry) * Years.Count + year;

    internal static int Offset(int region, int industry, int year, int industries, int years) => (region * industries + industry) * years + year;
}
