using CompeteModel.Engine.Complexity;

namespace CompeteModel.Tests.Complexity;

/// <summary>
/// German federal states (REAT data sets, German official statistics): the small-scale case where
/// the eigenvector ECI is fragile (METHODS.md, "Where the field goes wrong at city-region scale").
/// </summary>
public class GermanRegionsTests
{
    private static IReadOnlyList<ComplexityYearResult> Panel(SignRule rule) =>
        ComplexityCalculator.ComputePanel(ComplexityData.GermanPanel.Value.Years, new ComplexityOptions { Sign = rule });

    [Fact]
    public void After_removing_the_aggregates_the_ten_sections_partition_each_states_total()
    {
        // The file has 7 years × 17 "regions" (16 states + Germany "Insgesamt") × 12 industries = 1,428 rows.
        // The industry "Insgesamt" is each state's total, and "Verarbeitendes Gewerbe (C)" lies inside
        // "Produzierendes Gewerbe ohne Baugewerbe (B-E)". The remaining 10 sections sum to the total up to
        // employment not assigned to a section: never above it, and at most 0.2% below (0.0002%–0.12% in the data).
        var t = ComplexityData.GermanPanelRaw.Value;
        Assert.Equal(1428, t.RowCount);
        var industry = (string?[])t.Column("industry").Data;
        var region = (string?[])t.Column("region").Data;
        var year = (string?[])t.Column("year").Data;
        var emp = (string?[])t.Column("emp").Data;
        var total = new Dictionary<(string, string), double>();
        var parts = new Dictionary<(string, string), double>();
        var manufacturing = new Dictionary<(string, string), double>();
        for (int i = 0; i < t.RowCount; i++)
        {
            var key = (region[i]!, year[i]!);
            double v = double.Parse(emp[i]!, System.Globalization.CultureInfo.InvariantCulture);
            if (industry[i] == "Insgesamt") total[key] = v;
            else if (industry[i] == "Verarbeitendes Gewerbe (C)") manufacturing[key] = v;
            else parts[key] = parts.GetValueOrDefault(key) + v;
        }
        Assert.Equal(7 * 17, total.Count);
        foreach (var (key, tot) in total)
        {
            Assert.InRange(tot - parts[key], 0, 0.002 * tot);
            Assert.True(parts[key] + manufacturing[key] > tot, "C must overlap B-E, else it would not be an aggregate");
        }
        var input = ComplexityData.GermanPanel.Value;
        Assert.Equal(7 * 16 * 10, input.Account.Used);
        Assert.All(input.Years, y =>
        {
            Assert.Equal(16, y.Matrix.LocationCount);
            Assert.Equal(10, y.Matrix.ProductCount);
        });
    }

    [Fact]
    public void The_state_rows_add_up_to_the_Germany_row()
    {
        // Why "Insgesamt" as a region must go: it is the sum of the 16 states, exactly, for every industry and year.
        var t = ComplexityData.GermanPanelRaw.Value;
        var industry = (string?[])t.Column("industry").Data;
        var region = (string?[])t.Column("region").Data;
        var year = (string?[])t.Column("year").Data;
        var emp = (string?[])t.Column("emp").Data;
        var states = new Dictionary<(string, string), double>();
        var germany = new Dictionary<(string, string), double>();
        for (int i = 0; i < t.RowCount; i++)
        {
            double v = double.Parse(emp[i]!, System.Globalization.CultureInfo.InvariantCulture);
            var key = (industry[i]!, year[i]!);
            if (region[i] == "Insgesamt") germany[key] = v;
            else states[key] = states.GetValueOrDefault(key) + v;
        }
        Assert.Equal(7 * 12, germany.Count);
        foreach (var (key, v) in germany) Assert.Equal(v, states[key]);
    }

    [Fact]
    public void The_diversity_rule_flips_the_sign_between_2010_and_2011()
    {
        // What the data show: under py-ecomplexity's rule corr(ECI, diversity) falls from 0.15 (2010) to 0.02 (2011)
        // and the rule reverses the ranking: ECI 2011 correlates with ECI 2010 at about −0.98.
        var p = Panel(SignRule.Diversity);
        Assert.Equal(["2008", "2009", "2010", "2011", "2012", "2013", "2014"], p.Select(y => y.Time));
        var y2011 = p.Single(y => y.Time == "2011");
        Assert.True(y2011.Diagnostics.CorrPrevious < -0.9, $"corr with 2010 = {y2011.Diagnostics.CorrPrevious}");
        Assert.Single(p, y => y.Diagnostics.CorrPrevious < 0);
    }

    [Fact]
    public void Previous_year_alignment_never_flips_and_every_year_is_flagged_unreliable()
    {
        var p = Panel(SignRule.PreviousYear);
        for (int i = 1; i < p.Count; i++)
        {
            Assert.True(p[i].Diagnostics.CorrPrevious > 0.8, $"{p[i].Time}: corr with previous year {p[i].Diagnostics.CorrPrevious}");
            int bw = p[i].LocationIndex("Baden-Wuerttemberg"), bwPrev = p[i - 1].LocationIndex("Baden-Wuerttemberg");
            Assert.Equal(Math.Sign(p[i - 1].Eci[bwPrev]), Math.Sign(p[i].Eci[bw]));
        }
        Assert.All(p, y =>
        {
            Assert.False(y.Diagnostics.Reliable);
            Assert.Equal(10, y.Diagnostics.Products);
            Assert.Contains("only 10 products", y.Diagnostics.Warning);
            Assert.Equal("previous-year", y.Diagnostics.SignRule);
        });
        // The orientation is only as sure as the weakest link back to 2008's correlation with diversity.
        Assert.Equal(Math.Abs(p[0].Diagnostics.CorrDiversity), p[0].Diagnostics.SignCorrelation, 14);
        for (int i = 1; i < p.Count; i++)
            Assert.Equal(Math.Min(p[i - 1].Diagnostics.SignCorrelation, p[i].Diagnostics.CorrPrevious), p[i].Diagnostics.SignCorrelation, 14);
        // 2011 is the year the eigenvector and the reflections disagree most.
        Assert.True(p.Single(y => y.Time == "2011").Diagnostics.ReflectionsAgreement < 0.8);
    }

    [Fact]
    public void On_16_states_by_17_sections_2015_the_diversity_rule_ranks_Baden_Wuerttemberg_least_complex()
    {
        // METHODS.md claims this; the data confirm it: Baden-Württemberg (diversity 4, specialised in manufacturing)
        // gets the lowest ECI of the 16 states, and the result is flagged as unreliable (17 sections < 30).
        var input = ComplexityData.German2015.Value;
        Assert.Equal(272, input.Account.Used);
        var r = ComplexityCalculator.Compute(input.Years[0].Matrix, new ComplexityOptions());
        Assert.Equal(16, r.Locations.Count);
        Assert.Equal(17, r.Products.Count);
        var report = RegionComplexityReport.FromResult(r, "Baden-Wuerttemberg");
        Assert.Equal(16, report.Rank);
        Assert.Equal(r.Eci.Min(), report.Eci);
        Assert.False(r.Diagnostics.Reliable);
        Assert.Contains("only 17 products", r.Diagnostics.Warning);
    }
}
