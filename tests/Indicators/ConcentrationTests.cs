using CompeteModel.Engine.Indicators;
using CompeteModel.Engine.Ingest;
using CompeteModel.Engine.Panels;

namespace CompeteModel.Tests.Indicators;

public class ConcentrationTests
{
    [Fact]
    public void Locational_Gini_reproduces_REAT_gini_spec_examples()
    {
        // REAT gini.spec documentation: Farhauer/Kröll example = 0.6222222
        Assert.Equal(0.6222222, Concentration.LocationalGini(new double[] { 700, 600, 500, 10000, 40000 },
            new double[] { 30000, 15000, 10000, 60000, 50000 }), 7);
    }

    [Fact]
    public void Freiburg_2014_against_Germany()
    {
        var panel = LongTablePanel.FromTable(ReferenceData.FreiburgLong(), "region", "sector", "year", "value", new RowAccount("Freiburg"));
        var table = IndicatorSuite.Compute(panel, new IndicatorOptions
        { Year = 2014, BaseYear = 2008, Benchmark = BenchmarkConvention.NamedRegion, BenchmarkRegion = "Germany" });
        // REAT gini.spec(Freiburg$e_Freiburg2014, Freiburg$e_Germany2014) = 0.2089009 (published)
        Assert.Equal(0.2089009, table.Get("Freiburg", "*", IndicatorIds.Gini), 7);
        // Hand: Freiburg 2014 total 114,429, Germany 29,924,479. Sector B–E: (12,121/114,429)/(7,155,807/29,924,479) = 0.4429659334
        Assert.Equal(0.44296593341075235, table.Get("Freiburg", "Produzierendes Gewerbe ohne Baugewerbe (B-E)", IndicatorIds.Lq), 1e-9);
        // Shift-share 2008–2014 (hand, sums over the 9 sectors): X0 = 100,056, X1 = 114,429 (change 14,373);
        // g_N = 29,924,479/27,233,349 − 1 = 0.0988174462; national = 100,056·g_N = 9,887.2784;
        // mix = 2,501.6119; regional = 14,373 − 9,887.2784 − 2,501.6119 = 1,984.1097; homothetic 343.7869, allocation 1,640.3229.
        Assert.Equal(9887.278398260894, table.Get("Freiburg", "*", IndicatorIds.SsNational), 1e-6);
        Assert.Equal(2501.6118784161017, table.Get("Freiburg", "*", IndicatorIds.SsIndustryMix), 1e-6);
        Assert.Equal(1984.109723323004, table.Get("Freiburg", "*", IndicatorIds.SsRegional), 1e-6);
        Assert.Equal(343.7868514100011, table.Get("Freiburg", "*", IndicatorIds.EmHomothetic), 1e-6);
        Assert.Equal(1640.322871913003, table.Get("Freiburg", "*", IndicatorIds.EmAllocation), 1e-6);
        // growth 114,429/100,056 − 1; REAT's Freiburg.csv column e_g_Freiburg_0814 for B–E: −6.7902183943402 %
        Assert.Equal(114429.0 / 100056 - 1, table.Get("Freiburg", "*", IndicatorIds.Growth), 1e-12);
        Assert.Equal(-6.7902183943402, 100 * table.Get("Freiburg", "Produzierendes Gewerbe ohne Baugewerbe (B-E)", IndicatorIds.Growth), 1e-10);
    }

    [Fact]
    public void Goettingen_2017_Krugman_and_Gini_match_REAT()
    {
        var table = IndicatorSuite.Compute(ReferenceData.Goettingen(), new IndicatorOptions
        { Year = 2017, BaseYear = 2008, Benchmark = BenchmarkConvention.NamedRegion, BenchmarkRegion = "BRD" });
        // REAT documentation: krugman.spec(Goettingen2017[2:16], BRD2017[2:16]) = 0.4508469; gini.spec(...) = 0.359852
        Assert.Equal(0.4508469, table.Get("Goettingen", "*", IndicatorIds.Krugman), 7);
        Assert.Equal(0.359852, table.Get("Goettingen", "*", IndicatorIds.Gini), 6);
        Assert.Equal(0.4508469 / 2, table.Get("Goettingen", "*", IndicatorIds.Hoover), 7);
        Assert.Equal(0.4508469 / 2, table.Get("Goettingen", "*", IndicatorIds.SpecialisationCoefficient), 7);
    }

    [Fact]
    public void Herfindahl_reproduces_REAT_herf_and_entropy_is_hand_worked()
    {
        // REAT herf documentation (Dörsam 2004): sales 20, 50, 20, 10 → HHI 0.34, standardised 0.12
        var sales = new double[] { 20, 50, 20, 10 };
        Assert.Equal(0.34, Concentration.Herfindahl(sales), 12);
        Assert.Equal(0.12, Concentration.HerfindahlNormalised(sales), 12);
        // shares ½, ¼, ¼: −(½ ln ½ + 2·¼ ln ¼) = ½ ln 2 + ln 2 = 1.5 ln 2; a zero sector adds nothing
        Assert.Equal(1.5 * Math.Log(2), Concentration.Entropy(new double[] { 2, 1, 1, 0 }), 12);
        // hand Krugman: region (½, ½, 0) vs benchmark (¼, ¼, ½): ¼ + ¼ + ½ = 1
        Assert.Equal(1.0, Concentration.Krugman(new double[] { 5, 5, 0 }, new double[] { 1, 1, 2 }), 12);
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    public void Hoover_lies_in_0_1_and_normalised_Herfindahl_too_on_random_panels(int seed)
    {
        var v = PanelFactory.Random(seed, 2, 10, 25);
        var table = IndicatorSuite.Compute(PanelFactory.Build(new[] { 2000, 2001 }, v), new IndicatorOptions { Year = 2001, BaseYear = 2000 });
        for (int r = 1; r <= 10; r++)
        {
            double h = table.Get($"R{r}", "*", IndicatorIds.Hoover);
            Assert.InRange(h, 0, 1);
            Assert.InRange(table.Get($"R{r}", "*", IndicatorIds.HerfindahlNormalised), 0, 1);
            Assert.InRange(table.Get($"R{r}", "*", IndicatorIds.Gini), 0, 1);
            Assert.InRange(table.Get($"R{r}", "*", IndicatorIds.Entropy), 0, Math.Log(25));
        }
    }
}
