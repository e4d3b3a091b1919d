namespace CompeteModel.Engine.Statistics;

/// <summary>
/// Correlation coefficients. NaN contract (docs/METHODS.md "Statistics and missing values"): a pair with NaN on
/// either side is left out (R <c>cor(x, y, use = "complete.obs")</c>, pairwise); the result is NaN when fewer than
/// two complete pairs remain or one side is constant over them. Lengths must match.
/// </summary>
public static class Correlation
{
    /// <summary>
    /// Pearson r = Σ(x−x̄)(y−ȳ)/√(Σ(x−x̄)²·Σ(y−ȳ)²) over the complete pairs, two-pass (Pearson 1895; R <c>cor</c>,
    /// MathNet <c>Correlation.Pearson</c>).
    /// </summary>
    public static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length) throw new ArgumentException("x and y must have the same length");
        int n = 0;
        double mx = 0, my = 0;
        for (int i = 0; i < x.Length; i++)
            if (!double.IsNaN(x[i]) && !double.IsNaN(y[i])) { mx += x[i]; my += y[i]; n++; }
        if (n < 2) return double.NaN;
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (double.IsNaN(x[i]) || double.IsNaN(y[i])) continue;
            double a = x[i] - mx, b = y[i] - my;
            sxy += a * b; sxx += a * a; syy += b * b;
        }
        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : double.NaN;
    }

    /// <summary>
    /// Spearman ρ: Pearson r of the mid-ranks (<see cref="Ranks.MidRanks(ReadOnlySpan{double})"/>) of the complete
    /// pairs (Spearman 1904; R <c>cor(x, y, method = "spearman")</c>, scipy <c>spearmanr</c>, MathNet
    /// <c>Correlation.Spearman</c>). Without ties this equals 1 − 6Σd²/(n(n²−1)).
    /// </summary>
    public static double Spearman(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var (a, b) = CompletePairs(x, y);
        return Pearson(Ranks.MidRanks(a), Ranks.MidRanks(b));
    }

    /// <summary>
    /// Spearman ρ of two rankings 1..n without ties (the Monte Carlo rank tables): 1 − 6Σd²/(n(n²−1)), d the rank
    /// differences (Spearman 1904), equal to <see cref="Spearman(ReadOnlySpan{double}, ReadOnlySpan{double})"/> on
    /// such input. NaN when n &lt; 2.
    /// </summary>
    public static double Spearman(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        if (a.Length != b.Length) throw new ArgumentException("the two rankings differ in length");
        int n = a.Length;
        if (n < 2) return double.NaN;
        double s = 0;
        for (int i = 0; i < n; i++) { double d = a[i] - b[i]; s += d * d; }
        return 1.0 - 6.0 * s / ((double)n * ((double)n * n - 1));
    }

    /// <summary>
    /// Kendall τ-b = (C − D)/√((n₀ − n₁)(n₀ − n₂)) over the complete pairs, n₀ = n(n−1)/2, C and D the concordant
    /// and discordant pairs, n₁ and n₂ the pairs tied in x and in y (Kendall 1945; R <c>cor(x, y, method =
    /// "kendall")</c>, scipy <c>kendalltau</c> variant "b"). Without ties this is τ-a = (C − D)/n₀. O(n²).
    /// </summary>
    public static double KendallTauB(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var (a, b) = CompletePairs(x, y);
        int n = a.Length;
        if (n < 2) return double.NaN;
        long s = 0, tiesA = 0, tiesB = 0;
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
            {
                int u = Math.Sign(a[i] - a[j]), v = Math.Sign(b[i] - b[j]);
                if (u == 0) tiesA++;
                if (v == 0) tiesB++;
                s += u * v;
            }
        double n0 = n * (n - 1) / 2.0;
        double den = Math.Sqrt((n0 - tiesA) * (n0 - tiesB));
        return den > 0 ? s / den : double.NaN;
    }

    /// <summary>Kendall τ-b of two integer rankings (see <see cref="KendallTauB(ReadOnlySpan{double}, ReadOnlySpan{double})"/>).</summary>
    public static double KendallTauB(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        if (a.Length != b.Length) throw new ArgumentException("the two rankings differ in length");
        var x = new double[a.Length];
        var y = new double[b.Length];
        for (int i = 0; i < a.Length; i++) { x[i] = a[i]; y[i] = b[i]; }
        return KendallTauB(x, y);
    }

    private static (double[] X, double[] Y) CompletePairs(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length) throw new ArgumentException("x and y must have the same length");
        int n = 0;
        for (int i = 0; i < x.Length; i++) if (!double.IsNaN(x[i]) && !double.IsNaN(y[i])) n++;
        var a = new double[n];
        var b = new double[n];
        for (int i = 0, k = 0; i < x.Length; i++)
            if (!double.IsNaN(x[i]) && !double.IsNaN(y[i])) { a[k] = x[i]; b[k] = y[i]; k++; }
        return (a, b);
    }
}
