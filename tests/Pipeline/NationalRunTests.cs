using CompeteModel.Engine.Complexity;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Pipeline;
using CompeteModel.Engine.Scoring;
using CompeteModel.Engine.Statistics;

namespace CompeteModel.Tests.Pipeline;

/// <summary>The national spec on the world trade reference data, for Costa Rica ("cri" in the file).</summary>
public class NationalRunTests
{
    private static NationalRunResult Cri => NationalData.CostaRica.Value;

    private static double[] Column(NationalRunResult r, string id)
    {
        int j = r.Matrix.ColumnOf(id);
        return Enumerable.Range(0, r.Matrix.UnitCount).Select(u => r.Matrix[u, j]).ToArray();
    }

    private static double Median(IEnumerable<double> values)
    {
        var v = values.Where(double.IsFinite).Order().ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }

    [Fact]
    public void Every_product_is_scored_with_ranks_1_to_n_and_every_spec_indicator_present()
    {
        var r = Cri;
        // reference README: 785 SITC products; all enter the complexity calculation, none is unscored
        Assert.Equal(785, r.Matrix.UnitCount);
        Assert.Equal(785, r.Score.Units.Count);
        Assert.Empty(r.Score.Unscored);
        Assert.Equal(Enumerable.Range(1, 785), r.Score.Units.Select(u => u.Rank));
        foreach (var ind in NationalData.Spec.Pillars.SelectMany(p => p.Indicators))
        {
            Assert.True(r.Matrix.ColumnOf(ind.Id) >= 0, ind.Id);
            Assert.Contains(r.Score.Indicators, u => u.Id == ind.Id && u.Used && u.Availability == 1.0);
        }
        Assert.Equal(1000, r.MonteCarlo.Draws);
        Assert.Equal(NationalData.Spec.Seed, r.MonteCarlo.Seed);
        Assert.Equal(124_336, r.Account.Used);
        Assert.Equal("", r.Time);
    }

    [Fact]
    public void Rca_is_the_Balassa_index_recomputed_from_the_raw_table()
    {
        // RCA[cri,0573] = (X[cri,0573]/X[cri,·]) / (X[·,0573]/X[·,·]), summed here straight from the CSV rows.
        var t = NationalData.WorldTrade.Value;
        var c = (string?[])t.Column("country").Data;
        var p = (string?[])t.Column("product").Data;
        var v = (string?[])t.Column("value").Data;
        double xcp = 0, xc = 0, xp = 0, x = 0;
        for (int i = 0; i < t.RowCount; i++)
        {
            double val = double.Parse(v[i]!, System.Globalization.CultureInfo.InvariantCulture);
            x += val;
            if (c[i] == "cri") xc += val;
            if (p[i] == "0573") xp += val;
            if (c[i] == "cri" && p[i] == "0573") xcp = val;
        }
        var m = Cri.Matrix;
        int u = m.RowOf("0573");
        Assert.Equal(xcp / xc / (xp / x), m[u, m.ColumnOf("rca")], 9);
        // present = RCA ≥ 1 (the spec's threshold) for every product
        var rca = Column(Cri, "rca");
        var present = Column(Cri, "present");
        for (int k = 0; k < rca.Length; k++) Assert.Equal(rca[k] >= 1 ? 1.0 : 0.0, present[k]);
        // COG is 0 where Costa Rica is already present (METHODS: factor 1 − M)
        var cog = Column(Cri, "cog");
        for (int k = 0; k < rca.Length; k++) if (present[k] == 1) Assert.Equal(0.0, cog[k]);
    }

    [Fact]
    public void Top_products_are_existing_strengths_or_high_opportunity_gain()
    {
        var r = Cri;
        var m = r.Matrix;
        var rca = Column(r, "rca");
        var cog = Column(r, "cog");
        double medRca = Median(rca), medCog = Median(cog);
        var top = r.Score.Units[0];
        int t = m.RowOf(top.Code);
        Assert.True(rca[t] > medRca, $"top product {top.Code}: rca {rca[t]} not above the median {medRca}");
        foreach (var u in r.Score.Units.Take(10))
        {
            int k = m.RowOf(u.Code);
            Assert.True(rca[k] >= 1 || cog[k] > medCog, $"{u.Code}: rca {rca[k]}, cog {cog[k]}");
        }
        // the composite falls with rank, and the bottom product scores below the top one on every pillar it has
        for (int i = 1; i < r.Score.Units.Count; i++) Assert.True(r.Score.Units[i].Composite <= r.Score.Units[i - 1].Composite);
    }

    [Fact]
    public void Every_rank_band_contains_its_point_rank_or_the_notes_name_it()
    {
        var mc = Cri.MonteCarlo;
        Assert.Equal(785, mc.Bands.Count);
        var outside = mc.Bands.Where(b => !b.ContainsPoint).Select(b => b.Code).ToArray();
        foreach (var b in mc.Bands) Assert.True(b.P05 <= b.MedianRank && b.MedianRank <= b.P95 && b.P05 >= 1 && b.P95 <= 785);
        if (outside.Length == 0) return;
        var note = Assert.Single(Cri.Notes, n => n.StartsWith(outside.Length + " unit(s) have a point rank outside", StringComparison.Ordinal));
        foreach (var code in outside.Take(20)) Assert.Contains(code, note);
    }

    [Fact]
    public void Same_seed_gives_identical_table_bytes_and_another_seed_other_bands()
    {
        var a = NationalData.RunCostaRica(seed: 7, draws: 200).ToTables();
        var b = NationalData.RunCostaRica(seed: 7, draws: 200).ToTables();
        var c = NationalData.RunCostaRica(seed: 8, draws: 200).ToTables();
        Assert.Equal(NationalData.Csv(a.Rankings), NationalData.Csv(b.Rankings));
        Assert.Equal(NationalData.Csv(a.Indicators), NationalData.Csv(b.Indicators));
        Assert.Equal(NationalData.Csv(a.Sensitivity), NationalData.Csv(b.Sensitivity));
        Assert.NotEqual(NationalData.Csv(a.Rankings), NationalData.Csv(c.Rankings));
        // the indicators do not depend on the seed
        Assert.Equal(NationalData.Csv(a.Indicators), NationalData.Csv(c.Indicators));
    }

    [Fact]
    public void Tables_have_the_documented_layout()
    {
        var t = Cri.ToTables();
        Assert.Equal(["product", "name", "rank", "composite", "pillar_specialisation", "pillar_complexity", "pillar_opportunity",
            "median_rank", "rank_p05", "rank_p95", "band_contains_point", "specialisation_growth", "relatedness_complexity"],
            t.Rankings.Columns.Select(c => c.Name));
        Assert.Equal(785, t.Rankings.RowCount);
        Assert.Equal(785 * NationalRun.IndicatorIds.Count, t.Indicators.RowCount);
        var prov = (string?[])t.Indicators.Column("provenance").Data;
        Assert.All(prov, p => Assert.Equal("UserTable", p));
        Assert.Equal("world trade 1998–2000 (economiccomplexity)", ((string?[])t.Indicators.Column("source").Data)[0]);
        Assert.Equal(1, t.Diagnostics.RowCount);
        Assert.Equal(1, t.Summary.RowCount);
        Assert.Equal("cri", ((string?[])t.Summary.Column("location").Data)[0]);
        Assert.Equal(Cri.EciRank, ((int[])t.Summary.Column("eci_rank").Data)[0]);
        // ECI rank = 1 + number of countries with a higher ECI
        Assert.Equal(1 + Cri.Complexity.Eci.Count(e => e > Cri.Eci), Cri.EciRank);
        Assert.Equal(Cri.Complexity.Eci[Cri.Complexity.LocationIndex("cri")], Cri.Eci);
    }

    [Fact]
    public void Anchor_sign_rule_orients_eci_with_gdp_per_head()
    {
        var gdp = AnchorTable.FromTable(TableFiles.Read(TestData.Reference("world_gdp_avg_1998_to_2000.csv")), "country");
        var r = NationalRun.Execute(NationalData.WorldTrade.Value, "country", "product", "value", "cri", NationalData.Spec,
            new NationalRunOptions { Sign = SignRule.Anchor, Anchor = gdp, AnchorSource = "world_gdp", Draws = 20 });
        Assert.Equal("anchor", r.Diagnostics.SignRule);
        var c = r.Complexity;
        var e = new List<double>();
        var g = new List<double>();
        for (int i = 0; i < c.Locations.Count; i++)
            if (gdp.TryGetValue(c.Locations[i], out var v)) { e.Add(c.Eci[i]); g.Add(v); }
        Assert.True(Correlation.Pearson(e.ToArray(), g.ToArray()) > 0);
        Assert.Contains(r.Notes, n => n.StartsWith("complexity sign fixed by the anchor rule", StringComparison.Ordinal));
    }

    [Fact]
    public void A_product_left_out_of_the_complexity_calculation_is_missing_with_its_reason_not_zero()
    {
        // 3 countries × 4 products; product "z" has zero exports everywhere, so complexity drops it.
        string[] loc = ["a", "a", "a", "a", "b", "b", "b", "b", "c", "c", "c", "c"];
        string[] prod = ["p", "q", "r", "z", "p", "q", "r", "z", "p", "q", "r", "z"];
        string[] val = ["10", "0", "5", "0", "1", "8", "2", "0", "4", "4", "9", "0"];
        var table = new Table([TableColumn.Of("loc", loc), TableColumn.Of("prod", prod), TableColumn.Of("v", val)], "small.csv");
        var r = NationalRun.Execute(table, "loc", "prod", "v", "a", NationalData.Spec, new NationalRunOptions { Draws = 50 });
        int z = r.Matrix.RowOf("z");
        Assert.All(Enumerable.Range(0, r.Matrix.IndicatorCount), j => Assert.True(double.IsNaN(r.Matrix[z, j])));
        Assert.Equal("left out of the complexity calculation: zero total", r.CellNote(z, 0));
        Assert.Equal("z", Assert.Single(r.Score.Unscored).Code);
        Assert.Equal(3, r.Score.Units.Count);
        Assert.Contains(r.Notes, n => n.StartsWith("1 product(s) left out of the complexity calculation", StringComparison.Ordinal));
    }

    [Fact]
    public void Bad_location_period_or_spec_indicator_is_an_input_error()
    {
        var t = NationalData.WorldTrade.Value;
        var e = Assert.Throws<InputException>(() => NationalRun.Execute(t, "country", "product", "value", "xyz", NationalData.Spec));
        Assert.Contains("location 'xyz' is not in the table (226 locations", e.Message);
        e = Assert.Throws<InputException>(() => NationalRun.Execute(t, "country", "product", "exports", "cri", NationalData.Spec));
        Assert.Equal("exports", e.Field);
        e = Assert.Throws<InputException>(() => NationalRun.Execute(NationalData.Eu28.Value, "geo", "nace_r2", "emp1000", "UK", NationalData.Spec,
            new NationalRunOptions { TimeColumn = "time", Time = "2020", Draws = 10 }));
        Assert.Contains("period '2020' is not in the table", e.Message);
        var lqSpec = ModelSpec.Parse("""
            name: lq-only
            seed: 1
            pillars:
              - id: specialisation
                weight: 1
                indicators:
                  - {id: lq}
            """, "lq.yaml");
        e = Assert.Throws<InputException>(() => NationalRun.Execute(NationalData.Eu28.Value, "geo", "nace_r2", "emp1000", "UK", lqSpec,
            new NationalRunOptions { TimeColumn = "time", Draws = 10 }));
        Assert.Contains("indicator 'lq'", e.Message);
        Assert.Equal("lq.yaml", e.File);
    }
}
