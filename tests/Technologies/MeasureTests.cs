using CompeteModel.Engine.Statistics;
using CompeteModel.Engine.Technologies;

namespace CompeteModel.Tests.Technologies;

/// <summary>
/// A hand-made micro file: regions A, B; sectors 29 (motor vehicles), 47 (retail); technologies lcv, ai.
/// 2021: A/29 10 {lcv}, A/29 20 {lcv,ai}, A/47 5 {}, A/47 5 {ai}, B/29 10 {}, B/47 20 {ai}, B/47 30 {}, B/47 NaN {lcv}.
/// 2019: A/29 10 {lcv}, B/47 5 {ai}, B/47 5 {ai}.
/// Region totals 2021: A 4 firms, 40 employees; B 4 firms, 60 known employees (one firm's employment unknown).
/// Tagged (firms; employment): A lcv 2;30, ai 2;25, any 3;35. B lcv 1;0 (its employment is unknown), ai 1;20, any 2;20.
/// </summary>
public class MeasureTests
{
    private const double Tol = 1e-12;
    private static readonly string[] Techs = ["lcv", "ai"];
    private const int Lcv = 0, Ai = 1, Any = 2, T = 3;
    private const int A = 0, B = 1, S29 = 0, S47 = 1;

    internal static TechnologyFirms Hand()
    {
        int[] region = [A, A, A, A, B, B, B, B, A, B, B];
        int[] sector = [S29, S29, S47, S47, S29, S47, S47, S47, S29, S47, S47];
        double[] emp = [10, 20, 5, 5, 10, 20, 30, double.NaN, 10, 5, 5];
        int[] year = [2021, 2021, 2021, 2021, 2021, 2021, 2021, 2021, 2019, 2019, 2019];
        ulong[] mask = [0b01, 0b11, 0, 0b10, 0, 0b10, 0, 0b01, 0b01, 0b10, 0b10];
        return new TechnologyFirms(region, sector, emp, year, mask, ["A", "B"], ["29", "47"], Techs);
    }

    private static readonly TechnologyProfile P =
        TechnologyProfileBuilder.Build(Hand(), new TechnologyProfileOptions(2021, BaseYear: 2019, Replicates: 100, Seed: 7));

    [Fact]
    public void Shares_of_firms_and_employment_match_hand_counts()
    {
        Assert.Equal(["lcv", "ai", "any"], P.TechnologyIds);
        Assert.Equal(1, P.FirmsWithoutEmployment);
        Assert.Equal([4.0, 4.0], P.Firms);
        Assert.Equal([40.0, 60.0], P.Employment);
        // Firm shares: A 2/4, 2/4, 3/4; B 1/4, 1/4, 2/4.
        Assert.Equal([0.5, 0.5, 0.75, 0.25, 0.25, 0.5], P.FirmShare);
        // Employment shares: A 30/40, 25/40, 35/40; B 0/60, 20/60, 20/60.
        double[] expected = [0.75, 0.625, 0.875, 0, 1.0 / 3, 1.0 / 3];
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], P.EmploymentShare[i], Tol);
    }

    [Fact]
    public void Technology_LQ_is_the_employment_share_over_the_all_region_share()
    {
        // Benchmark shares: lcv 30/100, ai 45/100, any 55/100.
        // A: 0.75/0.3 = 2.5; 0.625/0.45 = 25/18; 0.875/0.55 = 35/22.  B: 0; (1/3)/0.45 = 20/27; (1/3)/0.55 = 20/33.
        double[] expected = [2.5, 25.0 / 18, 35.0 / 22, 0, 20.0 / 27, 20.0 / 33];
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], P.Lq[i], Tol);
        // Undefined, not zero, where the benchmark share is 0.
        var lq = TechnologyMeasures.LocationQuotients(new double[] { 0, 0 }, new double[] { 5, 5 }, 1);
        Assert.True(double.IsNaN(lq[0]));
    }

    [Fact]
    public void Growth_of_tagged_firms_is_compound_annual_from_the_base_year()
    {
        // Tagged firms 2019 → 2021: A lcv 1 → 2: √2 − 1; A ai 0 → 2: undefined; A any 1 → 3: √3 − 1.
        // B lcv 0 → 1: undefined; B ai 2 → 1: √0.5 − 1; B any 2 → 2: 0.
        Assert.Equal(Math.Sqrt(2) - 1, P.TechGrowth(A, Lcv), Tol);
        Assert.True(double.IsNaN(P.TechGrowth(A, Ai)));
        Assert.Equal(Math.Sqrt(3) - 1, P.TechGrowth(A, Any), Tol);
        Assert.True(double.IsNaN(P.TechGrowth(B, Lcv)));
        Assert.Equal(Math.Sqrt(0.5) - 1, P.TechGrowth(B, Ai), Tol);
        Assert.Equal(0, P.TechGrowth(B, Any), Tol);
    }

    [Fact]
    public void Sector_intensity_and_its_LQ_match_hand_computation()
    {
        // A/29: lcv 30/30, ai 20/30; A/47: ai 5/10; B/47: ai 20/50, lcv 0/50 (the lcv firm's employment is unknown).
        Assert.Equal(1, P.TechIntensity(A, S29, Lcv), Tol);
        Assert.Equal(2.0 / 3, P.TechIntensity(A, S29, Ai), Tol);
        Assert.Equal(0.5, P.TechIntensity(A, S47, Ai), Tol);
        Assert.Equal(0.4, P.TechIntensity(B, S47, Ai), Tol);
        Assert.Equal(0, P.TechIntensity(B, S47, Lcv), Tol);
        Assert.Equal(0, P.TechIntensity(B, S29, Any), Tol);
        // Intensity LQ: sector 29 ai over all regions 20/40 → (2/3)/0.5 = 4/3; sector 47 ai 25/60 → 0.5/(25/60) = 1.2, 0.4/(25/60) = 0.96.
        Assert.Equal(4.0 / 3, P.IntensityLq[(A * 2 + S29) * T + Ai], Tol);
        Assert.Equal(1.2, P.IntensityLq[(A * 2 + S47) * T + Ai], Tol);
        Assert.Equal(0.96, P.IntensityLq[(B * 2 + S47) * T + Ai], Tol);
    }

    [Fact]
    public void Sector_LQ_specialisation_proximity_association_and_density_match_hand_computation()
    {
        // Sector LQ (employment): 29 = 40/100, 47 = 60/100 overall. A: (30/40)/0.4 = 1.875, (10/40)/0.6 = 5/12;
        // B: (10/60)/0.4 = 5/12, (50/60)/0.6 = 25/18. Specialised: A in 29, B in 47.
        double[] lq = [1.875, 5.0 / 12, 5.0 / 12, 25.0 / 18];
        for (int i = 0; i < 4; i++) Assert.Equal(lq[i], P.SectorLq[i], Tol);
        Assert.Equal([true, false, false, true], P.Specialised);

        // Whole base 2021, firm counts: k_29 = 3, k_47 = 5; co-occurrence 29: lcv 2, ai 1, any 2; 47: lcv 1, ai 2, any 3;
        // k_lcv = 3, k_ai = 3, k_any = 5, n = 8.
        // Proximity C/max(kS,kT): 29: 2/3, 1/3, 2/5; 47: 1/5, 2/5, 3/5.
        double[] phi = [2.0 / 3, 1.0 / 3, 0.4, 0.2, 0.4, 0.6];
        for (int i = 0; i < 6; i++) Assert.Equal(phi[i], P.Proximity[i], Tol);
        // Association (C/kS)/(kT/n): 29: (2/3)/(3/8) = 16/9, (1/3)/(3/8) = 8/9, (2/3)/(5/8) = 16/15;
        // 47: (1/5)/(3/8) = 8/15, (2/5)/(3/8) = 16/15, (3/5)/(5/8) = 24/25.
        double[] assoc = [16.0 / 9, 8.0 / 9, 16.0 / 15, 8.0 / 15, 16.0 / 15, 24.0 / 25];
        for (int i = 0; i < 6; i++) Assert.Equal(assoc[i], P.Association[i], Tol);
        // Density Σ_s M φ / Σ_s φ: A (29 only): lcv (2/3)/(2/3 + 1/5) = 10/13, ai (1/3)/(1/3 + 2/5) = 5/11, any 0.4/1.0;
        // B (47 only): lcv (1/5)/(13/15) = 3/13, ai (2/5)/(11/15) = 6/11, any 0.6. A's and B's densities add to 1 (they split the sectors).
        double[] dens = [10.0 / 13, 5.0 / 11, 0.4, 3.0 / 13, 6.0 / 11, 0.6];
        for (int i = 0; i < 6; i++) Assert.Equal(dens[i], P.Density[i], Tol);
    }

    [Fact]
    public void A_region_without_firms_has_undefined_shares_LQ_and_density()
    {
        var h = Hand();
        var f = new TechnologyFirms(h.Region, h.Sector, h.Employment, h.Year, h.Technologies, ["A", "B", "C"], h.SectorCodes, h.TechnologyIds);
        var p = TechnologyProfileBuilder.Build(f, new TechnologyProfileOptions(2021, Replicates: 0));
        for (int t = 0; t < T; t++)
        {
            Assert.True(double.IsNaN(p.FirmShare[2 * T + t]));
            Assert.True(double.IsNaN(p.Lq[2 * T + t]));
            Assert.True(double.IsNaN(p.Density[2 * T + t]));
        }
        Assert.Equal(P.Lq, p.Lq[..(2 * T)]); // an empty region changes nothing for the others
        Assert.Equal(P.Density, p.Density[..(2 * T)]);
    }

    [Fact]
    public void Proximity_is_symmetric_under_swapping_roles_and_technology_proximity_is_symmetric()
    {
        var rng = new Random(42);
        int na = 5, nb = 4;
        var kA = Enumerable.Range(0, na).Select(_ => (double)rng.Next(1, 50)).ToArray();
        var kB = Enumerable.Range(0, nb).Select(_ => (double)rng.Next(1, 50)).ToArray();
        var c = new double[na * nb];
        var ct = new double[nb * na];
        for (int a = 0; a < na; a++)
            for (int b = 0; b < nb; b++) c[a * nb + b] = ct[b * na + a] = rng.Next(0, (int)Math.Min(kA[a], kB[b]) + 1);
        var phi = TechnologyMeasures.Proximity(c, kA, kB);
        var phiT = TechnologyMeasures.Proximity(ct, kB, kA);
        for (int a = 0; a < na; a++)
            for (int b = 0; b < nb; b++)
            {
                Assert.Equal(phi[a * nb + b], phiT[b * na + a]);
                Assert.InRange(phi[a * nb + b], 0, 1);
            }

        var masks = Enumerable.Range(0, 3000).Select(_ => (ulong)rng.Next(0, 1 << 6) & (ulong)rng.Next(0, 1 << 6)).ToArray();
        var tp = TechnologyMeasures.TechnologyProximity(masks, 6);
        for (int t = 0; t < 6; t++)
        {
            Assert.Equal(1.0, tp[t * 6 + t]);
            for (int u = 0; u < 6; u++) Assert.Equal(tp[t * 6 + u], tp[u * 6 + t]);
        }
        // Hand check on three firms {0,1}, {0}, {1,2}: k = (2,2,1); C01 = 1 → φ01 = 1/2; C12 = 1 → φ12 = 1/max(2,1) = 1/2; φ02 = 0.
        var small = TechnologyMeasures.TechnologyProximity(new ulong[] { 0b011, 0b001, 0b110 }, 3);
        Assert.Equal([1, 0.5, 0, 0.5, 1, 0.5, 0, 0.5, 1], small);
    }

    [Fact]
    public void Bootstrap_is_seeded_and_collapses_where_a_cell_has_no_variation()
    {
        // A's lcv firms: both A/29 firms are lcv and neither A/47 firm is, so every resample gives 2 of 4: bounds 0.5–0.5.
        Assert.Equal(0.5, P.FirmShareLower[A * T + Lcv]);
        Assert.Equal(0.5, P.FirmShareUpper[A * T + Lcv]);
        // A's ai firms vary (one of two in each cell): the bounds are a proper interval around 0.5.
        Assert.True(P.FirmShareLower[A * T + Ai] < 0.5 && P.FirmShareUpper[A * T + Ai] > 0.5);
        var again = TechnologyProfileBuilder.Build(Hand(), new TechnologyProfileOptions(2021, BaseYear: 2019, Replicates: 100, Seed: 7));
        Assert.Equal(P.LqLower, again.LqLower);
        Assert.Equal(P.EmploymentShareUpper, again.EmploymentShareUpper);
        var none = TechnologyProfileBuilder.Build(Hand(), new TechnologyProfileOptions(2021, Replicates: 0));
        Assert.All(none.LqLower, v => Assert.True(double.IsNaN(v)));
        Assert.All(none.Growth, v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void Bootstrap_bounds_bracket_the_estimate_on_seeded_random_firms()
    {
        var rng = new Random(99);
        int n = 4000;
        var region = new int[n];
        var sector = new int[n];
        var emp = new double[n];
        var year = new int[n];
        var mask = new ulong[n];
        for (int i = 0; i < n; i++)
        {
            region[i] = rng.Next(3);
            sector[i] = rng.Next(4);
            emp[i] = 1 + rng.Next(50);
            year[i] = 2021;
            mask[i] = (ulong)(rng.NextDouble() < 0.1 + 0.1 * sector[i] ? 1 : 0) | (ulong)(rng.NextDouble() < 0.2 ? 2 : 0);
        }
        var f = new TechnologyFirms(region, sector, emp, year, mask, ["r0", "r1", "r2"], ["s0", "s1", "s2", "s3"], Techs);
        var p = TechnologyProfileBuilder.Build(f, new TechnologyProfileOptions(2021, Replicates: 200, Seed: 3));
        for (int i = 0; i < p.R * p.T; i++)
        {
            Assert.InRange(p.FirmShare[i], p.FirmShareLower[i], p.FirmShareUpper[i]);
            Assert.InRange(p.EmploymentShare[i], p.EmploymentShareLower[i], p.EmploymentShareUpper[i]);
            Assert.InRange(p.Lq[i], p.LqLower[i], p.LqUpper[i]);
            Assert.True(p.FirmShareUpper[i] - p.FirmShareLower[i] < 0.1);
        }
    }

    [Fact]
    public void Tables_carry_the_measures_and_the_indicators()
    {
        var rt = P.RegionTechnologyTable();
        Assert.Equal(6, rt.RowCount);
        Assert.Equal(2.5, rt.GetDouble(rt.Column("lq"), 0));
        Assert.Equal("B", rt.GetText(rt.Column("region"), 3));
        var rst = P.RegionSectorTechnologyTable(onlyRegion: A);
        Assert.Equal(2 * 3, rst.RowCount);
        Assert.Equal(2.0 / 3, rst.GetDouble(rst.Column("tech_intensity"), 1), Tol);
        var ind = P.IndicatorTable(A);
        Assert.Equal(3 * 4 + 2 * 3, ind.RowCount);
        Assert.Equal("tech_relatedness", ind.GetText(ind.Column("indicator"), 3));
        Assert.Equal(10.0 / 13, ind.GetDouble(ind.Column("value"), 3), Tol);
        Assert.Equal(2 * 3, P.RelatednessTable().RowCount);
    }

    [Fact]
    public void Quantile_is_type_7_and_skips_NaN()
    {
        // Type 7 on 1..5 at 0.1: h = 0.4 → 1 + 0.4·(2 − 1) = 1.4 (R: quantile(1:5, 0.1) = 1.4).
        Assert.Equal(1.4, Quantiles.Type7(new double[] { 5, double.NaN, 3, 1, 2, 4 }, 0.1), Tol);
        Assert.True(double.IsNaN(Quantiles.Type7(new double[] { double.NaN }, 0.5)));
    }
}
