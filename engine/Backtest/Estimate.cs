namespace CompeteModel.Engine.Backtest;

/// <summary>
/// A statistic with its percentile bootstrap interval (<see cref="ClusterBootstrap"/>) and the number of cells it
/// rests on. Lower and Upper are NaN when no interval was drawn or the statistic is undefined.
/// </summary>
public sealed record Estimate(double Value, double Lower, double Upper, int N)
{
    /// <summary>True when the interval is defined and holds <paramref name="x"/>.</summary>
    public bool Contains(double x) => Lower <= x && x <= Upper;
}
