namespace CompeteModel.Engine.Reporting;

/// <summary>
/// Specialisation × growth class (METHODS.md, Quadrants): LQ ≥ 1 vs growth above the benchmark's.
/// </summary>
public enum ReportQuadrant
{
    /// <summary>LQ or growth missing.</summary>
    Unclassified,
    /// <summary>LQ ≥ 1 and growing faster than the benchmark.</summary>
    Strength,
    /// <summary>LQ &lt; 1 and growing faster than the benchmark.</summary>
    Emerging,
    /// <summary>LQ ≥ 1 and not growing faster than the benchmark.</summary>
    DecliningStrength,
    /// <summary>LQ &lt; 1 and not growing faster than the benchmark.</summary>
    Underrepresented,
}
