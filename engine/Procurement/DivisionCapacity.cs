namespace CompeteModel.Engine.Procurement;

/// <summary>
/// A region's capacity in one SIC division from BRES: employment in the latest year with its rounding
/// interval, the location quotient against Great Britain with the interval that rounding allows,
/// compound annual growth of employment over the years in the file, and whether the LQ is reliable
/// (its interval does not straddle 1). NaN where the published cells are missing.
/// </summary>
public sealed record DivisionCapacity(
    string Division,
    string Name,
    double Employment,
    double EmploymentLower,
    double EmploymentUpper,
    double LocationQuotient,
    double LqLower,
    double LqUpper,
    double Growth)
{
    /// <summary>False when the LQ interval straddles 1, i.e. rounding alone could make the division a local strength or weakness.</summary>
    public bool LqReliable => !double.IsNaN(LqLower) && !double.IsNaN(LqUpper) && !(LqLower < 1 && LqUpper >= 1);
}
