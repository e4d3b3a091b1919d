namespace CompeteModel.Engine.Statistics;

/// <summary>
/// Compound annual growth rate (docs/METHODS.md "Growth orientation"): CAGR = (x₁/x₀)^(1/Δt) − 1. NaN contract
/// (docs/METHODS.md "Statistics and missing values"): undefined, NaN (never zero), where an input is NaN,
/// x₀ ≤ 0, x₁ &lt; 0 or Δt ≤ 0; callers that report a reason decide it before calling.
/// </summary>
public static class CompoundGrowth
{
    /// <summary>(x1/x0)^(1/years) − 1, NaN outside the domain above.</summary>
    public static double Rate(double x0, double x1, double years) =>
        x0 > 0 && x1 >= 0 && years > 0 ? Math.Pow(x1 / x0, 1.0 / years) - 1 : double.NaN;
}
