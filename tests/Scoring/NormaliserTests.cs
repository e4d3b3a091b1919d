using CompeteModel.Engine.Scoring;
using CompeteModel.Engine.Statistics;

namespace CompeteModel.Tests.Scoring;

public class NormaliserTests
{
    private static readonly double[] X = [4, 1, 3, 1, double.NaN];

    [Fact]
    public void MinMax_and_zscore()
    {
        var y = new double[5];
        Normaliser.MinMax(X, y);
        // min 1, max 4: (4−1)/3 = 100, 0, (3−1)/3 = 66.67, 0, missing stays missing
        Assert.Equal([100, 0, 200.0 / 3, 0], y[..4]);
        Assert.True(double.IsNaN(y[4]));
        Normaliser.ZScore(X, y);
        // mean 9/4 = 2.25; population sd = √((3.0625 + 1.5625 + 0.5625 + 1.5625)/4) = √1.6875
        Assert.Equal((4 - 2.25) / Math.Sqrt(1.6875), y[0], 12);
        Assert.Equal((1 - 2.25) / Math.Sqrt(1.6875), y[1], 12);
    }

    [Fact]
    public void Rank_and_percentile_average_ties()
    {
        var y = new double[5];
        Normaliser.Rank(X, y);
        // sorted 1, 1, 3, 4 → ranks 1.5, 1.5, 3, 4
        Assert.Equal([4, 1.5, 3, 1.5], y[..4]);
        Normaliser.Percentile(X, y);
        // 100·(rank − 1)/(n − 1), n = 4
        Assert.Equal([100, 50.0 / 3, 200.0 / 3, 50.0 / 3], y[..4]);
    }

    [Fact]
    public void Distance_to_target()
    {
        var y = new double[5];
        Normaliser.DistanceToTarget(X, 3, y);
        // |x − 3| = 1, 2, 0, 2; max 2 → 100·(1 − d/2) = 50, 0, 100, 0
        Assert.Equal([50, 0, 100, 0], y[..4]);
    }

    [Fact]
    public void Auto_winsorisation_clips_a_single_outlier_and_leaves_normal_data_alone()
    {
        // 19 values 1..19 and one 1000: skewness 4.125, excess kurtosis 15.03 → clip 1000 to the next value, 19.
        var x = Enumerable.Range(1, 19).Select(i => (double)i).Append(1000).ToArray();
        Assert.True(Normaliser.Skewness(x) > 2 && Normaliser.ExcessKurtosis(x) > 3.5);
        Assert.Equal(1, Normaliser.WinsoriseAuto(x));
        Assert.Equal(19, x[19]);
        var flat = Enumerable.Range(1, 20).Select(i => (double)i).ToArray();
        Assert.Equal(0, Normaliser.WinsoriseAuto(flat));
        // uniform 1..20: skewness 0, excess kurtosis −1.2·(n²+1)/(n²−1) = −1.206
        Assert.Equal(-1.2 * 401 / 399, Normaliser.ExcessKurtosis(flat), 10);
    }

    [Fact]
    public void Percentile_winsorisation_uses_type7_quantiles()
    {
        // 0..10: 10th percentile = 1, 90th = 9 (h = 10·p exactly)
        var x = Enumerable.Range(0, 11).Select(i => (double)i).ToArray();
        Assert.Equal(2, Normaliser.WinsorisePercentiles(x, 10, 90));
        Assert.Equal(1, x[0]);
        Assert.Equal(9, x[10]);
    }

    [Fact]
    public void Rank_statistics_on_a_hand_example()
    {
        int[] a = [1, 2, 3, 4], b = [2, 1, 4, 3];
        // d² = 1+1+1+1 = 4: ρ = 1 − 6·4/(4·15) = 0.6; pairs: 6, discordant (1,2) and (3,4) → τ = (4 − 2)/6
        Assert.Equal(0.6, Correlation.Spearman(a, b), 12);
        Assert.Equal(2.0 / 6, Correlation.KendallTauB(a, b), 12);
        Assert.Equal(2, Ranks.TopOverlap(a, b, 2));
    }
}
