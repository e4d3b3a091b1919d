namespace CompeteModel.Engine.Indicators;

/// <summary>
/// Why an indicator cell is undefined (NaN). Undefined is never written as 0; every table of
/// indicators counts its undefined cells by reason.
/// </summary>
public enum UndefinedReason
{
    /// <summary>The value is defined.</summary>
    None,
    /// <summary>The region's total X[r,·] is 0 (or has no known cell), so its shares are undefined.</summary>
    ZeroRegionTotal,
    /// <summary>The benchmark's value for the sector B[s], or its total B[·], is 0: the ratio has no denominator.</summary>
    ZeroBenchmark,
    /// <summary>The sector is absent (0) in the region in the base year, so its growth rate is undefined.</summary>
    AbsentInBaseYear,
    /// <summary>The base-year value is negative (a compound rate needs a positive base).</summary>
    NonPositiveBase,
    /// <summary>An input cell is unknown (suppressed or not published, NaN in the panel).</summary>
    UnknownInput,
    /// <summary>Too few known sectors for the formula (a normalised Herfindahl needs two).</summary>
    TooFewSectors,
    /// <summary>A region-level sum has an undefined part (for reasons counted on the sector rows).</summary>
    UndefinedPart,
    /// <summary>GVA (of the region's sector or the benchmark's) is zero or negative, so GVA per job is not a productivity.</summary>
    NonPositiveGva,
    /// <summary>The sector's employment jumped in a year without corroboration from GVA, and the spec excludes its growth.</summary>
    UncorroboratedJump,
}
