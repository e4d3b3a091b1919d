using CompeteModel.Engine.Indicators;
using CompeteModel.Engine.Panels;

namespace CompeteModel.Tests.Indicators;

public class GrowthTests
{
    [Theory]
    // x0, x1, years, growth, CAGR — hand: 100 → 121 over 2 years is 21 % in all, 10 % a year; 80 → 60 is −25 %
    [InlineData(100, 121, 2, 0.21, 0.1)]
    [InlineData(80, 60, 1, -0.25, -0.25)]
    [InlineData(1000, 1000, 5, 0, 0)]
    public void Growth_and_compound_annual_growth(double x0, double x1, int years, double growth, double cagr)
    {
        Assert.Equal(growth, Growth.Rate(x0, x1, out var w1), 12);
        Assert.Equal(cagr, Growth.Cagr(x0, x1, years, out var w2), 12);
        Assert.Equal(UndefinedReason.None, w1);
        Assert.Equal(UndefinedReason.None, w2);
    }

    [Fact]
    public void Undefined_growth_carries_its_reason()
    {
        Assert.True(double.IsNaN(Growth.Rate(0, 5, out var w)));
        Assert.Equal(UndefinedReason.AbsentInBaseYear, w);
        Assert.True(double.IsNaN(Growth.Cagr(-3, 5, 2, out w)));
        Assert.Equal(UndefinedReason.NonPositiveBase, w);
        Assert.True(double.IsNaN(Growth.Rate(double.NaN, 5, out w)));
        Assert.Equal(UndefinedReason.UnknownInput, w);
        Assert.True(double.IsNaN(Growth.VersusBenchmark(10, 12, 0, 4, out w)));
        Assert.Equal(UndefinedReason.ZeroBenchmark, w);
    }

    [Fact]
    public void Growth_versus_benchmark_and_relative_productivity_by_hand()
    {
        // region 100 → 130 (+30 %), benchmark 1000 → 1100 (+10 %): 0.30 − 0.10 = 0.20
        Assert.Equal(0.2, Growth.VersusBenchmark(100, 130, 1000, 1100, out _), 12);
        // region £50m with 1,000 jobs (£50k a job), benchmark £4,000m with 100,000 jobs (£40k a job): 1.25
        Assert.Equal(1.25, Growth.ProductivityRelative(50, 1000, 4000, 100000, out _), 12);
        Assert.True(double.IsNaN(Growth.ProductivityRelative(50, 0, 4000, 100000, out var w)));
        Assert.Equal(UndefinedReason.ZeroRegionTotal, w);
    }

    [Fact]
    public void Suite_adds_productivity_and_real_GVA_growth_when_GVA_is_present()
    {
        // two regions, two sectors, two years; jobs, GVA current, GVA chained volume
        var years = new[] { 2019, 2020 };
        var regions = new[] { "A", "B" };
        var jobs = new[] { new double[,] { { 100, 300 }, { 200, 400 } }, new double[,] { { 110, 300 }, { 200, 390 } } };
        var gva = new[] { new double[,] { { 5, 9 }, { 8, 12 } }, new double[,] { { 6, 9 }, { 8, 12 } } };
        var cvm = new[] { new double[,] { { 5, 9 }, { 8, 12 } }, new double[,] { { 5.5, 9 }, { 7.2, 12 } } };
        var p = PanelFactory.Build(years, jobs, Measure.Employment, regionIds: regions);
        var g = PanelFactory.Build(years, gva, Measure.GvaCurrent, regionIds: regions);
        var c = PanelFactory.Build(years, cvm, Measure.GvaChainedVolume, regionIds: regions);
        var panel = new Panel(p.Regions, p.Sectors, p.Years, new[] { p[Measure.Employment], g[Measure.GvaCurrent], c[Measure.GvaChainedVolume] });
        var table = IndicatorSuite.Compute(panel, new IndicatorOptions { Year = 2020, BaseYear = 2019 });
        // 2020, sector S1: A = 6/110 per job; benchmark (A+B) = 14/310: (6/110)/(14/310) = 1.2077922
        Assert.Equal(6.0 / 110 / (14.0 / 310), table.Get("A", "S1", IndicatorIds.ProductivityRelative), 12);
        // region level: A = 15/410, benchmark 35/1000
        Assert.Equal(15.0 / 410 / (35.0 / 1000), table.Get("A", "*", IndicatorIds.ProductivityRelative), 12);
        // real growth of B in S1: 7.2/8 − 1 = −0.1; of A overall: 14.5/14 − 1
        Assert.Equal(-0.1, table.Get("B", "S1", IndicatorIds.RealGvaGrowth), 12);
        Assert.Equal(14.5 / 14 - 1, table.Get("A", "*", IndicatorIds.RealGvaGrowth), 12);
    }
}
