namespace CompeteModel.Engine.Scoring;

/// <summary>Whether a higher raw indicator value is better (+) or worse (−) for the composite.</summary>
public enum Direction
{
    /// <summary>Higher is better ("+" in a spec).</summary>
    Positive,
    /// <summary>Lower is better ("-" in a spec); the values are negated before normalisation.</summary>
    Negative,
}
