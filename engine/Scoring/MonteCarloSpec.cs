namespace CompeteModel.Engine.Scoring;

/// <summary>
/// Monte Carlo settings. Each draw perturbs the weights (<see cref="Perturbation"/>, range ±<see cref="PerturbationRange"/>
/// or Dirichlet concentration <see cref="DirichletConcentration"/>), picks one normalisation from
/// <see cref="Normalisations"/> and one aggregation from <see cref="Aggregations"/> with equal probability
/// (an empty list keeps the spec's choice), and, when <see cref="Bootstrap"/> is on, draws indicator values from the
/// supplied bootstrap replicates or bands. The spec's own normalisation and aggregation are always among the options
/// (added when a list leaves them out), so the nominal model is one of the configurations drawn; an alternative
/// normalisation applies to every indicator except distance-to-target ones, which keep their target.
/// </summary>
public sealed record MonteCarloSpec(
    int Draws,
    WeightPerturbation Perturbation,
    double PerturbationRange,
    double DirichletConcentration,
    IReadOnlyList<NormalisationMethod> Normalisations,
    IReadOnlyList<AggregationMethod> Aggregations,
    bool Bootstrap)
{
    /// <summary>1,000 draws, ±50% uniform weights, min–max/z-score/rank/percentile, arithmetic/geometric, bootstrap on.</summary>
    public static MonteCarloSpec Default { get; } = new(
        1000, WeightPerturbation.Uniform, 0.5, 10,
        [NormalisationMethod.MinMax, NormalisationMethod.ZScore, NormalisationMethod.Rank, NormalisationMethod.Percentile],
        [AggregationMethod.Arithmetic, AggregationMethod.Geometric],
        true);

    /// <summary>The choice of years as a factor (null: years fixed at the run's).</summary>
    public YearFactorSpec? Years { get; init; }
}
