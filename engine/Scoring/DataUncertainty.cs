namespace CompeteModel.Engine.Scoring;

/// <summary>
/// What Monte Carlo may draw indicator values from, shaped like the <see cref="IndicatorMatrix"/> it goes with.
/// <see cref="Replicates"/>: bootstrap replicates of the whole matrix (e.g. from resampling firms); each draw picks one
/// replicate per unit, so a unit's indicators move together. Otherwise <see cref="Lower"/>/<see cref="Upper"/>: a band
/// per cell (e.g. the BRES rounding interval), drawn uniformly; a NaN bound keeps the point value.
/// <see cref="Scenarios"/>: whole matrices under alternative choices of years (scenario 0 the run's own); with the
/// years factor each draw picks one for every unit, and a drawn band moves it by the band's draw around the point value.
/// </summary>
public sealed record DataUncertainty(IReadOnlyList<double[]>? Replicates = null, double[]? Lower = null, double[]? Upper = null)
{
    /// <summary>The matrix under each choice of years (same shape as the matrix's values), the run's own first; null or one: years fixed.</summary>
    public IReadOnlyList<double[]>? Scenarios { get; init; }

    /// <summary>Whether there is more than one choice of years to draw from.</summary>
    public bool HasScenarios => Scenarios is { Count: > 1 };

    /// <summary>Checks the shapes against a matrix.</summary>
    public void Validate(IndicatorMatrix matrix)
    {
        int cells = matrix.Values.Length;
        if (Replicates is not null && Replicates.Any(r => r.Length != cells))
            throw new ArgumentException("every bootstrap replicate must have units × indicators = " + cells + " cells");
        if ((Lower is null) != (Upper is null)) throw new ArgumentException("give both lower and upper bands, or neither");
        if (Lower is not null && (Lower.Length != cells || Upper!.Length != cells))
            throw new ArgumentException("bands must have units × indicators = " + cells + " cells");
        if (Scenarios is not null && Scenarios.Any(r => r.Length != cells))
            throw new ArgumentException("every year scenario must have units × indicators = " + cells + " cells");
    }

    /// <summary>Whether there is anything to draw from.</summary>
    public bool HasData => (Replicates is not null && Replicates.Count > 0) || Lower is not null;
}
