namespace CompeteModel.Engine.Reporting;

/// <summary>
/// A sector's yearly series for the report's small charts: the region's employment and the benchmark's, and the
/// region's GVA when the run has it (NaN = missing). <see cref="Years"/> gives the year of each value.
/// </summary>
public sealed record SectorSeries(string Code, string Name, IReadOnlyList<int> Years, IReadOnlyList<double> Employment, IReadOnlyList<double> BenchmarkEmployment)
{
    /// <summary>The region's GVA in the sector (or the GVA industry holding it), £ million, by year; empty when not available.</summary>
    public IReadOnlyList<double> Gva { get; init; } = [];

    /// <summary>The GVA industry the series is for, when it is wider than the sector (e.g. "CD-CF (19-21)").</summary>
    public string GvaIndustry { get; init; } = "";
}
