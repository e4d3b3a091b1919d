namespace CompeteModel.Engine.Technologies;

/// <summary>Options of <see cref="TechnologyProfileBuilder.Build"/>.</summary>
/// <param name="Year">The year measured.</param>
/// <param name="BaseYear">Start year of the growth of tagged firms; null leaves growth undefined (NaN).</param>
/// <param name="PresenceThreshold">A region is specialised in a sector where the sector's employment LQ ≥ this (METHODS: 1.0, exactly 1 counts).</param>
/// <param name="Replicates">Bootstrap replicates (firms resampled with replacement within region × sector); 0 skips the bootstrap.</param>
/// <param name="LowerQuantile">Lower bound quantile of the bootstrap (METHODS: 5%).</param>
/// <param name="UpperQuantile">Upper bound quantile of the bootstrap (METHODS: 95%).</param>
/// <param name="Seed">Seed of the bootstrap.</param>
public sealed record TechnologyProfileOptions(
    int Year,
    int? BaseYear = null,
    double PresenceThreshold = 1.0,
    int Replicates = 200,
    double LowerQuantile = 0.05,
    double UpperQuantile = 0.95,
    int Seed = 1)
{
    public void Validate()
    {
        if (BaseYear is { } b && b >= Year) throw new ArgumentException($"base year {b} must be before the year {Year}");
        if (Replicates < 0) throw new ArgumentException("replicates must be ≥ 0");
        if (!(LowerQuantile >= 0 && LowerQuantile < UpperQuantile && UpperQuantile <= 1))
            throw new ArgumentException("quantiles must satisfy 0 ≤ lower < upper ≤ 1");
        if (!(PresenceThreshold > 0)) throw new ArgumentException("presence threshold must be > 0");
    }
}
