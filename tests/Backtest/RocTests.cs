using CompeteModel.Engine.Backtest;
using CompeteModel.Engine.Complexity;
using CompeteModel.Engine.Statistics;

namespace CompeteModel.Tests.Backtest;

/// <summary>ROC AUC, its weighted and within-stratum forms, the curve, and the weighted rank statistics, on hand-worked examples.</summary>
public class RocTests
{
    // Scores 0.1, 0.4, 0.4, 0.8 with positives at 0.4 and 0.8. Pairs (positive, negative):
    // (0.4, 0.1) = 1, (0.4, 0.4) = ½ (tie), (0.8, 0.1) = 1, (0.8, 0.4) = 1 → 3.5 / (2·2) = 0.875.
    // Rank form: mid-ranks 1, 2.5, 2.5, 4; R_P = 2.5 + 4 = 6.5; (6.5 − 2·3/2) / 4 = 0.875.
    [Fact]
    public void Auc_with_a_tie_counted_half()
    {
        Assert.Equal(0.875, Roc.Auc([0.1, 0.4, 0.4, 0.8], [false, true, false, true]), 12);
    }

    [Theory]
    [InlineData(new[] { 1.0, 2, 3, 4 }, new[] { false, false, true, true }, 1.0)]
    [InlineData(new[] { 1.0, 2, 3, 4 }, new[] { true, true, false, false }, 0.0)]
    [InlineData(new[] { 5.0, 5, 5, 5 }, new[] { true, false, true, false }, 0.5)]
    // positives 2, 4 against negatives 1, 3: (2>1) + (4>1) + (4>3) = 3 of 4 pairs.
    [InlineData(new[] { 1.0, 2, 3, 4 }, new[] { false, true, false, true }, 0.75)]
    public void Auc_reference_cases(double[] score, bool[] positive, double expected)
    {
        Assert.Equal(expected, Roc.Auc(score, positive), 12);
    }

    [Fact]
    public void Auc_is_undefined_with_one_class_and_refuses_nan()
    {
        Assert.True(double.IsNaN(Roc.Auc([1.0, 2.0], [true, true])));
        Assert.Throws<ArgumentException>(() => Roc.Auc([1.0, double.NaN], [true, false]));
    }

    [Fact]
    public void Integer_weights_equal_the_expanded_sample()
    {
        double[] score = [0.3, 0.1, 0.7, 0.3, 0.9, 0.5];
        bool[] pos = [true, false, true, false, false, true];
        double[] w = [2, 0, 1, 3, 1, 2];
        var expandedScore = new List<double>();
        var expandedPos = new List<bool>();
        for (int i = 0; i < score.Length; i++)
            for (int k = 0; k < w[i]; k++) { expandedScore.Add(score[i]); expandedPos.Add(pos[i]); }
        Assert.Equal(Roc.Auc(expandedScore.ToArray(), expandedPos.ToArray()), Roc.Auc(Roc.AscendingOrder(score), score, pos, w), 12);
    }

    [Fact]
    public void Area_under_the_curve_equals_the_auc()
    {
        double[] score = [0.1, 0.4, 0.4, 0.8, 0.2, 0.9, 0.4, 0.3];
        bool[] pos = [false, true, false, true, true, false, true, false];
        var c = Roc.Curve(score, pos);
        Assert.Equal(new RocPoint(0, 0), c[0]);
        Assert.Equal(new RocPoint(1, 1), c[^1]);
        double area = 0;
        for (int i = 1; i < c.Count; i++)
            area += (c[i].FalsePositiveRate - c[i - 1].FalsePositiveRate) * (c[i].TruePositiveRate + c[i - 1].TruePositiveRate) / 2;
        Assert.Equal(Roc.Auc(score, pos), area, 12);
    }

    // Region 0: scores 1, 2 (positive 2) → U = 1 of 1 pair. Region 1: scores 10 (positive), 20 → U = 0 of 1 pair.
    // Within-region AUC = (1 + 0) / 2 = 0.5. Pooled: positives 2, 10 against negatives 1, 20: (2>1) + (10>1) = 2 of 4 = 0.5 too;
    // region 2 added with positive 0 and negatives 5, 6 → U = 0 of 2 pairs → within = 1/4.
    [Fact]
    public void Within_stratum_auc_compares_pairs_inside_a_region_only()
    {
        Assert.Equal(0.5, Roc.WithinStratumAuc([1.0, 2, 10, 20], [false, true, true, false], [0, 0, 1, 1], 2), 12);
        Assert.Equal(0.25, Roc.WithinStratumAuc([1.0, 2, 10, 20, 0, 5, 6], [false, true, true, false, true, false, false], [0, 0, 1, 1, 2, 2, 2], 3), 12);
        // A score that only differs between regions has no power within them: every within-region pair ties.
        Assert.Equal(0.5, Roc.WithinStratumAuc([1.0, 1, 9, 9], [true, false, true, false], [0, 0, 1, 1], 2), 12);
    }

    [Fact]
    public void Weighted_spearman_with_unit_weights_is_spearman_and_integer_weights_expand()
    {
        double[] x = [3, 1, 4, 1, 5, 9, 2, 6];
        double[] y = [2, 7, 1, 8, 2, 8, 1, 8];
        var ones = Enumerable.Repeat(1.0, x.Length).ToArray();
        Assert.Equal(Correlation.Spearman(x, y), WeightedStatistics.Spearman(Roc.AscendingOrder(x), x, Roc.AscendingOrder(y), y, ones), 12);
        double[] w = [1, 2, 0, 1, 3, 1, 1, 2];
        var ex = new List<double>();
        var ey = new List<double>();
        for (int i = 0; i < x.Length; i++)
            for (int k = 0; k < w[i]; k++) { ex.Add(x[i]); ey.Add(y[i]); }
        Assert.Equal(Correlation.Spearman(ex.ToArray(), ey.ToArray()), WeightedStatistics.Spearman(Roc.AscendingOrder(x), x, Roc.AscendingOrder(y), y, w), 12);
    }

    [Fact]
    public void Weighted_median()
    {
        double[] x = [4, 1, 3, 2];
        var order = Roc.AscendingOrder(x);
        bool[] all = [true, true, true, true];
        Assert.Equal(2.5, WeightedStatistics.Median(order, x, [1, 1, 1, 1], all));
        // weights 3, 1, 1, 1 on 4, 1, 3, 2 → expanded 1, 2, 3, 4, 4, 4 → (3 + 4) / 2
        Assert.Equal(3.5, WeightedStatistics.Median(order, x, [3, 1, 1, 1], all));
        // only 1 and 3, weights 1 and 1 → 2
        Assert.Equal(2.0, WeightedStatistics.Median(order, x, [1, 1, 1, 1], [false, true, true, false]));
        Assert.True(double.IsNaN(WeightedStatistics.Median(order, x, [0, 0, 0, 0], all)));
    }
}
