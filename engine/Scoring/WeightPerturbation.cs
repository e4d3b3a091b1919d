namespace CompeteModel.Engine.Scoring;

/// <summary>How Monte Carlo draws perturb the weights.</summary>
public enum WeightPerturbation
{
    /// <summary>Each weight times an independent uniform factor in [1 − r, 1 + r] (r = 0.5 by default), then renormalised.</summary>
    Uniform,
    /// <summary>Weights drawn from a Dirichlet distribution with mean equal to the nominal weights: αᵢ = c·K·wᵢ (c the concentration, K the number of weights).</summary>
    Dirichlet,
}
