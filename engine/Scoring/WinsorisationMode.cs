namespace CompeteModel.Engine.Scoring;

/// <summary>Whether and how an indicator's outliers are clipped before normalisation.</summary>
public enum WinsorisationMode
{
    /// <summary>No clipping.</summary>
    None,
    /// <summary>Clip only when |skewness| &gt; 2 and excess kurtosis &gt; 3.5 (METHODS.md, after the COIN tool), one extreme value at a time.</summary>
    Auto,
    /// <summary>Clip to explicit lower and upper percentiles.</summary>
    Percentiles,
}
