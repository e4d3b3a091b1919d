using CompeteModel.Engine.Scoring;

namespace CompeteModel.Tests.Scoring;

/// <summary>The specs shipped in datasets/specs load, validate and score a matrix of their indicators.</summary>
public class ShippedSpecTests
{
    private static string SpecPath(string name) => Path.Combine(TestData.Datasets, "specs", name);

    [Fact]
    public void National_spec_loads()
    {
        var s = ModelSpec.Load(SpecPath("national.yaml"));
        Assert.Equal("national", s.Name);
        Assert.Equal(["specialisation", "complexity", "opportunity"], s.Pillars.Select(p => p.Id));
        Assert.Equal(["rca", "pci", "cog", "density"], s.Pillars.SelectMany(p => p.Indicators).Select(i => i.Id));
        Assert.Empty(s.Notes);
        Assert.Equal(1000, s.MonteCarlo.Draws);
        Assert.Null(s.Quadrants.Growth);
        Assert.Equal("rca", s.Quadrants.Specialisation);
    }

    [Fact]
    public void City_region_spec_loads_with_three_weight_sets()
    {
        var s = ModelSpec.Load(SpecPath("city-region.yaml"));
        Assert.Equal(["specialisation", "growth_orientation", "capability", "complexity", "enabling_technologies"], s.Pillars.Select(p => p.Id));
        Assert.Equal(["productivity-first", "inclusive-growth", "net-zero"], s.WeightSets.Select(w => w.Name));
        Assert.Equal(10, s.Thresholds.MinFirms);
        Assert.Equal(0.6, s.Thresholds.DataAvailability);
        Assert.Empty(s.Notes);
        // productivity-first: productivity_growth is the third indicator of growth_orientation, weight 0.4
        Assert.Equal(["growth_differential", "productivity_relative", "productivity_growth"], s.Pillars[1].Indicators.Select(i => i.Id));
        Assert.Equal(0.4, s.WeightSets[0].IndicatorWeights[1][2], 12);
        // the choices that keep the ranking defensible (issue 12)
        Assert.Equal([Engine.Sectors.TradeClass.Traded], s.Eligibility!.Score);
        Assert.Equal(1000, s.Eligibility.MinEmployment);
        Assert.Equal(3, s.Growth!.EndpointYears);
        Assert.Equal(new JumpCheckSpec(0.25, 250, 0.5, JumpAction.Damp, 2.5, true), s.Growth.JumpCheck);
        Assert.Equal(["pci", "cog"], s.ComplexityGate!.Indicators);
        Assert.Equal(0.7, s.ComplexityGate.MinYearStability);
        Assert.Equal([0, -1], s.MonteCarlo.Years!.EndOffsets);
        Assert.Equal([0, 1], s.MonteCarlo.Years.BaseOffsets);
        Assert.Equal([1, 2, 3], s.MonteCarlo.Years.EndpointYears);
        Assert.Equal(0.35, s.WeightSets[2].PillarWeights[4], 12);
        Assert.Equal(s.Pillars[1].Indicators.Select(i => i.Weight), s.WeightSets[2].IndicatorWeights[1]);
    }

    [Fact]
    public void City_region_spec_scores_every_weight_set_on_a_matrix_of_its_indicators()
    {
        var s = ModelSpec.Load(SpecPath("city-region.yaml"));
        string[] ids = ["lq", "growth_differential", "productivity_relative", "productivity_growth", "density", "cog", "pci", "tech_intensity", "firms"];
        var m = ScoringFixtures.Random(80, ids, 21);
        // units U000–U004 have 5 firms and are left out by min_firms 10
        for (int u = 0; u < 80; u++) m.Values[u * ids.Length + 8] = u < 5 ? 5 : 50;
        var c = CompositeScorer.ScoreWeightSets(s, m);
        Assert.Equal(4, c.Results.Count);
        Assert.Equal(6, c.Pairs.Count);
        foreach (var r in c.Results)
        {
            Assert.Equal(75, r.Units.Count);
            Assert.Equal(Enumerable.Range(1, 75), r.Units.Select(u => u.Rank));
            Assert.Equal(5, r.Unscored.Count);
        }
        Assert.All(c.Pairs, p => Assert.InRange(p.Spearman, -1, 1));
    }
}
