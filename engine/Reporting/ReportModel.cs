using CompeteModel.Engine.Scoring;

namespace CompeteModel.Engine.Reporting;

/// <summary>
/// Everything a report shows, already computed: the renderers only format these numbers (by the rules
/// of <see cref="ReportFormat"/>) and never recompute them.
/// </summary>
public sealed record ReportModel
{
    public ReportModel(string regionName, string regionCode, string specName, int firstYear, int lastYear, IReadOnlyList<ReportSector> sectors)
    {
        if (lastYear < firstYear) throw new ArgumentException($"years {firstYear}-{lastYear}: last before first");
        foreach (var s in sectors)
        {
            if (s.Rank < 1 || s.BandLow < 1 || s.BandHigh < s.BandLow)
                throw new ArgumentException($"sector {s.Code}: rank {s.Rank}, band {s.BandLow}-{s.BandHigh} (need rank ≥ 1 and 1 ≤ low ≤ high)");
        }
        RegionName = regionName;
        RegionCode = regionCode;
        SpecName = specName;
        FirstYear = firstYear;
        LastYear = lastYear;
        Sectors = sectors.OrderBy(s => s.Rank).ThenBy(s => s.Code, StringComparer.Ordinal).ToArray();
    }

    public string RegionName { get; }
    public string RegionCode { get; }
    public string SpecName { get; }
    public int FirstYear { get; }
    public int LastYear { get; }

    /// <summary>All scored sectors, ordered by rank then code.</summary>
    public IReadOnlyList<ReportSector> Sectors { get; }

    /// <summary>How many sectors the headline, paragraphs and rank-band chart show.</summary>
    public int TopN { get; init; } = 10;

    /// <summary>The benchmark named in the text, e.g. "Great Britain".</summary>
    public string BenchmarkName { get; init; } = "the benchmark";

    public IReadOnlyList<ProvenanceNote> Provenance { get; init; } = [];
    public TechnologyMatrix? Technologies { get; init; }
    public ComparisonTable? Comparison { get; init; }

    /// <summary>The normalised matrix and weights behind the composites, for the interactive weight explorer; null: no explorer.</summary>
    public WeightExplorer? Explorer { get; init; }

    /// <summary>Agreement between the rankings of every pair of weight sets (Spearman ρ, Kendall τ, top-N overlap).</summary>
    public IReadOnlyList<RankComparison> WeightSetPairs { get; init; } = [];

    /// <summary>The one-factor-at-a-time sensitivity table of the Monte Carlo (largest mean rank shift first).</summary>
    public IReadOnlyList<SensitivityRow> Sensitivity { get; init; } = [];

    /// <summary>Yearly employment (and GVA where available) of the top sectors, for the small series charts.</summary>
    public IReadOnlyList<SectorSeries> Series { get; init; } = [];

    /// <summary>Sections after the sector explanations: ranking stability, sectors left out, the complexity gate, and the
    /// data sections of a run (districts side by side, innovation context, datasets and vintages).</summary>
    public IReadOnlyList<ReportSection> Sections { get; init; } = [];

    /// <summary>Feasibility notes (what carries from the national model to the city region).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Warnings (e.g. complexity unreliable at this scale); printed prominently.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The first <see cref="TopN"/> sectors.</summary>
    public IReadOnlyList<ReportSector> Top => Sectors.Take(TopN).ToArray();
}
