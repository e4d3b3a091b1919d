namespace CompeteModel.Engine.Scoring;

/// <summary>The modelling choices Monte Carlo varies, one at a time in the sensitivity table.</summary>
public enum MonteCarloFactor
{
    /// <summary>Pillar and indicator weights (uniform ±r or Dirichlet).</summary>
    Weights,
    /// <summary>The normalisation method (the spec's alternatives).</summary>
    Normalisation,
    /// <summary>Arithmetic or geometric aggregation.</summary>
    Aggregation,
    /// <summary>Indicator values drawn from bootstrap replicates or bands.</summary>
    Data,
    /// <summary>The choice of base year, end year and endpoint window (spec <c>monte_carlo.years</c>).</summary>
    Years,
}
