namespace CompeteModel.Engine.Complexity;

/// <summary>The method of reflections (Hidalgo and Hausmann 2009, PNAS 106: 10570–10575).</summary>
public static class Reflections
{
    /// <summary>
    /// kc_0 = k_c (diversity), kp_0 = k_p (ubiquity); kc_n = (1/k_c)·Σ_p M[c,p]·kp_{n−1},
    /// kp_n = (1/k_p)·Σ_c M[c,p]·kc_{n−1}. Returns kc_N standardised (population sd) for the
    /// requested even N. Each step is affine in the previous one with a positive slope, so
    /// standardising every step (done here to avoid the raw values collapsing to a constant in
    /// floating point) leaves the ranking of kc_N exactly that of the raw reflections.
    /// Reflections are power iteration on M̃, so kc_N approaches the eigenvector ECI at rate (λ3/λ2)^(N/2).
    /// </summary>
    public static double[] Eci(PresenceMatrix m, int iterations)
    {
        if (iterations < 0) throw new ArgumentOutOfRangeException(nameof(iterations));
        var kc = (double[])m.Diversity.Clone();
        var kp = (double[])m.Ubiquity.Clone();
        var nextC = new double[m.Rows];
        var nextP = new double[m.Cols];
        for (int n = 0; n < iterations; n++)
        {
            m.Multiply(kp, nextC);
            for (int r = 0; r < nextC.Length; r++) nextC[r] /= m.Diversity[r];
            m.MultiplyTransposed(kc, nextP);
            for (int s = 0; s < nextP.Length; s++) nextP[s] /= m.Ubiquity[s];
            if (!Standardise(nextC) || !Standardise(nextP)) break; // every location (product) alike: nothing left to rank
            (kc, nextC) = (nextC, kc);
            (kp, nextP) = (nextP, kp);
        }
        var result = (double[])kc.Clone();
        Standardise(result);
        return result;
    }

    private static bool Standardise(double[] x)
    {
        double sd = ComplexityStatistics.Sd(x, SdConvention.Population);
        if (!(sd > 1e-300)) return false;
        ComplexityStatistics.ZScore(x, SdConvention.Population);
        return true;
    }
}
