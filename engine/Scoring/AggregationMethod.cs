namespace CompeteModel.Engine.Scoring;

/// <summary>How indicators are combined into pillars and pillars into the index.</summary>
public enum AggregationMethod
{
    /// <summary>Weighted arithmetic mean Σ wᵢ vᵢ (the default; fully compensatory).</summary>
    Arithmetic,
    /// <summary>Weighted geometric mean Π vᵢ^wᵢ (partly compensatory); needs strictly positive values, see <see cref="Normaliser.ToPositiveRange"/>.</summary>
    Geometric,
}
