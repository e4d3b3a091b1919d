namespace CompeteModel.Engine.Scoring;

/// <summary>Rank agreement statistics over two rankings of the same n units (ranks 1..n, no ties).</summary>
public static class RankStatistics
{
    /// <summary>Spearman's ρ for untied ranks: 1 − 6·Σd²/(n(n² − 1)), d the rank differences (Spearman 1904). NaN when n &lt; 2.</summary>
    public static double Spearman(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int n = a.Length;
        if (n < 2) return double.NaN;
        double s = 0;
        for (int i = 0; i < n; i++) { double d = a[i] - b[i]; s += d * d; }
        return 1.0 - 6.0 * s / ((double)n * ((double)n * n - 1));
    }

    /// <summary>Kendall's τ for untied ranks: (concordant − discordant pairs)/(n(n − 1)/2) (Kendall 1938). NaN when n &lt; 2.</summary>
    public static double Kendall(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int n = a.Length;
        if (n < 2) return double.NaN;
        long c = 0;
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
                c += Math.Sign(a[i] - a[j]) * Math.Sign(b[i] - b[j]);
        return c / ((double)n * (n - 1) / 2.0);
    }

    /// <summary>How many units rank in the top <paramref name="n"/> of both rankings.</summary>
    public static int TopOverlap(ReadOnlySpan<int> a, ReadOnlySpan<int> b, int n)
    {
        int k = 0;
        for (int i = 0; i < a.Length; i++) if (a[i] <= n && b[i] <= n) k++;
        return k;
    }
}
