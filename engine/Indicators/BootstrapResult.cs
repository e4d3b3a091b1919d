namespace CompeteModel.Engine.Indicators;

/// <summary>
/// Bootstrap output for an R × S matrix (row-major): point estimate from the data as observed, the 5 % and
/// 95 % bounds of the bootstrap distribution, the firms behind the cell, and the reliability flag
/// (firms ≥ the minimum). Undefined estimates are NaN with a reason.
/// </summary>
public sealed record BootstrapResult(
    int Regions,
    int Sectors,
    double[] Estimate,
    double[] Lower,
    double[] Upper,
    int[] Firms,
    bool[] Reliable,
    UndefinedReason[] Reason);
