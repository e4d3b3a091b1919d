namespace CompeteModel.Engine.Scoring;

/// <summary>
/// Uncertainty of the ranking: a <see cref="RankBand"/> per scored unit (in point-rank order) from
/// <see cref="Draws"/> seeded draws, and the one-factor-at-a-time sensitivity table, largest mean shift first
/// (ties in factor order).
/// </summary>
public sealed record MonteCarloResult(int Seed, int Draws, IReadOnlyList<RankBand> Bands, IReadOnlyList<SensitivityRow> Sensitivity, IReadOnlyList<string> Notes)
{
    /// <summary>The factor that moves ranks most (first row of <see cref="Sensitivity"/>).</summary>
    public MonteCarloFactor MostInfluential => Sensitivity[0].Factor;
}
