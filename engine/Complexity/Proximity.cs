namespace CompeteModel.Engine.Complexity;

/// <summary>Sector–sector relatedness φ (products × products, dense, row-major, symmetric).</summary>
public static class Proximity
{
    /// <summary>Dispatches on <paramref name="method"/>.</summary>
    public static double[] Compute(PresenceMatrix m, ProximityMethod method) => method switch
    {
        ProximityMethod.CoOccurrence => CoOccurrence(m),
        ProximityMethod.EconGeoProbability => EconGeoProbability(CoOccurrenceCounts(m), m.Cols),
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };

    /// <summary>
    /// φ[s,s'] = Σ_r M[r,s]·M[r,s'] / max(k_s, k_s'); φ[s,s] = 1. Hidalgo, Klinger, Barabási and Hausmann
    /// (2007), "The product space conditions the development of nations"; py-ecomplexity's <c>proximity</c>.
    /// A product present nowhere has φ = 0 with every other product.
    /// </summary>
    public static double[] CoOccurrence(PresenceMatrix m)
    {
        int n = m.Cols;
        var phi = new double[n * n];
        var k = m.Ubiquity;
        for (int a = 0; a < n; a++)
        {
            phi[a * n + a] = k[a] > 0 ? 1 : 0;
            for (int b = a + 1; b < n; b++)
            {
                double mx = Math.Max(k[a], k[b]);
                double v = mx > 0 ? m.CoOccurrence(a, b) / mx : 0;
                phi[a * n + b] = v;
                phi[b * n + a] = v;
            }
        }
        return phi;
    }

    /// <summary>c[s,s'] = Σ_r M[r,s]·M[r,s'] (EconGeo's <c>co_occurrence(t(M))</c>), diagonal = ubiquity.</summary>
    public static double[] CoOccurrenceCounts(PresenceMatrix m)
    {
        int n = m.Cols;
        var c = new double[n * n];
        for (int a = 0; a < n; a++)
        {
            c[a * n + a] = m.Ubiquity[a];
            for (int b = a + 1; b < n; b++)
            {
                double v = m.CoOccurrence(a, b);
                c[a * n + b] = v;
                c[b * n + a] = v;
            }
        }
        return c;
    }

    /// <summary>
    /// EconGeo <c>relatedness(mat, method = "prob")</c> (Balland; Steijn 2017): with the diagonal of the
    /// co-occurrence counts set to 0, s_i = Σ_j c[i,j], t = Σ_ij c[i,j],
    /// φ[i,j] = c[i,j] / ( ((s_i/t)·(s_j/(t−s_i)) + (s_j/t)·(s_i/(t−s_j))) · t/2 ).
    /// Cells where the expression is undefined (0/0) and the diagonal are 0, as in EconGeo.
    /// </summary>
    public static double[] EconGeoProbability(ReadOnlySpan<double> counts, int n)
    {
        if (counts.Length != n * n) throw new ArgumentException("counts must be n × n");
        var s = new double[n];
        double t = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (i != j) { s[i] += counts[i * n + j]; t += counts[i * n + j]; }
        var phi = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                if (i == j) continue;
                double expected = ((s[i] / t) * (s[j] / (t - s[i])) + (s[j] / t) * (s[i] / (t - s[j]))) * (t / 2);
                double v = counts[i * n + j] / expected;
                phi[i * n + j] = double.IsFinite(v) ? v : 0;
            }
        return phi;
    }
}
