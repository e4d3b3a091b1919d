using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Ingest;
using CompeteModel.Engine.Ingest.Micro;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Scoring;
using CompeteModel.Engine.Sectors;
using CompeteModel.Engine.Technologies;

namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// What one city-region model run needs: the region, the spec, the sector level and years, and optionally
/// firm-level data for the region (which replace published aggregates for specialisation and growth and
/// carry the firm bootstrap) and a technology taxonomy (for the enabling-technologies pillar).
/// </summary>
public sealed record CityRegionRunRequest
{
    public required Region Region { get; init; }
    public required ModelSpec Spec { get; init; }

    /// <summary>Sector level; null takes the spec's <c>sector_level</c> (division when the spec says nothing usable).</summary>
    public SectorLevel? Level { get; init; }

    /// <summary>End year; null takes the spec's target year, else the latest BRES year.</summary>
    public int? Year { get; init; }

    /// <summary>Start year of growth; null takes the spec's base year, else the earliest BRES year.</summary>
    public int? BaseYear { get; init; }

    /// <summary>Firm-level data covering the region (any extra firms outside it are ignored), or null to use published data only.</summary>
    public FirmTable? Firms { get; init; }

    /// <summary>Whether <see cref="Firms"/> are generated (the shipped file) or the user's own.</summary>
    public Provenance FirmProvenance { get; init; } = Provenance.GeneratedMicroData;

    /// <summary>Plain-language description of the firm data for provenance notes.</summary>
    public string FirmSource { get; init; } = "firm-level data";

    /// <summary>Row accounting of reading <see cref="Firms"/>, so its rejects reach the run's rejects report.</summary>
    public RowAccount? FirmAccount { get; init; }

    public TechnologyTaxonomy? Taxonomy { get; init; }

    /// <summary>Clusters to score instead of the run's sectors (<see cref="SectorSetStep"/>), or null.</summary>
    public SectorSet? SectorSet { get; init; }

    /// <summary>The traded/local classification of sectors, which the spec's <c>eligibility</c> needs.</summary>
    public TradeClassification? Classification { get; init; }

    /// <summary>Monte Carlo draws; null takes the spec's.</summary>
    public int? Draws { get; init; }

    /// <summary>Seed of every random draw; null takes the spec's.</summary>
    public int? Seed { get; init; }

    /// <summary>Replications of the firm bootstrap behind LQ and growth bounds.</summary>
    public int BootstrapDraws { get; init; } = 200;

    /// <summary>Only changes speed; outputs are identical for any value.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
