using CompeteModel.Engine.Indicators;
using CompeteModel.Engine.Pipeline;

namespace CompeteModel.Tests.Defensible;

/// <summary>Hand-worked values of the noise-robust growth kernels (docs/METHODS.md "Noise-robust growth", "Jump check").</summary>
public sealed class GrowthKernelTests
{
    [Fact]
    public void EndpointGrowth_AveragesThreeYearsAtEachEnd_AndAnnualisesOverTheMidpoints()
    {
        // 2015..2021: base window mean (100+110+120)/3 = 110, end window mean (150+160+170)/3 = 160,
        // midpoints 2016 and 2020 are 4 years apart: (160/110)^(1/4) − 1 = 0.0982009735522249
        double g = EndpointGrowth.OfSeries([100, 110, 120, 130, 150, 160, 170], 3, out var why);
        Assert.Equal(UndefinedReason.None, why);
        Assert.Equal(0.0982009735522249, g, 12);
        // one-year endpoints are the CAGR: (170/100)^(1/6) − 1
        Assert.Equal(Math.Pow(1.7, 1.0 / 6) - 1, EndpointGrowth.OfSeries([100, 110, 120, 130, 150, 160, 170], 1, out _), 12);
    }

    [Theory]
    [InlineData(2015, 2021, 3, 3)]
    [InlineData(2015, 2020, 3, 3)]
    [InlineData(2016, 2020, 3, 2)] // five years hold two 2-year windows, not two 3-year ones
    [InlineData(2019, 2021, 3, 1)]
    [InlineData(2020, 2021, 2, 1)]
    public void Window_ShrinksUntilTheTwoWindowsDoNotOverlap(int b, int e, int wanted, int expected) =>
        Assert.Equal(expected, EndpointGrowth.Window(b, e, wanted));

    [Fact]
    public void EndpointGrowth_IsUndefinedWithItsReason()
    {
        Assert.True(double.IsNaN(EndpointGrowth.OfSeries([0, 0, 5, 6], 2, out var a)));
        Assert.Equal(UndefinedReason.AbsentInBaseYear, a);
        Assert.True(double.IsNaN(EndpointGrowth.OfSeries([1, double.NaN, 5, 6], 2, out var b)));
        Assert.Equal(UndefinedReason.UnknownInput, b);
    }

    [Theory]
    // sector +600 jobs in an industry of 12,000: at constant productivity output should rise 5%
    [InlineData(600, 12000, 1000, 1030, true)]   // +3% is 0.6 of the implied change ≥ 0.5
    [InlineData(600, 12000, 1000, 1020, false)]  // +2% is 0.4 of it
    [InlineData(600, 12000, 1000, 990, false)]   // output fell
    [InlineData(-600, 12000, 1000, 960, true)]   // a fall of jobs matched by a 4% fall of output (0.8)
    [InlineData(600, double.NaN, 1000, 1100, false)] // nothing to corroborate with
    public void Corroboration_ComparesTheOutputChangeWithWhatTheJobsImply(double change, double industryJobs, double gva0, double gva1, bool expected) =>
        Assert.Equal(expected, JumpCheck.Corroborated(change, industryJobs, gva0, gva1, 0.5));

    [Fact]
    public void Damp_ReplacesTheJumpYearsChangeWithTheBenchmarks()
    {
        // jump at t = 2 (100 → 200): the region follows the benchmark's +10% that year, then its own +5%
        var x = JumpCheck.Damp([100, 100, 200, 210], [1000, 1100, 1210, 1210], [2]);
        Assert.Equal([100, 100, 110, 115.5], x.Select(v => Math.Round(v, 9)).ToArray());
    }

    [Fact]
    public void RobustZ_IsHampelsRule()
    {
        // others sorted −0.1 0 0.1 0.1 0.2: median 0.1, MAD 0.1, scale 1.4826 · 0.1; z = 0.4 / 0.14826
        Assert.Equal(0.4 / 0.14826, JumpCheck.RobustZ(0.5, [0.0, 0.1, 0.2, -0.1, 0.1]), 12);
        Assert.True(double.IsNaN(JumpCheck.RobustZ(0.5, [0.1, 0.1])));
    }

    [Fact]
    public void Uncorroborated_SkipsAChangeEveryAreaShared()
    {
        double[] emp = [1000, 1000, 1600, 1600];
        double[] industry = [10000, 10000, 10600, 10600];
        double[] gva = [500, 500, 500, 500];
        Assert.Equal([2], JumpCheck.Uncorroborated(emp, industry, gva, 0.25, 250, 0.5));
        // the same +60% was usual among the other areas that year (|z| < 2.5): not a local jump
        Assert.Empty(JumpCheck.Uncorroborated(emp, industry, gva, 0.25, 250, 0.5, [double.NaN, 0, 1.2, 0], 2.5));
        Assert.Equal([2], JumpCheck.Uncorroborated(emp, industry, gva, 0.25, 250, 0.5, [double.NaN, 0, 4.0, 0], 2.5));
        // below the job floor
        Assert.Empty(JumpCheck.Uncorroborated(emp, industry, gva, 0.25, 1000, 0.5));
    }

    [Fact]
    public void Hoover_IsZeroForASectorSpreadLikeEmployment_AndTwoThirdsInOneOfThreeEqualAreas()
    {
        Assert.Equal(0.0, EligibilityCheck.Hoover([30, 10, 10], [300, 100, 100]), 12);
        Assert.Equal(2.0 / 3, EligibilityCheck.Hoover([10, 0, 0], [100, 100, 100]), 12);
        Assert.Equal("dispersed", EligibilityCheck.Label(0.05));
        Assert.Equal("intermediate", EligibilityCheck.Label(0.17));
        Assert.Equal("concentrated", EligibilityCheck.Label(0.2));
    }

    [Fact]
    public void Productivity_IsUndefinedWhereGvaIsNotPositive()
    {
        Assert.True(double.IsNaN(Growth.ProductivityRelative(-5, 10, 100, 10, out var why)));
        Assert.Equal(UndefinedReason.NonPositiveGva, why);
        Assert.True(double.IsNaN(Growth.ProductivityRelative(5, 10, -100, 10, out why)));
        Assert.Equal(UndefinedReason.NonPositiveGva, why);
        Assert.Equal(2.0, Growth.ProductivityRelative(20, 10, 100, 100, out why), 12);
    }
}
