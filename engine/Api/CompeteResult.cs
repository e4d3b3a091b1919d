using CompeteModel.Engine.IO;
using CompeteModel.Engine.Pipeline;
using CompeteModel.Engine.Scoring;

namespace CompeteModel.Engine.Api;

/// <summary>
/// One city-region run through <see cref="Compete.Run"/>: the full <see cref="CityRegionRunResult"/> and the tables
/// <c>compete run</c> writes, each convertible with <see cref="DataFrames.ToDataFrame"/>.
/// </summary>
public sealed class CompeteResult(CityRegionRunResult run)
{
    /// <summary>Everything the run computed.</summary>
    public CityRegionRunResult Run { get; } = run;

    /// <summary>rankings.csv: sectors by composite score with rank bands and classes.</summary>
    public Table Rankings => RunTables.Rankings(Run);

    /// <summary>indicators.csv: every indicator of every sector, with bounds and reasons where undefined.</summary>
    public Table Indicators => RunTables.Indicators(Run);

    /// <summary>eligibility.csv: which sectors were ranked and why the others were not.</summary>
    public Table Eligibility => RunTables.Eligibility(Run);

    /// <summary>stability.csv: how the ranking moves with the choice of years.</summary>
    public Table Stability => RunTables.Stability(Run);

    /// <summary>The Monte Carlo rank bands (median and 5–95% rank of each sector).</summary>
    public Table Bands => ScoreTables.Bands(Run.MonteCarlo);

    /// <summary>The sensitivity of the ranks to each Monte Carlo factor.</summary>
    public Table Sensitivity => ScoreTables.Sensitivity(Run.MonteCarlo);
}
