using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Engine.Indicators;

/// <summary>
/// What <see cref="UkIndicators.Compute"/> computes on the shipped UK data: the regions to report against one
/// benchmark region (Great Britain by default in the CLI), the SIC level of the sectors, the measure the
/// specialisation, growth and shift-share indicators are computed on, and the period.
/// </summary>
public sealed record UkIndicatorRequest
{
    /// <summary>Regions to report; each must be a union of whole ITL2 areas (BRES and ITL2 GVA are published for those).</summary>
    public required IReadOnlyList<Region> Regions { get; init; }

    /// <summary>The benchmark region (a union of ITL2 areas, normally Great Britain).</summary>
    public required Region Benchmark { get; init; }

    /// <summary>SIC level of the sectors for <see cref="Measure.Employment"/>; GVA comes in its own industries and ignores it.</summary>
    public SectorLevel Level { get; init; } = SectorLevel.Division;

    /// <summary><see cref="Measure.Employment"/> (BRES, default) or <see cref="Measure.GvaCurrent"/> (ONS regional GVA).</summary>
    public Measure Measure { get; init; } = Measure.Employment;

    /// <summary>Year of the levels and end of the growth period; null = the latest BRES year.</summary>
    public int? Year { get; init; }

    /// <summary>Start of the growth and shift-share period; null = the earliest BRES year.</summary>
    public int? BaseYear { get; init; }

    /// <summary>Presence M = 1 where LQ ≥ this.</summary>
    public double PresenceThreshold { get; init; } = 1.0;

    /// <summary>Passed to <see cref="IndicatorOptions.MinFirms"/> (published data carry no firm counts).</summary>
    public int MinFirms { get; init; } = 10;
}
