namespace CompeteModel.Engine.Pipeline;

/// <summary>The stages a city-region run reports through its <see cref="IProgress{T}"/>, in order.</summary>
public enum RunStage
{
    /// <summary>Panels, the indicator library, the jump check and eligibility.</summary>
    Indicators,
    /// <summary>Complexity over the ITL2 reference and its gate.</summary>
    Complexity,
    /// <summary>Technology tags of firm descriptions.</summary>
    Technologies,
    /// <summary>Scores, weight sets, Monte Carlo and stability.</summary>
    Scoring,
}
