using CompeteModel.Engine.Indicators;

namespace CompeteModel.Tests.Indicators;

public class SpecialisationTests
{
    // Hand-worked 5 × 5 matrix. Every region totals 200; sector totals (the all-regions benchmark) are
    // 100, 200, 200, 250, 250, B[·] = 1000. So LQ[r,s] = (x/200)/(b_s/1000) = 5x/b_s:
    //   R1: 20 10 60 50 60  -> 5·20/100 = 1, 5·10/200 = 0.25, 5·60/200 = 1.5, 5·50/250 = 1, 5·60/250 = 1.2
    //   R2: 50 30 20 40 60  -> 2.5, 0.75, 0.5, 0.8, 1.2
    //   R3:  0 100 40 10 50 -> 0, 2.5, 1, 0.2, 1
    //   R4: 10 20 70 80 20  -> 0.5, 0.5, 1.75, 1.6, 0.4
    //   R5: 20 40 10 70 60  -> 1, 1, 0.25, 1.4, 1.2
    internal static readonly double[,] Matrix =
    {
        { 20, 10, 60, 50, 60 },
        { 50, 30, 20, 40, 60 },
        { 0, 100, 40, 10, 50 },
        { 10, 20, 70, 80, 20 },
        { 20, 40, 10, 70, 60 },
    };

    internal static readonly double[,] Expected =
    {
        { 1, 0.25, 1.5, 1, 1.2 },
        { 2.5, 0.75, 0.5, 0.8, 1.2 },
        { 0, 2.5, 1, 0.2, 1 },
        { 0.5, 0.5, 1.75, 1.6, 0.4 },
        { 1, 1, 0.25, 1.4, 1.2 },
    };

    private static double[] Flat(double[,] m) => m.Cast<double>().ToArray();

    [Fact]
    public void Hand_worked_5x5_location_quotients_with_exact_ones()
    {
        var x = Flat(Matrix);
        var bench = new double[5];
        for (int s = 0; s < 5; s++) for (int r = 0; r < 5; r++) bench[s] += Matrix[r, s];
        var lq = new double[25];
        var why = new UndefinedReason[25];
        Specialisation.LocationQuotients(x, 5, 5, bench, lq, why);
        var expected = Flat(Expected);
        for (int i = 0; i < 25; i++) Assert.Equal(expected[i], lq[i], 1e-12);
        // the ones are exactly 1 (x·B and X·b are equal integers), so they count as present
        Assert.Equal(1.0, lq[0]);
        Assert.Equal(1.0, lq[3]);
        Assert.Equal(1.0, lq[2 * 5 + 2]);
        Assert.All(why, w => Assert.Equal(UndefinedReason.None, w));

        var m = new double[25];
        Specialisation.Presence(lq, 1.0, m);
        Assert.Equal(1, m[0]);
        Assert.Equal(1, m[2 * 5 + 4]);
        Assert.Equal(0, m[1]);
        var diversity = new double[5];
        var ubiquity = new double[5];
        Specialisation.Diversity(m, 5, 5, diversity);
        Specialisation.Ubiquity(m, 5, 5, ubiquity);
        // LQ ≥ 1 counted from the table above
        Assert.Equal(new double[] { 4, 2, 3, 2, 4 }, diversity);
        Assert.Equal(new double[] { 3, 2, 3, 3, 4 }, ubiquity);
    }

    [Fact]
    public void Suite_reports_the_same_matrix_with_present_rows()
    {
        var panel = PanelFactory.Build(new[] { 2020, 2021 }, new[] { Matrix, Matrix });
        var table = IndicatorSuite.Compute(panel, new IndicatorOptions { Year = 2021, BaseYear = 2020 });
        Assert.Equal(1.0, table.Get("R3", "S3", IndicatorIds.Lq));
        Assert.Equal(1.0, table.Get("R3", "S3", IndicatorIds.Present));
        Assert.Equal(0.0, table.Get("R3", "S4", IndicatorIds.Present));
        Assert.Equal(2.5, table.Get("R2", "S1", IndicatorIds.Lq), 1e-12);
        // exact data: the rounding bounds collapse onto the value
        int row = table.Find("R2", "S1", IndicatorIds.Lq);
        Assert.Equal(2.5, table.Lower[row], 1e-12);
        Assert.Equal(2.5, table.Upper[row], 1e-12);
    }

    [Fact]
    public void Published_REAT_location_quotient()
    {
        // REAT locq example (Farhauer and Kröll 2013): locq(1714, 79006, 879213, 15593224) = 0.3847623
        double lq = Specialisation.LocationQuotient(1714, 79006, 879213, 15593224, out var why);
        Assert.Equal(UndefinedReason.None, why);
        Assert.Equal(0.3847623, lq, 7);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Benchmark_weighted_LQs_sum_to_one_per_region(int seed)
    {
        // Σ_s (B[s]/B[·]) · LQ[r,s] = Σ_s X[r,s]/X[r,·] = 1 for every region with a nonzero total
        var v = PanelFactory.Random(seed, 1, 12, 30)[0];
        var x = Flat(v);
        var bench = new double[30];
        for (int s = 0; s < 30; s++) for (int r = 0; r < 12; r++) bench[s] += v[r, s];
        double bt = bench.Sum();
        var lq = new double[x.Length];
        var why = new UndefinedReason[x.Length];
        Specialisation.LocationQuotients(x, 12, 30, bench, lq, why);
        for (int r = 0; r < 12; r++)
        {
            double sum = 0;
            for (int s = 0; s < 30; s++) sum += bench[s] / bt * lq[r * 30 + s];
            Assert.Equal(1.0, sum, 1e-9);
        }
    }

    [Fact]
    public void Zero_denominators_give_NaN_with_a_reason_and_are_counted()
    {
        var nan = double.NaN;
        // R2 has a zero total; S3 is zero everywhere (zero benchmark); R1·S4 is unknown
        var m = new double[,] { { 5, 10, 0, nan }, { 0, 0, 0, 0 }, { 7, 3, 0, 4 } };
        var panel = PanelFactory.Build(new[] { 2019, 2020 }, new[] { m, m });
        var table = IndicatorSuite.Compute(panel, new IndicatorOptions { Year = 2020, BaseYear = 2019 });

        Assert.True(double.IsNaN(table.Get("R2", "S1", IndicatorIds.Lq)));
        Assert.Equal(UndefinedReason.ZeroRegionTotal, table.Reason[table.Find("R2", "S1", IndicatorIds.Lq)]);
        Assert.Equal(UndefinedReason.ZeroBenchmark, table.Reason[table.Find("R1", "S3", IndicatorIds.Lq)]);
        Assert.Equal(UndefinedReason.UnknownInput, table.Reason[table.Find("R1", "S4", IndicatorIds.Lq)]);
        Assert.False(table.Reliable[table.Find("R1", "S4", IndicatorIds.Lq)]);
        Assert.True(double.IsNaN(table.Get("R1", "S4", IndicatorIds.Present)));
        // lq: R2 × 4 sectors zero total; S3 in R1 and R3 zero benchmark; R1·S4 unknown
        var counts = table.UndefinedCounts.Where(c => c.Indicator == IndicatorIds.Lq).ToDictionary(c => c.Reason, c => c.Count);
        Assert.Equal(4, counts[UndefinedReason.ZeroRegionTotal]);
        Assert.Equal(2, counts[UndefinedReason.ZeroBenchmark]);
        Assert.Equal(1, counts[UndefinedReason.UnknownInput]);
        Assert.Equal(7, table.UndefinedCount(IndicatorIds.Lq));
        // growth of an absent sector and concentration of an empty region
        Assert.Equal(UndefinedReason.AbsentInBaseYear, table.Reason[table.Find("R1", "S3", IndicatorIds.Growth)]);
        Assert.Equal(UndefinedReason.ZeroRegionTotal, table.Reason[table.Find("R2", "*", IndicatorIds.Hoover)]);
        Assert.Equal(UndefinedReason.ZeroRegionTotal, table.Reason[table.Find("R2", "*", IndicatorIds.Entropy)]);
    }

    [Fact]
    public void Named_benchmark_region_is_not_reported_and_peer_group_sums_its_members()
    {
        var panel = PanelFactory.Build(new[] { 2020, 2021 }, new[] { Matrix, Matrix });
        var named = IndicatorSuite.Compute(panel, new IndicatorOptions
        { Year = 2021, BaseYear = 2020, Benchmark = BenchmarkConvention.NamedRegion, BenchmarkRegion = "R2" });
        Assert.Equal(-1, named.Find("R2", "S1", IndicatorIds.Lq));
        // R1 against R2 alone: (20/200)/(50/200) = 0.4
        Assert.Equal(0.4, named.Get("R1", "S1", IndicatorIds.Lq), 1e-12);

        var peers = IndicatorSuite.Compute(panel, new IndicatorOptions
        { Year = 2021, BaseYear = 2020, Benchmark = BenchmarkConvention.PeerGroup, PeerRegions = new[] { "R2", "R3" } });
        // R1 S2 against R2+R3: (10/200)/((30+100)/400) = 0.05/0.325
        Assert.Equal(0.05 / 0.325, peers.Get("R1", "S2", IndicatorIds.Lq), 1e-12);
    }
}
