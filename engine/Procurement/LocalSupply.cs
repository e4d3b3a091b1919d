namespace CompeteModel.Engine.Procurement;

/// <summary>
/// The share of a region's demand for a supplying industry that local firms are taken to meet, from
/// location quotients (regionalising input–output coefficients without a survey; Miller &amp; Blair 2009,
/// Input-Output Analysis, 2nd ed., §8.2–8.3).
/// <para>Simple LQ (SLQ): share_s = min(1, SLQ_s), SLQ_s = (e_s/E_R)/(n_s/E_N). Known to overstate local
/// supply (and so understate leakage), most of all for small regions.</para>
/// <para>Flegg's LQ (FLQ; Flegg, Webber &amp; Elliott 1995, "On the appropriate use of location quotients in
/// generating regional input–output tables", Regional Studies 29(6), 547–561; Flegg &amp; Webber 1997, Regional
/// Studies 31(8), 795–805): FLQ_ij = CILQ_ij × λ*, with λ* = [log₂(1 + E_R/E_N)]^δ, 0 ≤ δ &lt; 1, scaling every
/// quotient down the more the smaller the region. Public purchases are final demand — there is no purchasing
/// industry j — so the FLQ's own-industry form is used, CILQ_ss = 1 being replaced by SLQ_s (Flegg &amp; Webber
/// 1997 use SLQ on the diagonal): FLQ_s = SLQ_s × λ*; share_s = min(1, FLQ_s). δ = 0 gives λ* = 1, the SLQ.
/// The default δ = 0.3 is the value Flegg &amp; Webber (1997) propose and Bonfiglio &amp; Chelli (2008, Economic
/// Systems Research 20(3), 243–258) find best in simulation; later estimates vary with region size (Flegg &amp; Tohmo
/// 2013, Regional Studies 47(5), 703–721, for Finland), so δ is an option to vary in sensitivity work.</para>
/// </summary>
public static class LocalSupply
{
    /// <summary>The default δ of the FLQ.</summary>
    public const double DefaultDelta = 0.3;

    /// <summary>λ* = [log₂(1 + E_R/E_N)]^δ; NaN when the totals are not positive or δ is outside [0, 1).</summary>
    public static double FlqLambda(double regionEmployment, double benchmarkEmployment, double delta)
    {
        if (!(regionEmployment > 0) || !(benchmarkEmployment > 0) || !(delta >= 0 && delta < 1)) return double.NaN;
        return Math.Pow(Math.Log2(1 + regionEmployment / benchmarkEmployment), delta);
    }

    /// <summary>FLQ_s = SLQ_s × λ*; NaN when either is.</summary>
    public static double Flq(double slq, double lambda) => slq * lambda;

    /// <summary>Local supply share min(1, q) for a quotient q (SLQ or FLQ); NaN stays NaN (unknown, not zero).</summary>
    public static double Share(double quotient) => double.IsNaN(quotient) ? double.NaN : Math.Min(1, quotient);
}
