using CompeteModel.Engine.Backtest;

namespace CompeteModel.Tests.Backtest;

/// <summary>The logit against closed forms and the fixed-effects bookkeeping.</summary>
public class LogitTests
{
    /// <summary>Cells of a 2×2 table: a (x=0, y=1), b (x=0, y=0), c (x=1, y=1), d (x=1, y=0).</summary>
    private static (bool[] Y, double[] X) Table(int a, int b, int c, int d)
    {
        var y = new List<bool>();
        var x = new List<double>();
        void Add(int n, double xv, bool yv) { for (int i = 0; i < n; i++) { x.Add(xv); y.Add(yv); } }
        Add(a, 0, true);
        Add(b, 0, false);
        Add(c, 1, true);
        Add(d, 1, false);
        return (y.ToArray(), x.ToArray());
    }

    // For a logit on one binary regressor the MLE is saturated and has a closed form (e.g. Agresti 2013, §5.2):
    // intercept = ln(a/b), β = ln(ad'/bc') = ln((c/d)/(a/b)) (the log odds ratio),
    // s.e.(intercept) = √(1/a + 1/b), s.e.(β) = √(1/a + 1/b + 1/c + 1/d) (Woolf).
    // a=3, b=7, c=6, d=4: intercept = ln(3/7) = −0.847298, β = ln(3.5) = 1.252763,
    // s.e. = √(1/3 + 1/7) = 0.690066 and √(1/3 + 1/7 + 1/6 + 1/4) = 0.944911.
    [Fact]
    public void Two_by_two_table_matches_the_log_odds_ratio_and_woolf_standard_error()
    {
        var (y, x) = Table(3, 7, 6, 4);
        var f = FixedEffectsLogit.Fit(y, x);
        Assert.True(f.Converged);
        Assert.Equal(-0.847298, f.Intercept, 5);
        Assert.Equal(1.252763, f.Beta, 5);
        Assert.Equal(0.690066, f.SeIntercept, 5);
        Assert.Equal(0.944911, f.Se, 5);
        Assert.Equal(20, f.N);
        // log-likelihood of the saturated fit: 3 ln .3 + 7 ln .7 + 6 ln .6 + 4 ln .4
        Assert.Equal(3 * Math.Log(0.3) + 7 * Math.Log(0.7) + 6 * Math.Log(0.6) + 4 * Math.Log(0.4), f.LogLikelihood, 8);
    }

    // Two regions, each its own 2×2 table with odds ratio (c/d)/(a/b) = 4: region 0 a=1, b=4, c=1, d=1; region 1
    // a=4, b=1, c=16, d=1. The saturated region × x model has β = ln 4 in both regions, so the additive model with
    // region effects and a common β = ln 4 reproduces its fitted values and is the MLE: β = ln 4 = 1.386294.
    // Pooled without region effects: a=5, b=5, c=17, d=2 → β = ln(8.5) = 2.140066 (the region difference leaks in).
    [Fact]
    public void Region_fixed_effects_recover_a_common_odds_ratio()
    {
        var (y0, x0) = Table(1, 4, 1, 1);
        var (y1, x1) = Table(4, 1, 16, 1);
        var y = y0.Concat(y1).ToArray();
        var x = x0.Concat(x1).ToArray();
        var region = Enumerable.Repeat(0, y0.Length).Concat(Enumerable.Repeat(1, y1.Length)).ToArray();
        var fe = FixedEffectsLogit.Fit(y, x, region);
        Assert.True(fe.Converged);
        Assert.Equal(Math.Log(4), fe.Beta, 6);
        Assert.Equal(2, fe.RegionEffects);
        Assert.Equal(Math.Log(8.5), FixedEffectsLogit.Fit(y, x).Beta, 6);
    }

    // A 0/1 control is a region dummy by another name: with two regions the controlled fit is the fixed-effects fit.
    [Fact]
    public void A_binary_control_equals_a_two_level_fixed_effect()
    {
        var (y0, x0) = Table(1, 4, 1, 1);
        var (y1, x1) = Table(4, 1, 16, 1);
        var y = y0.Concat(y1).ToArray();
        var x = x0.Concat(x1).ToArray();
        var dummy = Enumerable.Repeat(0.0, y0.Length).Concat(Enumerable.Repeat(1.0, y1.Length)).ToArray();
        var controlled = FixedEffectsLogit.Fit(y, x, control: dummy);
        var fe = FixedEffectsLogit.Fit(y, x, dummy.Select(d => (int)d).ToArray());
        Assert.Equal(Math.Log(4), controlled.Beta, 6);
        Assert.Equal(fe.Se, controlled.Se, 8);
    }

    [Fact]
    public void Groups_without_variation_are_dropped_and_counted()
    {
        var (y0, x0) = Table(3, 7, 6, 4);
        // region 1: nobody enters — its dummy would be −∞; its 5 cells are dropped
        var y = y0.Concat(Enumerable.Repeat(false, 5)).ToArray();
        var x = x0.Concat([0.0, 1, 0, 1, 1]).ToArray();
        var region = Enumerable.Repeat(0, y0.Length).Concat(Enumerable.Repeat(1, 5)).ToArray();
        var fe = FixedEffectsLogit.Fit(y, x, region);
        Assert.Equal(5, fe.Dropped);
        Assert.Equal(20, fe.N);
        Assert.Equal(1.252763, fe.Beta, 5);
    }

    [Fact]
    public void A_sector_level_predictor_is_not_identified_with_sector_effects()
    {
        var y = new[] { true, false, false, true, true, false };
        var x = new[] { 1.0, 1, 2, 2, 3, 3 };
        var sector = new[] { 0, 0, 1, 1, 2, 2 };
        var fe = FixedEffectsLogit.Fit(y, x, default, sector);
        Assert.True(double.IsNaN(fe.Beta));
        Assert.Contains("collinear", fe.Note);
    }

    [Fact]
    public void Complete_separation_is_reported_not_estimated()
    {
        var y = new[] { false, false, false, true, true, true };
        var x = new[] { 1.0, 2, 3, 4, 5, 6 };
        var f = FixedEffectsLogit.Fit(y, x);
        Assert.False(f.Converged);
        Assert.NotEmpty(f.Note);
    }
}
