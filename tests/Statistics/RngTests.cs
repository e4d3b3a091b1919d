using CompeteModel.Engine.Statistics;

namespace CompeteModel.Tests.Statistics;

public class RngTests
{
    [Fact]
    public void Same_seed_same_stream_and_different_seeds_differ()
    {
        var a = new Rng(7);
        var b = new Rng(7);
        var c = new Rng(8);
        bool differs = false;
        for (int i = 0; i < 100; i++)
        {
            ulong x = a.NextULong();
            Assert.Equal(x, b.NextULong());
            differs |= x != c.NextULong();
        }
        Assert.True(differs);
    }

    [Theory]
    // Gamma(k, 1) has mean k and variance k; with 40,000 draws the standard error of the mean is √(k/40000).
    [InlineData(0.3)]
    [InlineData(1.0)]
    [InlineData(2.5)]
    [InlineData(12.0)]
    public void Gamma_draws_have_the_gamma_mean_and_variance(double shape)
    {
        var rng = new Rng(11);
        const int n = 40_000;
        double sum = 0, sum2 = 0;
        for (int i = 0; i < n; i++)
        {
            double g = rng.NextGamma(shape);
            Assert.True(g >= 0);
            sum += g; sum2 += g * g;
        }
        double mean = sum / n, variance = sum2 / n - mean * mean;
        Assert.InRange(mean, shape - 5 * Math.Sqrt(shape / n), shape + 5 * Math.Sqrt(shape / n));
        Assert.InRange(variance, shape * 0.9, shape * 1.1);
    }

    [Fact]
    public void Uniform_integers_cover_the_range_evenly()
    {
        var rng = new Rng(3);
        var counts = new int[6];
        for (int i = 0; i < 60_000; i++) counts[rng.Next(6)]++;
        // Each face expects 10,000 with sd √(60000·(1/6)(5/6)) ≈ 91; 5 sd either side.
        foreach (var c in counts) Assert.InRange(c, 10_000 - 460, 10_000 + 460);
    }
}
