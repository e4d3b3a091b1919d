using CompeteModel.Engine.Complexity;

namespace CompeteModel.Tests.Complexity;

/// <summary>The world trade reference data (226 countries × 785 SITC products, 1998–2000 average).</summary>
public class WorldTradeTests
{
    private static ComplexityYearResult W => ComplexityData.WorldTradeResult.Value;

    private static int P(string code) => W.Products.ToList().IndexOf(code);

    [Fact]
    public void Matrix_has_the_published_shape_and_nothing_is_dropped()
    {
        // Source: reference-data README — 124,336 rows; 226 countries × 785 products.
        var input = ComplexityData.WorldTrade.Value;
        Assert.Equal(124_336, input.Account.Used);
        Assert.Equal(0, input.Account.Rejected);
        Assert.Equal(226, W.Locations.Count);
        Assert.Equal(785, W.Products.Count);
        Assert.Empty(W.DroppedLocations);
        Assert.Empty(W.DroppedProducts);
    }

    [Fact]
    public void Balassa_index_of_Andorra_in_0011_matches_the_economiccomplexity_vignette()
    {
        // Source: R package economiccomplexity, vignette docs/articles/economiccomplexity.html (via
        // datasets/reference/README.md): balassa_index(world_trade_avg_1998_to_2000)["and", "0011"] = 2.4825815.
        int a = W.LocationIndex("and");
        Assert.Equal(2.4825815, W.Rca[a * W.Products.Count + P("0011")], 7);
    }

    [Fact]
    public void Proximity_of_0011_and_0012_matches_the_economiccomplexity_vignette()
    {
        // Source: same vignette: proximity(balassa_index(...))$proximity_product["0011", "0012"] = 0.3658537.
        int n = W.Products.Count;
        Assert.Equal(0.3658537, W.Proximity[P("0011") * n + P("0012")], 7);
        Assert.Equal(W.Proximity[P("0011") * n + P("0012")], W.Proximity[P("0012") * n + P("0011")]);
        Assert.Equal(1.0, W.Proximity[P("0011") * n + P("0011")]);
    }

    [Fact]
    public void Eci_of_each_country_is_the_mean_pci_of_its_products()
    {
        // kc = (M/k_c)·kp, ECI = (kc − m)/sd and PCI = (kp − m)/sd with the same m, sd ⇒ ECI_c = mean_{p: M=1} PCI_p.
        var m = W.Presence;
        for (int c = 0; c < W.Locations.Count; c++)
        {
            double sum = 0;
            for (int j = m.RowStart[c]; j < m.RowStart[c + 1]; j++) sum += W.Pci[m.RowProducts[j]];
            Assert.Equal(W.Eci[c], sum / m.Diversity[c], 10);
        }
    }

    [Fact]
    public void Eci_is_standardised_with_the_population_sd()
    {
        Assert.Equal(0, ComplexityStatistics.Mean(W.Eci), 12);
        Assert.Equal(1, ComplexityStatistics.Sd(W.Eci, SdConvention.Population), 12);
    }

    [Fact]
    public void Density_lies_in_0_1_and_cog_is_zero_where_present()
    {
        int n = W.Products.Count;
        for (int i = 0; i < W.Density.Length; i++)
        {
            Assert.InRange(W.Density[i], 0, 1);
            if (W.Presence[i / n, i % n]) Assert.Equal(0, W.Cog[i]);
        }
        Assert.Contains(W.Cog, v => v != 0);
    }

    [Fact]
    public void Kp_is_an_eigenvector_of_M_tilde_with_eigenvalue_lambda2()
    {
        // Residual ‖M̃·kp − λ2·kp‖ with M̃ = D_p⁻¹ Mᵀ D_c⁻¹ M applied through the sparse M.
        var m = W.Presence;
        var kp = W.Eigen.Kp;
        var t = new double[m.Rows];
        m.Multiply(kp, t);
        for (int r = 0; r < t.Length; r++) t[r] /= m.Diversity[r];
        var y = new double[m.Cols];
        m.MultiplyTransposed(t, y);
        double res = 0;
        for (int s = 0; s < y.Length; s++) res = Math.Max(res, Math.Abs(y[s] / m.Ubiquity[s] - W.Eigen.Lambda2 * kp[s]));
        Assert.True(res < 1e-8, $"residual {res}");
        Assert.True(W.Eigen.Converged);
        Assert.True(W.Eigen.Lambda2 > W.Eigen.Lambda3);
    }

    [Fact]
    public void Eigenvector_and_reflections_agree_and_the_result_is_reliable()
    {
        var d = W.Diagnostics;
        Assert.True(d.ReflectionsAgreement > 0.99, $"agreement {d.ReflectionsAgreement}");
        Assert.True(d.CorrDiversity > 0);
        Assert.True(d.Reliable, d.Warning);
        Assert.Equal("", d.Warning);
    }

    [Fact]
    public void Sample_sd_option_scales_eci_by_sqrt_n_minus_1_over_n()
    {
        // economiccomplexity (R) standardises with sd() (N−1): ECI_R = ECI_pop · sqrt((N−1)/N).
        var r = ComplexityCalculator.Compute(ComplexityData.WorldTrade.Value.Years[0].Matrix, new ComplexityOptions { Sd = SdConvention.SampleNMinus1 });
        double f = Math.Sqrt((W.Locations.Count - 1.0) / W.Locations.Count);
        for (int c = 0; c < W.Locations.Count; c++) Assert.Equal(W.Eci[c] * f, r.Eci[c], 10);
        Assert.Equal(1, ComplexityStatistics.Sd(r.Eci, SdConvention.SampleNMinus1), 12);
    }

    [Fact]
    public void Fitness_complexity_converges_with_mean_one()
    {
        Assert.True(W.FitnessConverged);
        Assert.Equal(1, ComplexityStatistics.Mean(W.Fitness), 9);
        Assert.Equal(1, ComplexityStatistics.Mean(W.ProductComplexity), 9);
        Assert.All(W.Fitness, f => Assert.True(f > 0));
    }

    [Fact]
    public void Region_report_ranks_germany_and_lists_only_absent_products_by_descending_cog()
    {
        var rep = RegionComplexityReport.FromResult(W, "deu", 10);
        int expectedRank = 1 + W.Eci.Count(e => e > rep.Eci);
        Assert.Equal(expectedRank, rep.Rank);
        Assert.Equal(226, rep.RegionCount);
        Assert.Equal(10, rep.Opportunities.Count);
        int d = W.LocationIndex("deu");
        for (int i = 0; i < rep.Opportunities.Count; i++)
        {
            Assert.False(W.Presence[d, P(rep.Opportunities[i].Product)]);
            if (i > 0) Assert.True(rep.Opportunities[i - 1].Cog >= rep.Opportunities[i].Cog);
        }
        // No absent product has a higher COG than the last one listed.
        int n = W.Products.Count;
        double last = rep.Opportunities[^1].Cog;
        Assert.Equal(10, Enumerable.Range(0, n).Count(s => !W.Presence[d, s] && W.Cog[d * n + s] >= last));
    }
}
