namespace CompeteModel.Engine.Indicators;

/// <summary>
/// Concentration of one region's sector structure, with x_s = X[r,s]/X[r,·] the region's shares and
/// b_s = B[s]/B[·] the benchmark's (METHODS.md "Specialisation"). Inputs are the raw sector vectors;
/// unknown (NaN) sectors are left out of the sums. Every function returns NaN when the region total is 0
/// (and, where a benchmark is used, when the benchmark total is 0).
/// </summary>
public static class Concentration
{
    /// <summary>Krugman specialisation index KSI = Σ_s |x_s − b_s|, in [0, 2] (Krugman 1991; REAT <c>krugman.spec</c>).</summary>
    public static double Krugman(ReadOnlySpan<double> region, ReadOnlySpan<double> benchmark)
    {
        double xt = Specialisation.KnownSum(region), bt = Specialisation.KnownSum(benchmark);
        if (xt == 0 || bt == 0) return double.NaN;
        double sum = 0;
        for (int s = 0; s < region.Length; s++)
        {
            double x = double.IsNaN(region[s]) ? 0 : region[s] / xt;
            double b = double.IsNaN(benchmark[s]) ? 0 : benchmark[s] / bt;
            sum += Math.Abs(x - b);
        }
        return sum;
    }

    /// <summary>Specialisation coefficient = KSI/2, in [0, 1] (METHODS.md).</summary>
    public static double SpecialisationCoefficient(ReadOnlySpan<double> region, ReadOnlySpan<double> benchmark) => Krugman(region, benchmark) / 2;

    /// <summary>
    /// Hoover coefficient of specialisation = ½ Σ_s |x_s − b_s| in [0, 1] (Hoover 1936; METHODS.md; EconGeo
    /// prints it ×100). Numerically equal to the specialisation coefficient: both names are published.
    /// </summary>
    public static double Hoover(ReadOnlySpan<double> region, ReadOnlySpan<double> benchmark) => Krugman(region, benchmark) / 2;

    /// <summary>Herfindahl H = Σ_s x_s² (REAT <c>herf</c>: 0.34 for shares 20, 50, 20, 10).</summary>
    public static double Herfindahl(ReadOnlySpan<double> region)
    {
        double xt = Specialisation.KnownSum(region);
        if (xt == 0) return double.NaN;
        double h = 0;
        foreach (var v in region) if (!double.IsNaN(v)) h += v / xt * (v / xt);
        return h;
    }

    /// <summary>
    /// Normalised Herfindahl (H − 1/n)/(1 − 1/n), in [0, 1], n = number of known sectors (REAT
    /// <c>herf(coefnorm = TRUE)</c>: 0.12 for 20, 50, 20, 10). NaN for n &lt; 2.
    /// </summary>
    public static double HerfindahlNormalised(ReadOnlySpan<double> region)
    {
        int n = 0;
        foreach (var v in region) if (!double.IsNaN(v)) n++;
        if (n < 2) return double.NaN;
        return (Herfindahl(region) - 1.0 / n) / (1 - 1.0 / n);
    }

    /// <summary>Shannon entropy −Σ_s x_s ln x_s (natural log; 0·ln 0 = 0). Shannon (1948); Frenken et al. (2007).</summary>
    public static double Entropy(ReadOnlySpan<double> region)
    {
        double xt = Specialisation.KnownSum(region);
        if (xt == 0) return double.NaN;
        double e = 0;
        foreach (var v in region)
            if (!double.IsNaN(v) && v > 0) e -= v / xt * Math.Log(v / xt);
        return e;
    }

    /// <summary>
    /// Locational Gini of regional specialisation, as REAT <c>gini.spec(e_ij, e_i)</c> defines it (Farhauer and
    /// Kröll 2013): the Gini coefficient of the region's n location quotients,
    /// G = 2/(n²·mean(LQ)) · Σ_i i·(LQ_(i) − mean(LQ)), LQ_(1) ≤ … ≤ LQ_(n) sorted ascending. 0 when the region
    /// has the benchmark's structure, approaching 1 when it is concentrated in few sectors. Published values:
    /// 0.6222222 (Farhauer/Kröll example), 0.2089009 (Freiburg 2014 vs Germany), 0.359852 (Göttingen 2017).
    /// Sectors with an unknown value or with B[s] = 0 (LQ undefined) are left out of n.
    /// </summary>
    public static double LocationalGini(ReadOnlySpan<double> region, ReadOnlySpan<double> benchmark)
    {
        double xt = Specialisation.KnownSum(region), bt = Specialisation.KnownSum(benchmark);
        if (xt == 0 || bt == 0) return double.NaN;
        var lq = new double[region.Length];
        int n = 0;
        for (int s = 0; s < region.Length; s++)
        {
            double v = Specialisation.LocationQuotient(region[s], xt, benchmark[s], bt, out var why);
            if (why == UndefinedReason.None) lq[n++] = v;
        }
        if (n == 0) return double.NaN;
        var sorted = lq.AsSpan(0, n);
        sorted.Sort();
        double mean = 0;
        foreach (var v in sorted) mean += v;
        mean /= n;
        if (mean == 0) return double.NaN;
        double sum = 0;
        for (int i = 0; i < n; i++) sum += (i + 1) * (sorted[i] - mean);
        return 2.0 / ((double)n * n * mean) * sum;
    }
}
