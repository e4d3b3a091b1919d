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
        var r = DemandScenario.Run(Sample.Classified, data.Geography.Resolve("wmca"), "heat_pumps_retrofit", Wmca.Value,
            new ScenarioOptions(2, Method: LocalSupplyMethod.Slq));
        // No WMCA buyer in the sample tags retrofit, so the mix comes from the tagged spend of the input: Oxford
        // archetypes (£98,700, all 71) and Harrow solar canopy (£500,000: 2/3 to 43, 1/3 to 26). The North
        // Yorkshire retrofit framework (£300m) is a ceiling, so it weighs nothing. Total £598,700.
        Assert.Equal(0, r.RegionTaggedProcesses);
        Assert.Equal(0, r.ObservedAnnualGbp);
        Assert.Equal("all_input", r.MixSource);
        Assert.Equal(2, r.MixProcesses);
        Assert.Equal(["43", "26", "71"], r.Rows.Select(x => x.Division));
        double total = 98_700 + 500_000;
        Assert.Equal(500_000 * 2 / 3.0 / total, r.Rows[0].MixShare, 12);
        Assert.Equal(500_000 / 3.0 / total, r.Rows[1].MixShare, 12);
        Assert.Equal(98_700 / total, r.Rows[2].MixShare, 12);
        var c43 = r.Rows[0];
        Assert.Equal("Specialised construction activities", c43.Name);
        Assert.Equal(24_000, c43.Employment);
        Assert.Equal(1 - c43.LocationQuotient, c43.LeakageShare, 12);
        Assert.StartsWith("leaks: low LQ", c43.Assessment, StringComparison.Ordinal);
        Assert.Contains("shrinking", c43.Assessment, StringComparison.Ordinal);
        // SLQ leakage rate = Σ w·(1 − min(1, LQ)) with all three LQs below 1.
        Assert.Equal(r.Rows.Sum(x => x.MixShare * (1 - Math.Min(1, x.LocationQuotient))), r.LeakageRate, 12);
        Assert.True(r.LeakageRateLower <= r.LeakageRate && r.LeakageRate <= r.LeakageRateUpper);
        Assert.Equal(r.LeakageRate * 1e6, r.Rows.Sum(x => x.LeakagePerMillion), 6);
    }

    [Fact]
    public void Flq_scales_every_quotient_by_lambda_and_leaks_more_than_the_slq()
    {
        // Flegg, Webber & Elliott (1995): λ* = [log2(1 + E_R/E_N)]^δ. WMCA (UKG3) 2021: E_R = 1,307,455 of
        // E_N = 31,341,585 (the capacity test's totals); E_R/E_N = 0.0417166; log2(1.0417166) = 0.0589627;
        // 0.0589627^0.3 = exp(0.3 × ln 0.0589627) = exp(0.3 × −2.830853) = exp(−0.849256) = 0.427730.
        Assert.Equal(1_307_455, Wmca.Value.RegionEmployment);
        Assert.Equal(31_341_585, Wmca.Value.BenchmarkEmployment);
        double lambda = LocalSupply.FlqLambda(1_307_455, 31_341_585, 0.3);
        Assert.Equal(Math.Pow(Math.Log2(1 + 1_307_455.0 / 31_341_585), 0.3), lambda, 15);
        Assert.Equal(0.42773, lambda, 5);
        Assert.Equal(1.0, LocalSupply.FlqLambda(1_307_455, 31_341_585, 0), 15); // δ = 0 is the SLQ
        Assert.True(double.IsNaN(LocalSupply.FlqLambda(1_307_455, 31_341_585, 1)));
        Assert.Equal(1.0, LocalSupply.Share(2.5));
        Assert.True(double.IsNaN(LocalSupply.Share(double.NaN)));

        var data = Sample.Data.Value;
        var wmca = data.Geography.Resolve("wmca");
        var opts = new ScenarioOptions(Uplift: 2, BaselineAnnualGbp: 1_000_000);
        var flq = DemandScenario.Run(Sample.Classified, wmca, "heat_pumps_retrofit", Wmca.Value, opts, data.GvaPerJobOf(Wmca.Value));
        var slq = DemandScenario.Run(Sample.Classified, wmca, "heat_pumps_retrofit", Wmca.Value, opts with { Method = LocalSupplyMethod.Slq });
        Assert.Equal(LocalSupplyMethod.Flq, flq.Method);
        Assert.Equal(0.3, flq.FlqDelta);
        Assert.Equal(lambda, flq.FlqLambda, 15);
        var c43 = flq.Rows[0];
        // 43: SLQ 0.668194 × 0.427730 = 0.285808 → local share 0.2858, leakage 0.7142.
        Assert.Equal(c43.LocationQuotient * lambda, c43.LocalSupplyQuotient, 12);
        Assert.Equal(0.28581, c43.LocalSupplyShare, 5);
        Assert.StartsWith("leaks: low FLQ", c43.Assessment, StringComparison.Ordinal);
        Assert.True(flq.LeakageRate > slq.LeakageRate);
        // Local + leaked = scenario demand (£2m) when every division has a published LQ.
        Assert.Equal(2_000_000, flq.LocalDemandGbp + flq.LeakedDemandGbp, 6);
        Assert.Equal(flq.Rows.Sum(x => x.LocalDemandGbp), flq.LocalDemandGbp, 6);
        // Jobs supported = local demand / GVA per job. Division 43 in UKG3, 2021: GVA £1,811m (ONS regional GVA,
        // current prices, row "43") over 24,000 BRES jobs = £75,458.33 per job.
        Assert.Equal("43", c43.GvaRow);
        Assert.Equal(1_811e6 / 24_000, c43.GvaPerJobGbp, 6);
        Assert.Equal(c43.LocalDemandGbp / c43.GvaPerJobGbp, c43.JobsSupported, 9);
        Assert.Equal(flq.Rows.Sum(x => x.JobsSupported), flq.JobsSupported, 9);
        Assert.Equal(flq.JobsSupported / 2, flq.AddedJobsSupported, 9); // uplift 2: added = half the scenario
        Assert.True(double.IsNaN(slq.JobsSupported)); // no GVA per job given: unknown, not zero
        Assert.Throws<InputException>(() => DemandScenario.Run(Sample.Classified, wmca, "heat_pumps_retrofit", Wmca.Value, opts with { FlqDelta = 1 }));
    }

    [Fact]
    public void Framework_ceilings_are_kept_apart_from_spend()
    {
        // North Yorkshire's "Building Retrofit & Refurbishment/Improvement Works Framework" (£300m) and Places for
        // People's "Repairs and Planned Works Framework" (£175m award) set ceilings; ESPO's "Renewal of a national
        // framework" (£400m) too. Contracts and call-offs are spend.
        var ny = Sample.ByOcid("e4326f08d2cc").Process;
        Assert.Equal(ProcurementArrangement.FrameworkAgreement, ny.Arrangement);
        Assert.Equal(300_000_000, ny.CeilingGbp);
        Assert.True(ny.IsCeiling);
        Assert.Equal(ProcurementArrangement.FrameworkAgreement, Sample.ByOcid("c5d1578e412f").Process.Arrangement);
        Assert.Equal(ProcurementArrangement.FrameworkAgreement, Sample.ByOcid("443a0af1ba82").Process.Arrangement);
        Assert.Equal(ProcurementArrangement.DynamicPurchasingSystem, Sample.ByOcid("0019b9f3037b").Process.Arrangement);
        Assert.Equal(ProcurementArrangement.DynamicPurchasingSystem, Sample.ByOcid("bcc569de6670").Process.Arrangement);
        // "Call-off from a framework agreement" in the method details; "awarded via framework agreement" in the text.
        var lq = Sample.ByOcid("59cd1edbe302").Process;
        Assert.Equal(ProcurementArrangement.CallOff, lq.Arrangement);
        Assert.Equal("method: Call-off from a framework agreement", lq.ArrangementEvidence);
        Assert.True(double.IsNaN(lq.CeilingGbp));
        Assert.Equal(ProcurementArrangement.CallOff, Sample.ByOcid("5aad5ca0ab5e").Process.Arrangement);
        Assert.Equal(ProcurementArrangement.Contract, Sample.ByOcid("9498ba7e9f16").Process.Arrangement);
        var counts = Sample.Classified.GroupBy(p => p.Process.Arrangement).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(171, counts.Values.Sum());
        Assert.Equal(ExpectedArrangements, counts.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}={kv.Value}"));

        // York and North Yorkshire's profile: the framework's ceiling is reported, never added to demand.
        var data = Sample.Data.Value;
        var ynyca = data.Geography.Resolve("ynyca");
        var rows = ProcurementProfile.Compute(Sample.Classified, ynyca, null, data.TechnologyNames);
        var retrofit = rows.Single(r => r.Dimension == "technology" && r.Key == "heat_pumps_retrofit");
        Assert.Equal(0, retrofit.Processes);
        Assert.Equal(0, retrofit.AnnualValueGbp);
        Assert.Equal(1, retrofit.CeilingProcesses);
        Assert.Equal(300_000_000, retrofit.CeilingGbp);
    }

    private static readonly string[] ExpectedArrangements = ["Contract=115", "CallOff=46", "FrameworkAgreement=8", "DynamicPurchasingSystem=2"];

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
