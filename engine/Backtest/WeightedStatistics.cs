namespace CompeteModel.Engine.Backtest;

/// <summary>
/// Rank correlation and median with per-cell frequency weights, over cells pre-sorted once, so that each bootstrap
/// draw (<see cref="ClusterBootstrap"/>) costs O(n). With integer weights each equals the unweighted statistic on the
/// sample in which cell i appears weight[i] times; with all weights 1 they equal the ordinary statistics
/// (<see cref="Statistics.Correlation.Spearman(ReadOnlySpan{double}, ReadOnlySpan{double})"/>, the median).
/// </summary>
public static class WeightedStatistics
{
    /// <summary>
    /// Mid-ranks under weights: for a group of tied values with total weight g and weight C below it, every member
    /// gets rank C + (g + 1)/2 (the average rank of the group in the expanded sample). <paramref name="ascending"/>
    /// orders <paramref name="x"/> (<see cref="Roc.AscendingOrder"/>).
    /// </summary>
    public static void Ranks(ReadOnlySpan<int> ascending, ReadOnlySpan<double> x, ReadOnlySpan<double> weight, Span<double> rank)
    {
        double below = 0;
        for (int i = 0; i < ascending.Length;)
        {
            int j = i;
            double g = 0, v = x[ascending[i]];
            while (j < ascending.Length && x[ascending[j]] == v) { g += weight[ascending[j]]; j++; }
            double r = below + (g + 1) / 2;
            for (int k = i; k < j; k++) rank[ascending[k]] = r;
            below += g;
            i = j;
        }
    }

    /// <summary>
    /// Spearman's ρ under weights: the weighted Pearson correlation Σw(r−r̄)(q−q̄)/√(Σw(r−r̄)²·Σw(q−q̄)²) of the
    /// weighted mid-ranks r of x and q of y (<see cref="Ranks"/>). NaN when either has no spread.
    /// </summary>
    public static double Spearman(ReadOnlySpan<int> xAscending, ReadOnlySpan<double> x, ReadOnlySpan<int> yAscending, ReadOnlySpan<double> y,
        ReadOnlySpan<double> weight)
    {
        int n = x.Length;
        var rx = new double[n];
        var ry = new double[n];
        Ranks(xAscending, x, weight, rx);
        Ranks(yAscending, y, weight, ry);
        double w = 0, mx = 0, my = 0;
        for (int i = 0; i < n; i++) { w += weight[i]; mx += weight[i] * rx[i]; my += weight[i] * ry[i]; }
        if (!(w > 0)) return double.NaN;
        mx /= w;
        my /= w;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++)
        {
            double a = rx[i] - mx, b = ry[i] - my;
            sxy += weight[i] * a * b;
            sxx += weight[i] * a * a;
            syy += weight[i] * b * b;
        }
        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : double.NaN;
    }

    /// <summary>
    /// The median of the cells with <paramref name="include"/> set, each counted weight[i] times (weights are whole
    /// numbers): the middle value of the expanded sample, or the mean of the two middle values when its size is even.
    /// NaN when the included weight is 0.
    /// </summary>
    public static double Median(ReadOnlySpan<int> ascending, ReadOnlySpan<double> x, ReadOnlySpan<double> weight, ReadOnlySpan<bool> include)
    {
        double total = 0;
        foreach (var i in ascending) if (include[i]) total += weight[i];
        if (!(total > 0)) return double.NaN;
        double lowPos = Math.Floor((total + 1) / 2), highPos = Math.Floor(total / 2) + 1;
        double cum = 0, low = double.NaN;
        foreach (var i in ascending)
        {
            if (!include[i] || weight[i] == 0) continue;
            cum += weight[i];
            if (double.IsNaN(low) && cum >= lowPos) low = x[i];
            if (cum >= highPos) return (low + x[i]) / 2;
        }
        return low;
    }
}
