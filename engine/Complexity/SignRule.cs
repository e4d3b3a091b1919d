namespace CompeteModel.Engine.Complexity;

/// <summary>
/// How the arbitrary sign of the eigenvector ECI is fixed. An eigenvector is defined only up to its
/// sign; with few sectors the usual rule is unstable (METHODS.md, "Where the field goes wrong").
/// </summary>
public enum SignRule
{
    /// <summary>py-ecomplexity: flip kc and kp together so that corr(kc, diversity) &gt; 0.</summary>
    Diversity,

    /// <summary>
    /// Panels: the first year by the diversity rule; each later year flipped when its ECI correlates
    /// negatively with the previous year's (aligned) ECI over the locations present in both years.
    /// </summary>
    PreviousYear,

    /// <summary>Flip so that ECI correlates positively with a user-named indicator per location (e.g. productivity).</summary>
    Anchor,
}
