using CompeteModel.Engine.Indicators;
using CompeteModel.Engine.Statistics;

namespace CompeteModel.Tests.Indicators;

public class UncertaintyTests
{
    private static double LqIn(double x, double a, double c, double d) => x * (x + a + c + d) / ((x + a) * (x + c));

    [Theory]
    // x, a (rest of region), c (sector in rest of benchmark), d (everything else), half-width of each interval
    [InlineData(35, 400, 900, 20000, 2.5)]
    [InlineData(300, 20, 10, 50, 25)] // a small region dominated by the sector: LQ falls with x here
    [InlineData(0, 120, 40, 500, 1)]  // published 0 stands for [0, 2]
    [InlineData(40, 5, 5, 30, 10)]     // a and c can reach 0
    [InlineData(3, 3, 3, 200, 1)]      // the maximum in x lies inside [2, 4]: x* = (4 + √(16 + 201·205·4))/201 ≈ 2.04 at a = c = 2, d = 201
    public void LQ_bounds_are_the_extremes_of_the_formula_over_the_intervals(double x, double a, double c, double d, double h)
    {
        // counts are never negative: every interval starts at 0 at the lowest
        double xl = Math.Max(0, x - h), xu = x + h, al = Math.Max(0, a - h), cl = Math.Max(0, c - h), dl = Math.Max(0, d - h);
        var (lo, hi) = RoundingIntervals.LocationQuotientInBenchmark(xl, xu, al, a + h, cl, c + h, dl, d + h);
        // brute force over a grid of the box
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        const int n = 16;
        for (int i = 0; i <= n; i++)
            for (int j = 0; j <= n; j++)
                for (int k = 0; k <= n; k++)
                    for (int l = 0; l <= n; l++)
                    {
                        double v = LqIn(xl + (xu - xl) * i / n, al + (a + h - al) * j / n, cl + (c + h - cl) * k / n, dl + (d + h - dl) * l / n);
                        min = Math.Min(min, v);
                        max = Math.Max(max, v);
                    }
        Assert.True(lo <= min + 1e-12, $"lower {lo} above the grid minimum {min}");
        Assert.True(hi >= max - 1e-12, $"upper {hi} below the grid maximum {max}");
        // and the bounds are attained (within the grid's resolution of the interior maximum)
        Assert.Equal(min, lo, 1e-9);
        Assert.Equal(max, hi, max * 1e-3);
        if (x > 0) Assert.InRange(LqIn(x, a, c, d), lo, hi);
    }

    [Fact]
    public void LQ_upper_bound_finds_an_interior_maximum_in_x()
    {
        // x ∈ [2, 4], a = c ∈ [2, 4], d ∈ [199, 201]: at (a, c, d) = (2, 2, 201) LQ(x) peaks inside the interval, at
        // x* = (ac + √(a²c² + d(a+c+d)ac))/d = (4 + √164,836)/201 ≈ 2.0399; both ends give less (25.875 at x = 2).
        var (_, hi) = RoundingIntervals.LocationQuotientInBenchmark(2, 4, 2, 4, 2, 4, 199, 201);
        double xStar = (4 + Math.Sqrt(16 + 201.0 * 205 * 4)) / 201;
        Assert.Equal(LqIn(xStar, 2, 2, 201), hi, 12);
        Assert.True(hi > LqIn(2, 2, 2, 201) + 1e-3);
        for (int i = 0; i <= 2000; i++) Assert.True(LqIn(2 + i / 1000.0, 2, 2, 201) <= hi + 1e-12);
    }

    [Fact]
    public void LQ_bounds_outside_the_benchmark_by_hand()
    {
        // x ∈ [30, 40], rest of region a ∈ [60, 70], benchmark sector c ∈ [100, 110], rest of benchmark d ∈ [890, 900]
        // lower = 30/(30+70) · (110+890)/110 = 0.3·9.0909 = 2.727272...; upper = 40/(40+60) · (100+900)/100 = 4
        var (lo, hi) = RoundingIntervals.LocationQuotientOutsideBenchmark(30, 40, 60, 70, 100, 110, 890, 900);
        Assert.Equal(0.3 * 1000 / 110, lo, 12);
        Assert.Equal(4.0, hi, 12);
        // growth from [95, 105] to [145, 155]: [145/105 − 1, 155/95 − 1]
        var (gl, gu) = RoundingIntervals.Growth(95, 105, 145, 155);
        Assert.Equal(145.0 / 105 - 1, gl, 12);
        Assert.Equal(155.0 / 95 - 1, gu, 12);
    }

    [Fact]
    public void Suite_propagates_rounding_intervals_and_contains_the_estimate()
    {
        var v = PanelFactory.Random(5, 2, 8, 12);
        var lo = v.Select(m => Map(m, x => Math.Max(0, x - 2.5))).ToArray();
        var hi = v.Select(m => Map(m, x => x + 2.5)).ToArray();
        var table = IndicatorSuite.Compute(PanelFactory.Build(new[] { 2015, 2016 }, v, lower: lo, upper: hi),
            new IndicatorOptions { Year = 2016, BaseYear = 2015 });
        int checkedRows = 0;
        for (int i = 0; i < table.RowCount; i++)
        {
            if (table.Indicator[i] is not (IndicatorIds.Lq or IndicatorIds.Growth) || double.IsNaN(table.Value[i]) || double.IsNaN(table.Upper[i])) continue;
            Assert.InRange(table.Value[i], table.Lower[i] - 1e-12, table.Upper[i] + 1e-12);
            Assert.True(table.Upper[i] > table.Lower[i]);
            checkedRows++;
        }
        Assert.True(checkedRows > 100);
    }

    private static double[,] Map(double[,] m, Func<double, double> f)
    {
        var r = new double[m.GetLength(0), m.GetLength(1)];
        for (int i = 0; i < m.GetLength(0); i++) for (int j = 0; j < m.GetLength(1); j++) r[i, j] = f(m[i, j]);
        return r;
    }

    /// <summary>Seeded firms: each of R × S cells gets 0–40 firms with lognormal-ish sizes.</summary>
    private static FirmSample Firms(int seed, int regions, int sectors)
    {
        var rng = new Random(seed);
        var reg = new List<int>(); var sec = new List<int>(); var w = new List<double>();
        for (int r = 0; r < regions; r++)
            for (int s = 0; s < sectors; s++)
            {
                int n = rng.Next(0, 41);
                for (int k = 0; k < n; k++) { reg.Add(r); sec.Add(s); w.Add(Math.Round(Math.Exp(1 + 1.5 * rng.NextDouble()))); }
            }
        return new FirmSample(reg.ToArray(), sec.ToArray(), w.ToArray());
    }

    [Theory]
    [InlineData(101)]
    [InlineData(102)]
    public void Bootstrap_bounds_contain_the_point_estimate_and_are_reproducible(int seed)
    {
        int R = 5, S = 8;
        var f = Firms(seed, R, S);
        var share = Enumerable.Repeat(1.0 / S, S).ToArray();
        var a = MicroBootstrap.LocationQuotients(f.RegionOfFirm, f.SectorOfFirm, f.Weight, R, S, share, 400, 7);
        var b = MicroBootstrap.LocationQuotients(f.RegionOfFirm, f.SectorOfFirm, f.Weight, R, S, share, 400, 7);
        Assert.Equal(a.Lower, b.Lower);
        Assert.Equal(a.Upper, b.Upper);
        for (int c = 0; c < R * S; c++)
        {
            if (a.Reason[c] != UndefinedReason.None) continue;
            Assert.InRange(a.Estimate[c], a.Lower[c], a.Upper[c]);
            Assert.Equal(a.Firms[c] >= 10, a.Reliable[c]);
        }
        // firm counts are the cells' firms
        Assert.Equal(f.Count, a.Firms.Sum());

        var f1 = Firms(seed + 1000, R, S);
        var g = MicroBootstrap.Growth(f, f1, R, S, 400, 9, minFirms: 15);
        for (int c = 0; c < R * S; c++)
        {
            if (g.Reason[c] != UndefinedReason.None) { Assert.True(double.IsNaN(g.Estimate[c])); continue; }
            Assert.InRange(g.Estimate[c], g.Lower[c], g.Upper[c]);
            Assert.Equal(g.Firms[c] >= 15, g.Reliable[c]);
        }
    }

    [Fact]
    public void Bootstrap_of_identical_firms_has_no_spread_in_the_cell_share()
    {
        // one region, two sectors, every firm weighs 10: resampling cannot change any sum, so LQ bounds = estimate.
        // LQ of sector 0 = (30/50)/0.5 = 1.2 against equal benchmark shares
        var region = new int[5];
        var sector = new[] { 0, 0, 0, 1, 1 };
        var weight = Enumerable.Repeat(10.0, 5).ToArray();
        var r = MicroBootstrap.LocationQuotients(region, sector, weight, 1, 2, new[] { 0.5, 0.5 }, 50, 1, minFirms: 3);
        Assert.Equal(1.2, r.Estimate[0], 12);
        Assert.Equal(1.2, r.Lower[0], 12);
        Assert.Equal(1.2, r.Upper[0], 12);
        Assert.True(r.Reliable[0]);
        Assert.False(r.Reliable[1]); // 2 firms < 3
    }

    [Fact]
    public void Suite_uses_the_bootstrap_when_firms_are_given()
    {
        int R = 4, S = 5;
        var f0 = Firms(31, R, S);
        var f1 = Firms(32, R, S);
        double[,] Sum(FirmSample f)
        {
            var m = new double[R, S];
            for (int i = 0; i < f.Count; i++) m[f.RegionOfFirm[i], f.SectorOfFirm[i]] += f.Weight[i];
            return m;
        }
        var panel = PanelFactory.Build(new[] { 2020, 2021 }, new[] { Sum(f0), Sum(f1) });
        var table = IndicatorSuite.Compute(panel, new IndicatorOptions
        { Year = 2021, BaseYear = 2020, FirmsBaseYear = f0, FirmsYear = f1, BootstrapDraws = 300, Seed = 3 });
        int n = 0;
        for (int i = 0; i < table.RowCount; i++)
        {
            if (table.Indicator[i] != IndicatorIds.Lq || double.IsNaN(table.Value[i])) continue;
            Assert.InRange(table.Value[i], table.Lower[i], table.Upper[i]);
            Assert.False(double.IsNaN(table.Firms[i]));
            Assert.Equal(table.Firms[i] >= 10, table.Reliable[i]);
            n++;
        }
        Assert.Equal(R * S, n + table.UndefinedCount(IndicatorIds.Lq));
    }

    [Fact]
    public void Quantile_follows_R_type_7()
    {
        // R: quantile(c(1, 2, 3, 4, 10), c(0.05, 0.95)) = 1.2, 8.8
        var x = new double[] { 1, 2, 3, 4, 10 };
        Assert.Equal(1.2, Quantiles.Type7Sorted(x, 0.05), 12);
        Assert.Equal(8.8, Quantiles.Type7Sorted(x, 0.95), 12);
    }
}
