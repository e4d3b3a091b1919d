using CompeteModel.Engine.Statistics;

namespace CompeteModel.Engine.Backtest;

/// <summary>
/// The placebo of the backtest: a predictor's values shuffled among the cells of each region (a uniform random
/// permutation within every group, Fisher–Yates on the project's seeded generator). The shuffle keeps each region's
/// distribution of values and breaks any link between a value and its sector, so a predictor that works through
/// which sectors are related must lose its power (AUC → 0.5).
/// </summary>
public static class Placebo
{
    /// <summary>A copy of <paramref name="values"/> permuted within each group of <paramref name="group"/>, from the stream (seed, key).</summary>
    public static double[] ShuffleWithinGroups(ReadOnlySpan<double> values, ReadOnlySpan<int> group, long seed, string key)
    {
        if (group.Length != values.Length) throw new ArgumentException("values and group must have the same length");
        var result = values.ToArray();
        var members = new SortedDictionary<int, List<int>>();
        for (int i = 0; i < group.Length; i++)
        {
            if (!members.TryGetValue(group[i], out var list)) members[group[i]] = list = new List<int>();
            list.Add(i);
        }
        var rng = Rng.For(seed, key);
        foreach (var list in members.Values)
            for (int k = list.Count - 1; k > 0; k--)
            {
                int j = rng.Next(k + 1);
                (result[list[k]], result[list[j]]) = (result[list[j]], result[list[k]]);
            }
        return result;
    }
}
