namespace CompeteModel.Engine.Scoring;

/// <summary>Specialisation × growth quadrant (METHODS.md): specialised when LQ ≥ 1, growing when growth is above the benchmark.</summary>
public enum SpecialisationGrowthClass
{
    /// <summary>Specialised and growing faster than the benchmark.</summary>
    Strength,
    /// <summary>Not (yet) specialised but growing faster than the benchmark.</summary>
    Emerging,
    /// <summary>Specialised but growing no faster than the benchmark.</summary>
    DecliningStrength,
    /// <summary>Neither specialised nor growing faster than the benchmark.</summary>
    Underrepresented,
    /// <summary>A quadrant indicator is missing for the unit, or the chart is switched off.</summary>
    Unclassified,
}
