using CompeteModel.Engine.Complexity;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Indicators;
using CompeteModel.Engine.Ingest;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Scoring;
using CompeteModel.Engine.Sectors;
using CompeteModel.Engine.IO;

namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// Everything one city-region run produced: the indicator table, the scoring matrix with its data bands,
/// scores under the base weights and every weight set, Monte Carlo rank bands and sensitivity, complexity
/// diagnostics, technology intensities, the region's panel, row accounting, notes and warnings.
/// </summary>
public sealed class CityRegionRunResult
{
    public required Region Region { get; init; }
    public required Region Benchmark { get; init; }
    /// <summary>The spec as scored: the run's seed and draws, without indicators whose evidence failed its check (complexity gate, technologies without real firms).</summary>
    public required ModelSpec Spec { get; init; }

    /// <summary>The spec as given.</summary>
    public required ModelSpec DeclaredSpec { get; init; }
    public required SectorLevel Level { get; init; }
    public required int Year { get; init; }
    public required int BaseYear { get; init; }
    public required int Seed { get; init; }

    /// <summary>Years averaged at each end of the growth period.</summary>
    public required int EndpointYears { get; init; }

    /// <summary>The run's own choice of years, then the alternatives the Monte Carlo draws from.</summary>
    public required IReadOnlyList<YearConfig> YearConfigs { get; init; }

    /// <summary>Provenance of the firm-level data, or null for a run on published statistics only.</summary>
    public Provenance? FirmProvenance { get; init; }

    /// <summary>Per sector of the panel: traded class, its empirical check, size and why it is left out of the ranking.</summary>
    public required IReadOnlyList<SectorEligibility> Eligibility { get; init; }

    /// <summary>Sectors with an uncorroborated one-year employment jump, and the years it happened (the later year of each pair).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<int>> JumpYears { get; init; }

    /// <summary>The complexity gate's diagnostics, or null when the spec has no gate.</summary>
    public ComplexityGateResult? ComplexityGate { get; init; }

    /// <summary>The ranking under each choice of years against the run's own (first row).</summary>
    public required IReadOnlyList<StabilityRow> Stability { get; init; }

    /// <summary>Whether the enabling-technologies indicators rest on firm data (real, or generated asked for explicitly).</summary>
    public required bool TechnologyScored { get; init; }

    /// <summary>True when specialisation and growth rest on firm-level data (with the firm bootstrap).</summary>
    public required bool UsesMicroData { get; init; }

    /// <summary>Indicators of the region (long form) on the data the run used.</summary>
    public required IndicatorTable Indicators { get; init; }

    /// <summary>The same indicators on published aggregates (BRES), when the region is an ITL2 union; for the feasibility comparison.</summary>
    public IndicatorTable? PublishedIndicators { get; init; }

    /// <summary>Units (sectors) × indicators handed to scoring.</summary>
    public required IndicatorMatrix Matrix { get; init; }
    public required DataUncertainty Uncertainty { get; init; }
    public required ScoreResult Score { get; init; }
    public required WeightSetComparison WeightSets { get; init; }
    public required MonteCarloResult MonteCarlo { get; init; }

    /// <summary>Complexity over the reference geography (40 GB ITL2 areas, the region merged into one row).</summary>
    public required ComplexityYearResult Complexity { get; init; }

    /// <summary>The region's row in <see cref="Complexity"/>.</summary>
    public required int ComplexityRow { get; init; }

    /// <summary>Technology ids (taxonomy order) and, per unit, the employment share of firms tagged with each (NaN without firms).</summary>
    public required IReadOnlyList<string> TechnologyIds { get; init; }
    public required IReadOnlyDictionary<string, double[]> TechnologyShares { get; init; }

    /// <summary>Region × technology: firms tagged, employment tagged, shares (latest year).</summary>
    public required Table TechnologyTable { get; init; }

    /// <summary>The region and benchmark employment panel (all run years).</summary>
    public required Panel Panel { get; init; }

    public required IReadOnlyDictionary<string, string> SectorNames { get; init; }
    public required IReadOnlyList<RowAccount> Accounts { get; init; }
    public required IReadOnlyList<string> Notes { get; init; }
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>The region's published GVA by industry over the run's years (for the report's series), or null where the ONS publishes none.</summary>
    public RegionGva? Gva { get; init; }

    /// <summary>With a sector set (the cluster lens): each cluster and the rest of the economy, its employment and the SIC codes inside; else null.</summary>
    public Table? Clusters { get; init; }
}
