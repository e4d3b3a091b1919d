using CompeteModel.Engine.Scoring;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Engine.Backtest;

/// <summary>
/// What <see cref="UkBacktest.Run"/> tests on the shipped BRES panel: the period (predictors at <see cref="From"/>,
/// outcomes at <see cref="To"/>), the SIC level, the spec whose composite is tested, the bootstrap draws and seed,
/// and the settings of the robustness checks. Defaults follow docs/METHODS.md "Backtest".
/// </summary>
public sealed record BacktestRequest
{
    /// <summary>t0: the year the predictors are measured in.</summary>
    public int From { get; init; } = 2015;

    /// <summary>t1: the year entry, exit and growth are read at.</summary>
    public int To { get; init; } = 2021;

    public SectorLevel Level { get; init; } = SectorLevel.Division;

    /// <summary>The spec whose composite is tested (the city-region spec); its presence threshold is the RCA cut of entry and exit.</summary>
    public required ModelSpec Spec { get; init; }

    /// <summary>Cluster-bootstrap draws behind every interval.</summary>
    public int Draws { get; init; } = 1000;

    /// <summary>Seed of the bootstrap and the placebo shuffle.</summary>
    public long Seed { get; init; } = 20260401;

    /// <summary>Robustness: cells with fewer jobs than this at t0 or t1 are left out (BRES rounding makes small cells flip RCA).</summary>
    public double MinJobs { get; init; } = 50;

    /// <summary>Robustness: years averaged at each endpoint (employment averaged over From … From+W−1 and To−W+1 … To).</summary>
    public int Window { get; init; } = 2;

    /// <summary>Run the robustness variants (other level, small cells dropped, multi-year endpoints, two sub-periods).</summary>
    public bool Robustness { get; init; } = true;
}
