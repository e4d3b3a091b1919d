namespace CompeteModel.Engine.Complexity;

/// <summary>Fitness and complexity of Tacchella, Cristelli, Caldarelli, Gabrielli and Pietronero (2012), Sci. Rep. 2: 723.</summary>
public static class FitnessComplexity
{
    /// <summary>
    /// Starting from F = Q = 1, iterate F̃_c = Σ_p M[c,p]·Q_p, Q̃_p = 1 / Σ_c M[c,p]/F_c, then normalise
    /// each by its mean (F = F̃/⟨F̃⟩, Q = Q̃/⟨Q̃⟩), until no value changes by more than
    /// <paramref name="tolerance"/> or after <paramref name="maxIterations"/>. The change is absolute on
    /// the mean-1 scale: fitness of poorly diversified locations tends to 0 (the published behaviour,
    /// Pugliese et al. 2016), so a relative criterion would never be met.
    /// </summary>
    public static (double[] Fitness, double[] Complexity, int Iterations, bool Converged) Compute(
        PresenceMatrix m, double tolerance = 1e-10, int maxIterations = 1000)
    {
        var f = new double[m.Rows];
        var q = new double[m.Cols];
        Array.Fill(f, 1.0);
        Array.Fill(q, 1.0);
        var nf = new double[m.Rows];
        var nq = new double[m.Cols];
        var invF = new double[m.Rows];
        for (int it = 1; it <= maxIterations; it++)
        {
            m.Multiply(q, nf);
            for (int r = 0; r < f.Length; r++) invF[r] = 1 / f[r];
            m.MultiplyTransposed(invF, nq);
            for (int s = 0; s < nq.Length; s++) nq[s] = 1 / nq[s];
            Normalise(nf);
            Normalise(nq);
            double change = Math.Max(MaxChange(f, nf), MaxChange(q, nq));
            (f, nf) = (nf, f);
            (q, nq) = (nq, q);
            if (change < tolerance) return (f, q, it, true);
        }
        return (f, q, maxIterations, false);
    }

    private static void Normalise(double[] x)
    {
        double mean = ComplexityStatistics.Mean(x);
        for (int i = 0; i < x.Length; i++) x[i] /= mean;
    }

    private static double MaxChange(double[] old, double[] now)
    {
        double mx = 0;
        for (int i = 0; i < old.Length; i++)
            mx = Math.Max(mx, Math.Abs(now[i] - old[i]));
        return mx;
    }
}
