using CompeteModel.Engine.Indicators;

namespace CompeteModel.Tests.Indicators;

public class ShiftShareTests
{
    // REAT shift() example (Farhauer and Kröll 2013; METHODS.md; REAT documentation of shift):
    // region A t0 = (90, 20, 10, 60), t1 = (100, 40, 10, 55); nation t0 = (400, 150, 150, 400), t1 = (440, 210, 135, 480).
    private static readonly double[] A0 = { 90, 20, 10, 60 }, A1 = { 100, 40, 10, 55 };
    private static readonly double[] N0 = { 400, 150, 150, 400 }, N1 = { 440, 210, 135, 480 };

    [Fact]
    public void Dunn_reproduces_the_published_REAT_example()
    {
        var nat = new double[4]; var mix = new double[4]; var reg = new double[4]; var why = new UndefinedReason[4];
        ShiftShare.Dunn(A0, A1, N0, N1, nat, mix, reg, why);
        // published: growth 25, national share 27, industry mix 1, regional share −3
        Assert.Equal(27, nat.Sum(), 1e-9);
        Assert.Equal(1, mix.Sum(), 1e-9);
        Assert.Equal(-3, reg.Sum(), 1e-9);
        Assert.Equal(25, nat.Sum() + mix.Sum() + reg.Sum(), 1e-9);
        // hand: sector 2 has g_r = 1, g_N[2] = 0.4, g_N = 0.15: national 20·0.15 = 3, mix 20·0.25 = 5, regional 20·0.6 = 12
        Assert.Equal(3, nat[1], 1e-12);
        Assert.Equal(5, mix[1], 1e-12);
        Assert.Equal(12, reg[1], 1e-12);
    }

    [Fact]
    public void Esteban_Marquillas_reproduces_the_published_REAT_example()
    {
        // Homothetic employment Ĥ = X0[·]·N0[s]/N0[·] = 180·(400, 150, 150, 400)/1100 = (720, 270, 270, 720)/11.
        // Differentials g_r − g_N[s] = (1/90, 0.6, 0.1, −17/60).
        // Homothetic effect = (720/11)(1/90) + (270/11)(0.6) + (270/11)(0.1) + (720/11)(−17/60) = (8 + 162 + 27 − 204)/11 = −7/11.
        // Allocation = regional share − homothetic = −3 + 7/11 = −26/11. Published (REAT, 4 digits): −0.6364 and −2.3636.
        var hom = new double[4]; var alloc = new double[4]; var why = new UndefinedReason[4];
        ShiftShare.EstebanMarquillas(A0, A1, N0, N1, hom, alloc, why);
        Assert.Equal(-7.0 / 11, hom.Sum(), 1e-9);
        Assert.Equal(-26.0 / 11, alloc.Sum(), 1e-9);
        Assert.Equal(-0.6364, Math.Round(hom.Sum(), 4));
        Assert.Equal(-2.3636, Math.Round(alloc.Sum(), 4));
    }

    [Fact]
    public void Suite_gives_the_REAT_example_on_region_level_rows()
    {
        var t0 = new double[,] { { 90, 20, 10, 60 }, { 400, 150, 150, 400 } };
        var t1 = new double[,] { { 100, 40, 10, 55 }, { 440, 210, 135, 480 } };
        var panel = PanelFactory.Build(new[] { 2000, 2001 }, new[] { t0, t1 }, regionIds: new[] { "A", "Nation" });
        var table = IndicatorSuite.Compute(panel, new IndicatorOptions
        { Year = 2001, BaseYear = 2000, Benchmark = BenchmarkConvention.NamedRegion, BenchmarkRegion = "Nation" });
        Assert.Equal(27, table.Get("A", "*", IndicatorIds.SsNational), 1e-9);
        Assert.Equal(1, table.Get("A", "*", IndicatorIds.SsIndustryMix), 1e-9);
        Assert.Equal(-3, table.Get("A", "*", IndicatorIds.SsRegional), 1e-9);
        Assert.Equal(-7.0 / 11, table.Get("A", "*", IndicatorIds.EmHomothetic), 1e-9);
        Assert.Equal(-26.0 / 11, table.Get("A", "*", IndicatorIds.EmAllocation), 1e-9);
        // one step: the dynamic decomposition equals the classic one
        Assert.Equal(-3, table.Get("A", "*", IndicatorIds.SsDynamicRegional), 1e-9);
        // growth 25 of 180 over one year
        Assert.Equal(25.0 / 180, table.Get("A", "*", IndicatorIds.Growth), 1e-12);
    }

    [Fact]
    public void Goettingen_against_Germany_2008_to_2017()
    {
        // REAT Goettingen data, the 15 sections (the first row, the total A–R, excluded).
        // Hand computation (sums of the 15 rows): Göttingen X0 = 56,872 (2008), X1 = 67,283 (2017);
        // BRD N0 = 27,695,398, N1 = 32,164,973, g_N = N1/N0 − 1 = 0.16138330996...
        // national share = X0·g_N = 56,872 × 0.16138330996 = 9,178.1916;
        // industry mix = Σ X0[s](N1[s]/N0[s] − 1 − g_N) = 2,204.8202; regional = 10,411 − 9,178.1916 − 2,204.8202 = −972.0118.
        // Dynamic (nine year-on-year steps summed): 9,477.9287 / 2,165.9099 / −1,232.8387, also adding up to 10,411.
        var panel = ReferenceData.Goettingen();
        var table = IndicatorSuite.Compute(panel, new IndicatorOptions
        { Year = 2017, BaseYear = 2008, Benchmark = BenchmarkConvention.NamedRegion, BenchmarkRegion = "BRD" });
        Assert.Equal(9178.191604251359, table.Get("Goettingen", "*", IndicatorIds.SsNational), 1e-6);
        Assert.Equal(2204.8201509037226, table.Get("Goettingen", "*", IndicatorIds.SsIndustryMix), 1e-6);
        Assert.Equal(-972.0117551550813, table.Get("Goettingen", "*", IndicatorIds.SsRegional), 1e-6);
        Assert.Equal(9477.928733028106, table.Get("Goettingen", "*", IndicatorIds.SsDynamicNational), 1e-6);
        Assert.Equal(2165.909948732308, table.Get("Goettingen", "*", IndicatorIds.SsDynamicIndustryMix), 1e-6);
        Assert.Equal(-1232.8386817604214, table.Get("Goettingen", "*", IndicatorIds.SsDynamicRegional), 1e-6);
        // section C: 9,116 → 7,874: growth 7874/9116 − 1 = −0.136244; CAGR over 9 years (7874/9116)^(1/9) − 1 = −0.016142
        Assert.Equal(7874.0 / 9116 - 1, table.Get("Goettingen", "C", IndicatorIds.Growth), 1e-12);
        Assert.Equal(Math.Pow(7874.0 / 9116, 1.0 / 9) - 1, table.Get("Goettingen", "C", IndicatorIds.Cagr), 1e-12);
        // LQ of C in 2017: (7,874/67,283)/(6,797,172/32,164,973) = 0.5537898536
        Assert.Equal(0.5537898536113345, table.Get("Goettingen", "C", IndicatorIds.Lq), 1e-9);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Components_add_up_to_the_actual_change_on_random_panels(int seed)
    {
        int R = 6, S = 15, T = 5;
        var v = PanelFactory.Random(seed, T, R, S);
        var panel = PanelFactory.Build(Enumerable.Range(2010, T).ToArray(), v);
        var table = IndicatorSuite.Compute(panel, new IndicatorOptions { Year = 2014, BaseYear = 2010 });
        for (int r = 0; r < R; r++)
        {
            string id = $"R{r + 1}";
            double change = 0;
            for (int s = 0; s < S; s++)
            {
                string sc = $"S{s + 1}";
                double d = v[T - 1][r, s] - v[0][r, s];
                change += d;
                Assert.Equal(d, table.Get(id, sc, IndicatorIds.SsNational) + table.Get(id, sc, IndicatorIds.SsIndustryMix)
                    + table.Get(id, sc, IndicatorIds.SsRegional), 1e-9);
                Assert.Equal(d, table.Get(id, sc, IndicatorIds.SsDynamicNational) + table.Get(id, sc, IndicatorIds.SsDynamicIndustryMix)
                    + table.Get(id, sc, IndicatorIds.SsDynamicRegional), 1e-9);
                double hom = table.Get(id, sc, IndicatorIds.EmHomothetic);
                if (!double.IsNaN(hom))
                    Assert.Equal(table.Get(id, sc, IndicatorIds.SsRegional), hom + table.Get(id, sc, IndicatorIds.EmAllocation), 1e-9);
                else
                    Assert.Equal(0, v[0][r, s]); // only a sector absent in the base year has no homothetic effect
            }
            Assert.Equal(change, table.Get(id, "*", IndicatorIds.SsNational) + table.Get(id, "*", IndicatorIds.SsIndustryMix)
                + table.Get(id, "*", IndicatorIds.SsRegional), 1e-8);
            Assert.Equal(table.Get(id, "*", IndicatorIds.SsRegional),
                table.Get(id, "*", IndicatorIds.EmHomothetic) + table.Get(id, "*", IndicatorIds.EmAllocation), 1e-8);
        }
    }
}
