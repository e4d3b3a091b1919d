using CompeteModel.Engine.Backtest;
using CompeteModel.Engine.Statistics;

namespace CompeteModel.Tests.Backtest;

/// <summary>
/// The backtest machinery on hand-made panels with known answers: density that decides entry exactly (AUC 1), an
/// unrelated one (AUC ≈ 0.5 inside its interval), the within-region placebo, entry/exit coding and the bootstrap.
/// </summary>
public class MachineryTests
{
    [Fact]
    public void Entry_and_exit_codes()
    {
        double[] rca0 = [0.5, 0.5, 1.0, 2.0, double.NaN, 0.9];
        double[] rca1 = [1.2, 0.8, 0.7, 3.0, 1.0, double.NaN];
        var entry = new sbyte[6];
        var exit = new sbyte[6];
        Transitions.Entries(rca0, rca1, 1.0, entry);
        Transitions.Exits(rca0, rca1, 1.0, exit);
        Assert.Equal(new sbyte[] { 1, 0, -1, -1, -1, -1 }, entry);
        Assert.Equal(new sbyte[] { -1, -1, 1, 0, -1, -1 }, exit);
    }

    /// <summary>A panel of 20 regions × 50 sectors at risk; density uniform, cluster = region.</summary>
    private static (double[] Density, int[] Region) Panel(long seed)
    {
        var rng = new Rng((ulong)seed);
        var d = new double[1000];
        var region = new int[1000];
        for (int i = 0; i < d.Length; i++) { d[i] = rng.NextDouble(); region[i] = i / 50; }
        return (d, region);
    }

    [Fact]
    public void Density_that_decides_entry_exactly_has_auc_one_with_a_degenerate_interval()
    {
        var (d, region) = Panel(7);
        var entered = d.Select(v => v > 0.8).ToArray();
        var order = Roc.AscendingOrder(d);
        var ones = Enumerable.Repeat(1.0, d.Length).ToArray();
        Assert.Equal(1.0, Roc.Auc(order, d, entered, ones));
        var (lo, hi) = ClusterBootstrap.Interval(region, 20, 200, 1, "exact", w => Roc.Auc(order, d, entered, w));
        Assert.Equal(1.0, lo);
        Assert.Equal(1.0, hi);
        Assert.Equal(1.0, Roc.WithinStratumAuc(d, entered, region, 20));
    }

    [Fact]
    public void Unrelated_density_has_auc_near_half_inside_its_interval()
    {
        var (d, region) = Panel(11);
        var rng = new Rng(99);
        var entered = d.Select(_ => rng.NextDouble() < 0.2).ToArray();
        var order = Roc.AscendingOrder(d);
        var ones = Enumerable.Repeat(1.0, d.Length).ToArray();
        double auc = Roc.Auc(order, d, entered, ones);
        var (lo, hi) = ClusterBootstrap.Interval(region, 20, 400, 3, "null", w => Roc.Auc(order, d, entered, w));
        Assert.InRange(auc, 0.42, 0.58);
        Assert.True(lo <= 0.5 && 0.5 <= hi, $"interval {lo}–{hi}");
        Assert.True(lo < auc && auc < hi);
    }

    [Fact]
    public void Placebo_shuffle_destroys_power_within_regions_and_keeps_each_regions_values()
    {
        var (d, region) = Panel(5);
        var entered = d.Select(v => v > 0.7).ToArray();
        var shuffled = Placebo.ShuffleWithinGroups(d, region, 42, "placebo");
        for (int g = 0; g < 20; g++)
        {
            var before = d.Where((_, i) => region[i] == g).Order().ToArray();
            var after = shuffled.Where((_, i) => region[i] == g).Order().ToArray();
            Assert.Equal(before, after);
        }
        Assert.Equal(shuffled, Placebo.ShuffleWithinGroups(d, region, 42, "placebo"));
        Assert.NotEqual(shuffled, Placebo.ShuffleWithinGroups(d, region, 43, "placebo"));
        Assert.Equal(1.0, Roc.WithinStratumAuc(d, entered, region, 20));
        Assert.InRange(Roc.WithinStratumAuc(shuffled, entered, region, 20), 0.4, 0.6);
    }

    [Fact]
    public void Bootstrap_is_deterministic_and_brackets_a_mean()
    {
        var (d, region) = Panel(3);
        double Mean(double[] w)
        {
            double s = 0, n = 0;
            for (int i = 0; i < d.Length; i++) { s += w[i] * d[i]; n += w[i]; }
            return s / n;
        }
        var a = ClusterBootstrap.Interval(region, 20, 300, 8, "mean", Mean);
        var b = ClusterBootstrap.Interval(region, 20, 300, 8, "mean", Mean);
        Assert.Equal(a, b);
        Assert.InRange(d.Average(), a.Lower, a.Upper);
        Assert.True(a.Upper - a.Lower < 0.1);
        Assert.True(double.IsNaN(ClusterBootstrap.Interval(region, 20, 0, 8, "mean", Mean).Lower));
    }
}
