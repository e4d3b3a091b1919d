namespace CompeteModel.Engine.Scoring;

/// <summary>
/// A unit's rank under the nominal model and across Monte Carlo draws: median, mean and the 5th and 95th percentiles
/// of the draw ranks (R type-7 quantiles, so they may be fractional).
/// </summary>
public sealed record RankBand(string Code, string Name, int PointRank, double MedianRank, double MeanRank, double P05, double P95)
{
    /// <summary>Whether the nominal (point) rank lies inside the 5–95% band.</summary>
    public bool ContainsPoint => PointRank >= P05 && PointRank <= P95;

    /// <summary>P95 − P05.</summary>
    public double Width => P95 - P05;
}
