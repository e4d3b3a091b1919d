using CompeteModel.Engine.Indicators;
using CompeteModel.Engine.Statistics;

namespace CompeteModel.Engine.Backtest;

/// <summary>
/// Percentile bootstrap intervals that resample whole clusters (here: regions) with replacement, because cells of
/// one region share its size, structure and shocks and are not independent draws (Cameron, Gelbach and Miller
/// 2008; the "cluster bootstrap" of Davison and Hinkley 1997, §3.8). Each draw picks G clusters out of G with
/// replacement; a cell then counts as many times as its cluster was picked, so the statistic is computed on
/// weights and never on a copied sample. The interval is the (1−level)/2 and (1+level)/2 quantiles (R type 7) of
/// the draws. Draws come from the project's seeded generator, so the same seed gives the same interval.
/// </summary>
public static class ClusterBootstrap
{
    /// <summary>
    /// The interval of <paramref name="statistic"/> (a function of per-cell weights) over <paramref name="draws"/>
    /// resamples of the clusters in <paramref name="cluster"/> (0 … <paramref name="clusterCount"/>−1), drawn from the
    /// stream (<paramref name="seed"/>, <paramref name="key"/>). Draws where the statistic is undefined (e.g. a class
    /// emptied) are skipped; when more than half are, the interval is NaN. With one cluster or no draws: NaN.
    /// </summary>
    public static (double Lower, double Upper) Interval(ReadOnlySpan<int> cluster, int clusterCount, int draws, long seed, string key,
        Func<double[], double> statistic, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        if (!(level > 0 && level < 1)) throw new ArgumentOutOfRangeException(nameof(level), "level must be in (0, 1)");
        if (draws < 1 || clusterCount < 2) return (double.NaN, double.NaN);
        foreach (var c in cluster)
            if (c < 0 || c >= clusterCount) throw new ArgumentException("cluster ids must lie in 0 … clusterCount−1");
        var rng = Rng.For(seed, key);
        var counts = new int[clusterCount];
        var weight = new double[cluster.Length];
        var values = new List<double>(draws);
        for (int b = 0; b < draws; b++)
        {
            Array.Clear(counts);
            for (int k = 0; k < clusterCount; k++) counts[rng.Next(clusterCount)]++;
            for (int i = 0; i < weight.Length; i++) weight[i] = counts[cluster[i]];
            double v = statistic(weight);
            if (!double.IsNaN(v)) values.Add(v);
        }
        if (values.Count * 2 < draws) return (double.NaN, double.NaN);
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return (Quantiles.Type7Sorted(sorted, (1 - level) / 2), Quantiles.Type7Sorted(sorted, (1 + level) / 2));
    }
}
