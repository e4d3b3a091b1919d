using CompeteModel.Engine.Statistics;

namespace CompeteModel.Engine.Indicators;

/// <summary>Growth orientation: growth rates between two years, relative to a benchmark, and productivity.</summary>
public static class Growth
{
    /// <summary>
    /// Growth over the period g = X1/X0 − 1 (a fraction: 0.25 is 25 %). Source: METHODS.md, the g of the
    /// shift-share; REAT <c>growth(..., growth.type = "rate")</c> prints it ×100. Undefined where X0 = 0
    /// (<see cref="UndefinedReason.AbsentInBaseYear"/>) or an input is NaN.
    /// </summary>
    public static double Rate(double x0, double x1, out UndefinedReason reason)
    {
        if (double.IsNaN(x0) || double.IsNaN(x1)) { reason = UndefinedReason.UnknownInput; return double.NaN; }
        if (x0 == 0) { reason = UndefinedReason.AbsentInBaseYear; return double.NaN; }
        reason = UndefinedReason.None;
        return x1 / x0 - 1;
    }

    /// <summary>
    /// Compound annual growth (X1/X0)^(1/(t1−t0)) − 1 (METHODS.md "Growth orientation"). Undefined where
    /// X0 = 0 (<see cref="UndefinedReason.AbsentInBaseYear"/>), X0 &lt; 0 or X1 &lt; 0
    /// (<see cref="UndefinedReason.NonPositiveBase"/>), or an input is NaN.
    /// </summary>
    public static double Cagr(double x0, double x1, int years, out UndefinedReason reason)
    {
        if (years <= 0) throw new ArgumentOutOfRangeException(nameof(years), "the final year must come after the base year");
        if (double.IsNaN(x0) || double.IsNaN(x1)) { reason = UndefinedReason.UnknownInput; return double.NaN; }
        if (x0 == 0) { reason = UndefinedReason.AbsentInBaseYear; return double.NaN; }
        if (x0 < 0 || x1 < 0) { reason = UndefinedReason.NonPositiveBase; return double.NaN; }
        reason = UndefinedReason.None;
        return CompoundGrowth.Rate(x0, x1, years);
    }

    /// <summary>
    /// Growth relative to the benchmark, as a difference of rates: (X1/X0 − 1) − (B1/B0 − 1); positive means
    /// the region grew faster than the benchmark (the "growth above benchmark" axis of METHODS.md's
    /// specialisation × growth quadrants). Undefined where either rate is; a zero benchmark base gives
    /// <see cref="UndefinedReason.ZeroBenchmark"/>.
    /// </summary>
    public static double VersusBenchmark(double x0, double x1, double b0, double b1, out UndefinedReason reason)
    {
        double g = Rate(x0, x1, out reason);
        if (reason != UndefinedReason.None) return double.NaN;
        double gb = Rate(b0, b1, out reason);
        if (reason == UndefinedReason.AbsentInBaseYear) reason = UndefinedReason.ZeroBenchmark;
        return reason == UndefinedReason.None ? g - gb : double.NaN;
    }

    /// <summary>
    /// Relative productivity: (GVA[r,s]/jobs[r,s]) / (GVA_B[s]/jobs_B[s]), GVA per job of the region over
    /// that of the benchmark (METHODS.md "UK data conventions": productivity = GVA / BRES employment for the
    /// same region, industry and year). 1 means as productive as the benchmark. Undefined where the
    /// region has no jobs (<see cref="UndefinedReason.ZeroRegionTotal"/>) or the benchmark has no jobs or
    /// no GVA (<see cref="UndefinedReason.ZeroBenchmark"/>), and where either GVA is zero or negative
    /// (<see cref="UndefinedReason.NonPositiveGva"/>: ONS publishes negative GVA for loss-making industries such as air
    /// transport in 2021, and a ratio of a negative to a positive GVA per job is not a productivity).
    /// </summary>
    public static double ProductivityRelative(double gva, double jobs, double gvaBenchmark, double jobsBenchmark, out UndefinedReason reason)
    {
        if (double.IsNaN(gva) || double.IsNaN(jobs) || double.IsNaN(gvaBenchmark) || double.IsNaN(jobsBenchmark))
        { reason = UndefinedReason.UnknownInput; return double.NaN; }
        if (jobs == 0) { reason = UndefinedReason.ZeroRegionTotal; return double.NaN; }
        if (jobsBenchmark == 0 || gvaBenchmark == 0) { reason = UndefinedReason.ZeroBenchmark; return double.NaN; }
        if (gva <= 0 || gvaBenchmark < 0) { reason = UndefinedReason.NonPositiveGva; return double.NaN; }
        reason = UndefinedReason.None;
        return gva * jobsBenchmark / (jobs * gvaBenchmark);
    }

    /// <summary>
    /// Real GVA growth CVM1/CVM0 − 1 from chained-volume GVA (ONS "chained volume measures"; METHODS.md:
    /// real growth uses the chained-volume table). Same undefined cases as <see cref="Rate"/>.
    /// </summary>
    public static double RealGva(double cvm0, double cvm1, out UndefinedReason reason) => Rate(cvm0, cvm1, out reason);

    /// <summary>Array form of <see cref="Rate"/>: g[i] = x1[i]/x0[i] − 1.</summary>
    public static void Rates(ReadOnlySpan<double> x0, ReadOnlySpan<double> x1, Span<double> g, Span<UndefinedReason> reason)
    {
        for (int i = 0; i < x0.Length; i++) g[i] = Rate(x0[i], x1[i], out reason[i]);
    }

    /// <summary>Array form of <see cref="ProductivityRelative"/> for one region's sector vector against the benchmark's.</summary>
    public static void ProductivityRelative(ReadOnlySpan<double> gva, ReadOnlySpan<double> jobs, ReadOnlySpan<double> gvaBenchmark,
        ReadOnlySpan<double> jobsBenchmark, Span<double> result, Span<UndefinedReason> reason)
    {
        for (int i = 0; i < gva.Length; i++) result[i] = ProductivityRelative(gva[i], jobs[i], gvaBenchmark[i], jobsBenchmark[i], out reason[i]);
    }
}
