namespace CompeteModel.Engine.Reporting;

/// <summary>
/// One scored sector as the report shows it. Missing values are NaN (never 0) and print as "n/a".
/// </summary>
public sealed record ReportSector
{
    public required string Code { get; init; }
    public required string Name { get; init; }

    /// <summary>Composite score (0–100 under min–max normalisation).</summary>
    public required double Composite { get; init; }

    /// <summary>Point rank, 1 = best.</summary>
    public required int Rank { get; init; }

    /// <summary>Median rank over the Monte Carlo draws (NaN when no uncertainty analysis was run).</summary>
    public double MedianRank { get; init; } = double.NaN;

    /// <summary>5th percentile of the rank over the draws (the best plausible rank).</summary>
    public required int BandLow { get; init; }

    /// <summary>95th percentile of the rank over the draws (the worst plausible rank).</summary>
    public required int BandHigh { get; init; }

    public ReportQuadrant Quadrant { get; init; }

    /// <summary>Location quotient against the benchmark.</summary>
    public double Lq { get; init; } = double.NaN;

    /// <summary>Compound annual growth minus the benchmark's, in percentage points a year.</summary>
    public double GrowthVsBenchmark { get; init; } = double.NaN;

    /// <summary>Employment in the region in the last year.</summary>
    public double Employment { get; init; } = double.NaN;

    /// <summary>Relatedness density (0–1, py-ecomplexity convention).</summary>
    public double Density { get; init; } = double.NaN;

    /// <summary>Product (sector) complexity index, standardised.</summary>
    public double Pci { get; init; } = double.NaN;

    /// <summary>Indicator contributions to the composite (any order; the report sorts them).</summary>
    public IReadOnlyList<ReportContribution> Contributions { get; init; } = [];

    /// <summary>Reliability flags (e.g. "small cells: LQ interval crosses 1").</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];
}
