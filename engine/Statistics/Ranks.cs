namespace CompeteModel.Engine.Statistics;

/// <summary>
/// Ranking. Missing values follow the engine's NaN contract (docs/METHODS.md "Statistics and missing values"): a NaN
/// value gets a NaN rank and the other values are ranked among themselves, as R's <c>rank(x, na.last = "keep")</c>.
/// </summary>
public static class Ranks
{
    /// <summary>
    /// Mid-ranks: ascending ranks 1..m of the m non-NaN values, tied values sharing the mean of their positions
    /// (R <c>rank(x, ties.method = "average", na.last = "keep")</c>; MathNet <c>ArrayStatistics.RanksInplace</c>
    /// with <c>RankDefinition.Average</c>). The sort is stable on position, so the result is deterministic.
    /// Returns m.
    /// </summary>
    public static int MidRanks(ReadOnlySpan<double> x, Span<double> ranks)
    {
        if (ranks.Length != x.Length) throw new ArgumentException("x and ranks must have the same length");
        int n = 0;
        foreach (var v in x) if (!double.IsNaN(v)) n++;
        var idx = new int[n];
        var keys = new double[n];
        for (int i = 0, k = 0; i < x.Length; i++)
            if (!double.IsNaN(x[i])) { idx[k] = i; keys[k] = x[i]; k++; }
        Array.Sort(keys, idx);
        ranks.Fill(double.NaN);
        for (int a = 0; a < n;)
        {
            int b = a;
            while (b + 1 < n && keys[b + 1] == keys[a]) b++;
            double mid = (a + b) / 2.0 + 1.0;
            for (int k = a; k <= b; k++) ranks[idx[k]] = mid;
            a = b + 1;
        }
        return n;
    }

    /// <summary>Convenience form of <see cref="MidRanks(ReadOnlySpan{double}, Span{double})"/>.</summary>
    public static double[] MidRanks(ReadOnlySpan<double> x)
    {
        var r = new double[x.Length];
        MidRanks(x, r);
        return r;
    }

    /// <summary>How many units rank within the top <paramref name="n"/> (rank ≤ n) of both rankings.</summary>
    public static int TopOverlap(ReadOnlySpan<int> a, ReadOnlySpan<int> b, int n)
    {
        if (a.Length != b.Length) throw new ArgumentException("the two rankings differ in length");
        int k = 0;
        for (int i = 0; i < a.Length; i++) if (a[i] <= n && b[i] <= n) k++;
        return k;
    }
}
