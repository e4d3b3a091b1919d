using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Procurement;

namespace CompeteModel.Tests.Procurement;

/// <summary>Capacity from BRES and the WMCA retrofit scenario on the shipped data.</summary>
public class ScenarioTests
{
    private static readonly Lazy<RegionalCapacity> Wmca = new(() => Sample.Data.Value.Capacity(Sample.Data.Value.Geography.Resolve("wmca")));

    [Fact]
    public void Capacity_of_specialised_construction_in_wmca_matches_the_published_cells()
    {
        // BRES ITL2 × division file, UKG3 (= WMCA), 2021: division 43 = 24,000 (2015: 37,000); all UKG3
        // divisions sum to 1,307,455; GB division 43 = 861,000 of 31,341,585.
        // LQ = (24,000 / 1,307,455) / (861,000 / 31,341,585) = 0.018356 / 0.027472 = 0.66819.
        // Rounding: 5,000+ to the nearest 1,000, so 23,500–24,500 → LQ 0.65427–0.68211.
        // Growth = (24,000 / 37,000)^(1/6) − 1 = −0.06960.
        var d = Wmca.Value.Get("43")!;
        Assert.Equal(2021, Wmca.Value.Year);
        Assert.Equal(24_000, d.Employment);
        Assert.Equal(23_500, d.EmploymentLower);
        Assert.Equal(24_500, d.EmploymentUpper);
        Assert.Equal(24_000.0 / 1_307_455 / (861_000.0 / 31_341_585), d.LocationQuotient, 12);
        Assert.Equal(0.66819, d.LocationQuotient, 5);
        Assert.Equal(23_500.0 / 1_307_455 / (861_000.0 / 31_341_585), d.LqLower, 12);
        Assert.Equal(-0.06960, d.Growth, 5);
        Assert.True(d.LqReliable);
        Assert.Equal("Specialised construction activities", d.Name);
    }

    [Fact]
    public void Wmca_retrofit_scenario_names_the_supplying_sectors_with_their_local_capacity()
    {
        var data = Sample.Data.Value;
        var r = DemandScenario.Run(Sample.Classified, data.Geography.Resolve("wmca"), "heat_pumps_retrofit", Wmca.Value, new ScenarioOptions(2));
        // No WMCA buyer in the sample tags retrofit, so the mix comes from the three tagged processes of the
        // input: North Yorkshire framework (£75,000,000.59/yr, all 43), Oxford archetypes (£98,700, all 71),
        // Harrow solar canopy (£500,000: 2/3 to 43, 1/3 to 26). Total £75,599,300.59.
        Assert.Equal(0, r.RegionTaggedProcesses);
        Assert.Equal(0, r.ObservedAnnualGbp);
        Assert.Equal("all_input", r.MixSource);
        Assert.Equal(3, r.MixProcesses);
        Assert.Equal(["43", "26", "71"], r.Rows.Select(x => x.Division));
        double total = 75_000_000.594 + 98_700 + 500_000;
        Assert.Equal((75_000_000.594 + 500_000 * 2 / 3.0) / total, r.Rows[0].MixShare, 6);
        Assert.Equal(500_000 / 3.0 / total, r.Rows[1].MixShare, 6);
        Assert.Equal(98_700 / total, r.Rows[2].MixShare, 6);
        var c43 = r.Rows[0];
        Assert.Equal("Specialised construction activities", c43.Name);
        Assert.Equal(24_000, c43.Employment);
        Assert.Equal(1 - c43.LocationQuotient, c43.LeakageShare, 12);
        Assert.StartsWith("leaks: low LQ", c43.Assessment, StringComparison.Ordinal);
        Assert.Contains("shrinking", c43.Assessment, StringComparison.Ordinal);
        // Leakage rate = Σ w·(1 − min(1, LQ)) = 0.3315 with all three LQs below 1.
        Assert.Equal(r.Rows.Sum(x => x.MixShare * (1 - Math.Min(1, x.LocationQuotient))), r.LeakageRate, 12);
        Assert.Equal(0.3315, r.LeakageRate, 4);
        Assert.True(r.LeakageRateLower <= r.LeakageRate && r.LeakageRate <= r.LeakageRateUpper);
        Assert.Equal(r.LeakageRate * 1e6, r.Rows.Sum(x => x.LeakagePerMillion), 6);
    }

    [Fact]
    public void A_given_baseline_is_scaled_and_the_leaked_demand_follows_the_rate()
    {
        var data = Sample.Data.Value;
        var r = DemandScenario.Run(Sample.Classified, data.Geography.Resolve("wmca"), "heat_pumps_retrofit", Wmca.Value,
            new ScenarioOptions(Uplift: 2, BaselineAnnualGbp: 10_000_000));
        Assert.Equal("given", r.BaselineSource);
        Assert.Equal(20_000_000, r.ScenarioAnnualGbp);
        Assert.Equal(10_000_000, r.AddedAnnualGbp);
        Assert.Equal(r.LeakageRate * 20_000_000, r.Rows.Sum(x => x.LeakedDemandGbp), 3);
        // Added demand per local job in 43: £10m × w43 / 24,000.
        Assert.Equal(10_000_000 * r.Rows[0].MixShare / 24_000, r.Rows[0].AddedDemandPerJob, 6);
    }

    [Fact]
    public void The_mix_comes_from_the_region_when_its_buyers_tag_the_technology()
    {
        // Harrow's solar canopy is the only retrofit-tagged notice by a London buyer.
        var data = Sample.Data.Value;
        var london = data.Geography.Resolve("london");
        var r = DemandScenario.Run(Sample.Classified, london, "heat_pumps_retrofit", data.Capacity(london), new ScenarioOptions(3));
        Assert.Equal("region", r.MixSource);
        Assert.Equal(1, r.RegionTaggedProcesses);
        Assert.Equal(500_000, r.ObservedAnnualGbp);
        Assert.Equal(1_500_000, r.ScenarioAnnualGbp);
        Assert.Equal(["43", "26"], r.Rows.Select(x => x.Division));
        Assert.Equal(2 / 3.0, r.Rows[0].MixShare, 12);
    }

    [Fact]
    public void Bad_scenario_inputs_are_input_errors()
    {
        var data = Sample.Data.Value;
        var wmca = data.Geography.Resolve("wmca");
        Assert.Throws<InputException>(() => DemandScenario.Run(Sample.Classified, wmca, "quantum", Wmca.Value));
        Assert.Throws<InputException>(() => DemandScenario.Run(Sample.Classified, wmca, "heat_pumps_retrofit", Wmca.Value, new ScenarioOptions(-1)));
        // Cambridgeshire and Peterborough is part of ITL2 TLH1 (East Anglia), so ITL2 BRES cannot describe it.
        Assert.Throws<InputException>(() => data.Capacity(data.Geography.Resolve("cpca")));
    }

    [Fact]
    public void Wmca_profile_measures_demand_per_division()
    {
        var data = Sample.Data.Value;
        var rows = ProcurementProfile.Compute(Sample.Classified, data.Geography.Resolve("wmca"), Wmca.Value);
        // Division 70: only the WMCA rail reform process (£62,400 over 1.0704 years → £58,296.75/yr), half to 70.
        var d70 = rows.Single(r => r.Dimension == "sic_division" && r.Key == "70");
        Assert.Equal(1, d70.Processes);
        Assert.Equal(31_200, d70.ValueGbp, 6);
        Assert.Equal(62_400 / (Sample.ByOcid("cd4a7deef849").Process.Years) / 2, d70.AnnualValueGbp, 6);
        Assert.Equal(1.0, d70.SmeShare);
        Assert.True(double.IsNaN(d70.LocalSupplierShare)); // Grant Thornton's address names no district: unknown, not 0
        Assert.Equal(d70.AnnualValueGbp / d70.Employment, d70.DemandIntensity, 12);
        // Division 87 gets the two Dudley services (£150,000 and £60,000 a year, 0.5833 each) and the
        // University of Birmingham's occupational health (£60,000/yr × 0.25).
        var d87 = rows.Single(r => r.Key == "87");
        Assert.Equal(3, d87.Processes);
        Assert.Equal((150_000 + 60_000) * 1.75 / 3 + 60_000.00047532132 * 0.25, d87.AnnualValueGbp, 3);
        Assert.DoesNotContain(rows, r => r.Dimension == "technology");
    }
}
