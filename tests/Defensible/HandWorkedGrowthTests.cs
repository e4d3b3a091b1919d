namespace CompeteModel.Tests.Defensible;

/// <summary>
/// The growth pillar and the location quotient of the default run, worked by hand for one sector from the published cells: division 29 (motor
/// vehicles) in the West Midlands Combined Authority (ITL2 TLG3, "UKG3" in the NOMIS file) against Great Britain,
/// base 2015, end 2021, three-year endpoint windows (spec <c>growth.endpoint_years: 3</c>), so the windows' midpoints are
/// 2016 and 2020 and the span is 4 years (docs/METHODS.md "Growth between endpoint windows").
/// Sources, as shipped: datasets/uk/bres_itl2_sic5_employment_2015_2021.csv.gz (ONS BRES via NOMIS, the six
/// subclasses 29100–29320 summed) and datasets/uk/ons_gva_cvm_itl2.csv.gz (ONS regional GVA, chained volume, £ million,
/// industry "29"; Great Britain is the sum of its 41 ITL2 areas, Northern Ireland's TLN0 left out).
/// </summary>
public sealed class HandWorkedGrowthTests(DefensibleRunsFixture runs) : IClassFixture<DefensibleRunsFixture>
{
    // BRES employment, division 29, published counts summed over the six subclasses
    private static readonly double[] JobsWm = [29060, 31025, 27955, 28265, 29215, 27370, 28075];
    private static readonly double[] JobsGb = [154745, 161510, 154315, 167690, 160035, 164265, 161760];

    // The same cells' rounding intervals (relaxed rule: ± half the rounding base of each published count, summed)
    private static readonly double[] JobsWmLower = [27982.5, 29947.5, 26877.5, 27162.5, 28137.5, 26267.5, 26912.5];
    private static readonly double[] JobsWmUpper = [30137.5, 32102.5, 29032.5, 29367.5, 30292.5, 28472.5, 29237.5];

    // ONS regional GVA, chained volume measures (£ million, 2019 prices), industry 29
    private static readonly double[] GvaWm = [4757, 4542, 4454, 3972, 3083, 2469, 2607];
    private static readonly double[] GvaGb = [19924, 18394, 18840, 18009, 16090, 12821, 13264];

    private static double Base(double[] x) => (x[0] + x[1] + x[2]) / 3; // mean of 2015, 2016, 2017
    private static double End(double[] x) => (x[4] + x[5] + x[6]) / 3;  // mean of 2019, 2020, 2021
    private static double Rate(double from, double to) => Math.Pow(to / from, 1.0 / 4) - 1;

    private double Value(string column, string sector = "29")
    {
        var m = runs.Wmca.Matrix;
        return m[m.RowOf(sector), m.ColumnOf(column)];
    }

    private double Bound(double[] band, string column, string sector = "29")
    {
        var m = runs.Wmca.Matrix;
        return band[m.RowOf(sector) * m.IndicatorCount + m.ColumnOf(column)];
    }

    [Fact]
    public void GrowthDifferential_OfMotorVehicles_IsTheWindowedRateOfTheRegionMinusThatOfGreatBritain()
    {
        // WMCA: 29,346.67 jobs (2015–17) → 28,220.00 (2019–21): −0.97 % a year; GB: 156,856.67 → 161,353.33: +0.71 % a year
        double expected = Rate(Base(JobsWm), End(JobsWm)) - Rate(Base(JobsGb), End(JobsGb));
        Assert.Equal(-0.017868973350858686, expected, 15);
        Assert.Equal(expected, Value("growth_differential"), 12);
        Assert.False(runs.Wmca.JumpYears.ContainsKey("29")); // no damping moved it
    }

    [Fact]
    public void GrowthDifferentialBounds_PairTheLowerEndWindowWithTheUpperBaseWindow_AndTheReverse()
    {
        double gb = Rate(Base(JobsGb), End(JobsGb));
        double lower = Rate(Base(JobsWmUpper), End(JobsWmLower)) - gb;
        double upper = Rate(Base(JobsWmLower), End(JobsWmUpper)) - gb;
        Assert.Equal(lower, Bound(runs.Wmca.Uncertainty.Lower!, "growth_differential"), 12);
        Assert.Equal(upper, Bound(runs.Wmca.Uncertainty.Upper!, "growth_differential"), 12);
        Assert.InRange(Value("growth_differential"), lower, upper);
        // ±2 to 3 points a year: the rounding of six published cells is not small beside a 1.8-point gap
        Assert.Equal(-0.03658896199418671, lower, 12);
        Assert.Equal(0.0011584752783080354, upper, 12);
    }

    [Fact]
    public void ProductivityGrowth_OfMotorVehicles_IsTheWindowedRateOfRealGvaPerJobMinusThatOfGreatBritain()
    {
        // WMCA real GVA per job: £156,213 (2015–17) → £96,374 (2019–21): −11.4 % a year; GB: £121,465 → £86,769: −8.1 %
        double region = Rate(Base(GvaWm) / Base(JobsWm), End(GvaWm) / End(JobsWm));
        double gb = Rate(Base(GvaGb) / Base(JobsGb), End(GvaGb) / End(JobsGb));
        Assert.Equal(-0.11374170102247272, region, 12);
        Assert.Equal(-0.0806558746738566, gb, 12);
        Assert.Equal(region - gb, Value("productivity_growth"), 12);
    }

    [Fact]
    public void LocationQuotient_OfMotorVehicles_IsTheRegionsShareOverGreatBritainsShare_InTheEndYear()
    {
        // 2021: WMCA 28,075 of 1,304,965 jobs (all published subclass cells of TLG3); GB 161,760 of 31,366,000
        double expected = 28075.0 / 1304965 / (161760.0 / 31366000);
        Assert.Equal(4.171659960122704, expected, 12);
        Assert.Equal(expected, Value("lq"), 12);
        Assert.Equal(28075, Value("employment"));
    }
}
