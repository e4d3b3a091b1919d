namespace CompeteModel.Engine.Indicators;

/// <summary>
/// Propagates the intervals of published, rounded counts (Panel Lower/Upper: BRES disclosure rounding,
/// METHODS.md "UK data conventions") to indicators. The rule everywhere: the bounds are the extremes
/// (minimum and maximum) of the indicator's formula over the box of its independent inputs' intervals.
/// Inputs are split into independent parts first, so that a cell counted in both a numerator and a total
/// varies only once.
/// </summary>
public static class RoundingIntervals
{
    /// <summary>
    /// Bounds of the LQ when the region is part of its benchmark (all regions, or a peer group containing it).
    /// With the independent parts x = X[r,s], a = X[r,·] − x (rest of the region), c = B[s] − x (the sector in
    /// the rest of the benchmark) and d = B[·] − x − a − c (everything else),
    /// LQ = x·(x+a+c+d) / ((x+a)·(x+c)). ∂LQ/∂a &lt; 0, ∂LQ/∂c &lt; 0, ∂LQ/∂d &gt; 0 everywhere, so the minimum
    /// takes (a, c, d) = (a_max, c_max, d_min) and the maximum (a_min, c_min, d_max). In x the numerator of the
    /// derivative, −d·x² + 2ac·x + (a+c+d)·ac, is positive and then negative, so LQ rises then falls: the minimum
    /// over [x_min, x_max] is at an end, the maximum at an end or at x* = (ac + √(a²c² + d(a+c+d)ac))/d.
    /// Returns NaN bounds where a denominator can reach 0.
    /// </summary>
    public static (double Lower, double Upper) LocationQuotientInBenchmark(
        double xLo, double xHi, double aLo, double aHi, double cLo, double cHi, double dLo, double dHi)
    {
        aLo = Math.Max(0, aLo); cLo = Math.Max(0, cLo); dLo = Math.Max(0, dLo); xLo = Math.Max(0, xLo);
        double lower = Math.Min(InBenchmark(xLo, aHi, cHi, dLo), InBenchmark(xHi, aHi, cHi, dLo));
        double upper = Math.Max(InBenchmark(xLo, aLo, cLo, dHi), InBenchmark(xHi, aLo, cLo, dHi));
        if (dHi > 0)
        {
            double ac = aLo * cLo, k = aLo + cLo + dHi;
            double xStar = (ac + Math.Sqrt(ac * ac + dHi * k * ac)) / dHi;
            if (xStar > xLo && xStar < xHi) upper = Math.Max(upper, InBenchmark(xStar, aLo, cLo, dHi));
        }
        return double.IsNaN(lower) || double.IsNaN(upper) ? (double.NaN, double.NaN) : (lower, upper);
    }

    /// <summary>
    /// Bounds of the LQ when the region is not in its benchmark (a named benchmark region such as the nation,
    /// or a peer group without it). With x = X[r,s], a = X[r,·] − x, c = B[s], d = B[·] − c,
    /// LQ = x/(x+a) · (c+d)/c rises with x and d and falls with a and c: lower = x_min/(x_min+a_max)·(c_max+d_min)/c_max,
    /// upper = x_max/(x_max+a_min)·(c_min+d_max)/c_min.
    /// </summary>
    public static (double Lower, double Upper) LocationQuotientOutsideBenchmark(
        double xLo, double xHi, double aLo, double aHi, double cLo, double cHi, double dLo, double dHi)
    {
        aLo = Math.Max(0, aLo); cLo = Math.Max(0, cLo); dLo = Math.Max(0, dLo); xLo = Math.Max(0, xLo);
        double lower = Ratio(xLo, xLo + aHi) * Ratio(cHi + dLo, cHi);
        double upper = Ratio(xHi, xHi + aLo) * Ratio(cLo + dHi, cLo);
        return double.IsNaN(lower) || double.IsNaN(upper) ? (double.NaN, double.NaN) : (lower, upper);
    }

    /// <summary>
    /// Bounds of the growth X1/X0 − 1 from [X0_min, X0_max] and [X1_min, X1_max]: [X1_min/X0_max − 1, X1_max/X0_min − 1]
    /// (the rate rises with X1 and falls with X0). The upper bound is NaN (unbounded) where X0_min ≤ 0.
    /// </summary>
    public static (double Lower, double Upper) Growth(double x0Lo, double x0Hi, double x1Lo, double x1Hi)
    {
        double lower = x0Hi > 0 ? Math.Max(0, x1Lo) / x0Hi - 1 : double.NaN;
        double upper = x0Lo > 0 ? x1Hi / x0Lo - 1 : double.NaN;
        return (lower, upper);
    }

    private static double InBenchmark(double x, double a, double c, double d) =>
        Ratio(x * (x + a + c + d), (x + a) * (x + c));

    private static double Ratio(double num, double den) => den > 0 ? num / den : double.NaN;
}
