namespace CompeteModel.Engine.Scoring;

/// <summary>
/// Relatedness × complexity quadrant (Balland, Boschma, Crespo and Rigby 2019, "Smart specialization policy in the
/// European Union", Regional Studies 53(9)): high relatedness lowers the risk of building a sector, high complexity
/// raises the return. "High" means at or above the cut (the median over scored units unless configured).
/// </summary>
public enum RelatednessComplexityClass
{
    /// <summary>High relatedness, high complexity: the target quadrant.</summary>
    LowRiskHighReturn,
    /// <summary>High relatedness, low complexity.</summary>
    LowRiskLowReturn,
    /// <summary>Low relatedness, high complexity.</summary>
    HighRiskHighReturn,
    /// <summary>Low relatedness, low complexity.</summary>
    HighRiskLowReturn,
    /// <summary>A quadrant indicator is missing for the unit, or the chart is switched off.</summary>
    Unclassified,
}
