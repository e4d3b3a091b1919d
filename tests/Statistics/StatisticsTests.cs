using CompeteModel.Engine.Statistics;
using MathNetCorrelation = MathNet.Numerics.Statistics.Correlation;
using MathNetStatistics = MathNet.Numerics.Statistics.Statistics;

namespace CompeteModel.Tests.Statistics;

public class StatisticsTests
{
    [Fact]
    public void Mid_ranks_average_ties_and_keep_missing_out()
    {
        // R: rank(c(3, 7, NaN, 7, 9), na.last = "keep") = 1.0 2.5 NA 2.5 4.0
        var r = Ranks.MidRanks([3, 7, double.NaN, 7, 9]);
        Assert.Equal(1.0, r[0]);
        Assert.Equal(2.5, r[1]);
        Assert.True(double.IsNaN(r[2]));
        Assert.Equal(2.5, r[3]);
        Assert.Equal(4.0, r[4]);
    }

    [Theory]
    // scipy.stats.spearmanr docs example: spearmanr([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]).statistic = 0.8207826816681233
    [InlineData(new double[] { 1, 2, 3, 4, 5 }, new double[] { 5, 6, 7, 8, 7 }, 0.8207826816681233)]
    // Without ties 1 − 6Σd²/(n(n²−1)): d = (−1, 1, −1, 1, 0), 1 − 6·4/120 = 0.8; R cor(..., method = "spearman") = 0.8
    [InlineData(new double[] { 1, 2, 3, 4, 5 }, new double[] { 2, 1, 4, 3, 5 }, 0.8)]
    public void Spearman_matches_published_values(double[] x, double[] y, double expected) =>
        Assert.Equal(expected, Correlation.Spearman(x, y), 12);

    [Theory]
    // scipy.stats.kendalltau docs example: kendalltau([12, 2, 1, 12, 2], [1, 4, 7, 1, 0]).statistic = -0.47140452079103173
    [InlineData(new double[] { 12, 2, 1, 12, 2 }, new double[] { 1, 4, 7, 1, 0 }, -0.47140452079103173)]
    // Hand-worked τ-b: C = 5, D = 0, one pair tied in x: 5/√((6 − 1)·6) = 0.9128709 (R cor(c(1,2,2,3), c(1,3,2,4), method = "kendall"))
    [InlineData(new double[] { 1, 2, 2, 3 }, new double[] { 1, 3, 2, 4 }, 0.91287092917527690)]
    public void Kendall_tau_b_matches_published_values(double[] x, double[] y, double expected) =>
        Assert.Equal(expected, Correlation.KendallTauB(x, y), 12);

    [Fact]
    public void Pearson_matches_R()
    {
        // R: cor(1:10, (1:10)^2) = 0.9745586289
        double[] x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        var y = x.Select(v => v * v).ToArray();
        Assert.Equal(0.9745586289152093, Correlation.Pearson(x, y), 12);
    }

    [Fact]
    public void Integer_ranking_forms_equal_the_general_ones()
    {
        int[] a = [1, 2, 3, 4, 5, 6], b = [2, 1, 3, 6, 4, 5];
        double[] da = a.Select(v => (double)v).ToArray(), db = b.Select(v => (double)v).ToArray();
        Assert.Equal(Correlation.Spearman(da, db), Correlation.Spearman(a, b), 12);
        Assert.Equal(Correlation.KendallTauB(da, db), Correlation.KendallTauB(a, b), 12);
        Assert.Equal(3, Ranks.TopOverlap(a, b, 3));
        Assert.Equal(2, Ranks.TopOverlap(a, b, 2));
        Assert.Equal(0, Ranks.TopOverlap(a, b, 1));
    }

    [Fact]
    public void Correlations_use_complete_pairs_only()
    {
        double[] x = [1, 2, double.NaN, 4, 5, 6], y = [2, 1, 3, 5, double.NaN, 4];
        double[] cx = [1, 2, 4, 6], cy = [2, 1, 5, 4];
        Assert.Equal(Correlation.Pearson(cx, cy), Correlation.Pearson(x, y), 14);
        Assert.Equal(Correlation.Spearman(cx, cy), Correlation.Spearman(x, y), 14);
        Assert.Equal(Correlation.KendallTauB(cx, cy), Correlation.KendallTauB(x, y), 14);
    }

    [Fact]
    public void Correlations_are_undefined_with_fewer_than_two_pairs_or_a_constant_side()
    {
        Assert.True(double.IsNaN(Correlation.Pearson([1, double.NaN], [double.NaN, 2])));
        Assert.True(double.IsNaN(Correlation.Spearman([1.0], [2.0])));
        Assert.True(double.IsNaN(Correlation.Pearson([3, 3, 3], [1, 2, 3])));
        Assert.True(double.IsNaN(Correlation.KendallTauB([3, 3, 3], [1, 2, 3])));
        Assert.Throws<ArgumentException>(() => Correlation.Pearson([1, 2], [1, 2, 3]));
    }

    [Theory]
    // R: quantile(c(5, 3, 1, 2, 4), 0.1) = 1.4 (type 7); numpy.percentile(range(1, 11), 33) = 3.97
    [InlineData(new double[] { 5, 3, 1, 2, 4 }, 0.1, 1.4)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 0.33, 3.97)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 1.0, 10)]
    [InlineData(new double[] { 7 }, 0.5, 7)]
    public void Type7_quantile_matches_R(double[] x, double p, double expected) =>
        Assert.Equal(expected, Quantiles.Type7(x, p), 12);

    [Fact]
    public void Quantile_leaves_out_missing_and_is_undefined_with_no_values()
    {
        Assert.Equal(1.4, Quantiles.Type7([5, double.NaN, 3, 1, 2, 4], 0.1), 12);
        Assert.True(double.IsNaN(Quantiles.Type7([double.NaN], 0.5)));
        Assert.True(double.IsNaN(Quantiles.Type7Sorted([], 0.5)));
    }

    [Fact]
    public void Kernels_agree_with_MathNet_on_seeded_random_inputs()
    {
        var rng = new Rng(2024);
        for (int trial = 0; trial < 20; trial++)
        {
            int n = 5 + rng.Next(40);
            var x = new double[n];
            var y = new double[n];
            for (int i = 0; i < n; i++) { x[i] = rng.Next(12); y[i] = rng.NextGaussian(); }
            Assert.Equal(MathNetCorrelation.Pearson(x, y), Correlation.Pearson(x, y), 10);
            Assert.Equal(MathNetCorrelation.Spearman(x, y), Correlation.Spearman(x, y), 10);
            Assert.Equal(MathNetStatistics.Ranks(x, MathNet.Numerics.Statistics.RankDefinition.Average), Ranks.MidRanks(x));
            double p = rng.NextDouble();
            Assert.Equal(MathNetStatistics.QuantileCustom(y, p, MathNet.Numerics.Statistics.QuantileDefinition.R7), Quantiles.Type7(y, p), 10);
        }
    }

    [Fact]
    public void Location_quotient_hand_worked_and_undefined_cases()
    {
        // (20/100)/(50/1000) = 0.2/0.05 = 4
        Assert.Equal(4.0, LocationQuotient.Of(20, 100, 50, 1000), 14);
        // Equal shares of integers give exactly 1, so a threshold LQ ≥ 1 counts them.
        Assert.Equal(1.0, LocationQuotient.Of(3, 7, 30, 70));
        Assert.Equal(4.0, LocationQuotient.OfShare(20, 100, 0.05), 14);
        Assert.True(double.IsNaN(LocationQuotient.Of(1, 0, 5, 10)));
        Assert.True(double.IsNaN(LocationQuotient.Of(1, 2, 0, 10)));
        Assert.True(double.IsNaN(LocationQuotient.Of(double.NaN, 2, 5, 10)));
        Assert.True(double.IsNaN(LocationQuotient.OfShare(1, 2, 0)));
        Assert.True(double.IsNaN(LocationQuotient.OfShare(1, 0, 0.5)));
    }

    [Fact]
    public void Compound_growth_hand_worked_and_undefined_cases()
    {
        // 100 → 121 over two years: √1.21 − 1 = 0.1
        Assert.Equal(0.1, CompoundGrowth.Rate(100, 121, 2), 14);
        Assert.Equal(-1.0, CompoundGrowth.Rate(100, 0, 3), 14);
        Assert.True(double.IsNaN(CompoundGrowth.Rate(0, 5, 2)));
        Assert.True(double.IsNaN(CompoundGrowth.Rate(-1, 5, 2)));
        Assert.True(double.IsNaN(CompoundGrowth.Rate(1, -5, 2)));
        Assert.True(double.IsNaN(CompoundGrowth.Rate(1, double.NaN, 2)));
        Assert.True(double.IsNaN(CompoundGrowth.Rate(1, 2, 0)));
    }
}
