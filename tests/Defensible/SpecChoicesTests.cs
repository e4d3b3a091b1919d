using CompeteModel.Engine.Errors;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Scoring;
using CompeteModel.Engine.Sectors;
using static CompeteModel.Tests.Scoring.ScoringFixtures;

namespace CompeteModel.Tests.Defensible;

/// <summary>The spec keys of issue 12 (eligibility, growth, complexity_gate, monte_carlo.years), SpecAdjust and the years factor.</summary>
public sealed class SpecChoicesTests
{
    private const string Pillars = """
        pillars:
          - id: specialisation
            weight: 0.2
            indicators: [{id: lq}]
          - id: growth
            weight: 0.3
            indicators: [{id: growth_differential, weight: 0.5}, {id: productivity_relative, weight: 0.5}]
          - id: capability
            weight: 0.2
            indicators: [{id: density, weight: 0.6}, {id: cog, weight: 0.4}]
          - id: complexity
            weight: 0.3
            indicators: [{id: pci}]
        weight_sets:
          wide:
            pillars: {specialisation: 0.1, growth: 0.1, capability: 0.4, complexity: 0.4}
            indicators:
              capability: {density: 0.5, cog: 0.5}
        """;

    [Fact]
    public void NewKeys_AreRead()
    {
        var s = Spec("""
            name: t
            eligibility: {score: [traded, mixed], min_employment: 500, min_employment_share: 0.001}
            growth: {endpoint_years: 2, jump_check: {threshold: 0.3, min_jobs: 100, action: exclude, outlier_z: 3, end_window: keep}}
            complexity_gate: {indicators: [pci], min_year_stability: 0.5}
            monte_carlo: {years: {end_offsets: [0, -1, -2]}}
            """ + "\n" + Pillars);
        Assert.Equal("traded_local", s.Eligibility!.Classification);
        Assert.Equal([TradeClass.Traded, TradeClass.Mixed], s.Eligibility.Score);
        Assert.Equal(500, s.Eligibility.MinEmployment);
        Assert.Equal(0.001, s.Eligibility.MinEmploymentShare);
        Assert.Equal(new GrowthSpec(2, new JumpCheckSpec(0.3, 100, 0.5, JumpAction.Exclude, 3, false)), s.Growth);
        Assert.Equal(["pci"], s.ComplexityGate!.Indicators);
        Assert.Equal([0, -1, -2], s.MonteCarlo.Years!.EndOffsets);
        Assert.Equal([0], s.MonteCarlo.Years.BaseOffsets);
        Assert.Empty(s.MonteCarlo.Years.EndpointYears); // left out: the spec's own window
    }

    [Theory]
    [InlineData("eligibility: {score: [exported]}", 2, "eligibility.score[0]")]
    [InlineData("growth: {jump_check: {action: smooth}}", 2, "growth.jump_check.action")]
    [InlineData("growth: {endpoint_years: 0}", 2, "growth.endpoint_years")]
    [InlineData("complexity_gate: {indicators: [pcx]}", 2, "complexity_gate.indicators[0]")]
    [InlineData("monte_carlo: {years: {end_offsets: [1]}}", 2, "monte_carlo.years.end_offsets[0]")]
    [InlineData("eligibility: {min_employment: -5}", 2, "eligibility.min_employment")]
    public void BadKeys_NameLineAndKey(string line, long expectedLine, string field)
    {
        var e = Assert.Throws<InputException>(() => Spec("name: t\n" + line + "\n" + Pillars));
        Assert.Equal(expectedLine, e.Line);
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void Without_DropsEmptyPillars_AndRenormalisesBaseAndWeightSetWeights()
    {
        var s = SpecAdjust.Without(Spec("name: t\n" + Pillars), ["pci", "cog"]);
        Assert.Equal(["specialisation", "growth", "capability"], s.Pillars.Select(p => p.Id));
        // 0.2, 0.3, 0.2 over 0.7
        Assert.Equal([0.2 / 0.7, 0.3 / 0.7, 0.2 / 0.7], s.Pillars.Select(p => p.Weight).ToArray(), (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(["density"], s.Pillars[2].Indicators.Select(i => i.Id));
        Assert.Equal(1.0, s.Pillars[2].Indicators[0].Weight, 12);
        var wide = s.WeightSets.Single();
        Assert.Equal([1.0 / 6, 1.0 / 6, 4.0 / 6], wide.PillarWeights.ToArray(), (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal([1.0], wide.IndicatorWeights[2]);
    }

    [Fact]
    public void YearsFactor_MovesNothingWhenEveryScenarioIsTheSame_AndSomethingWhenTheyDiffer()
    {
        string[] ids = ["lq", "growth_differential", "productivity_relative", "density", "cog", "pci"];
        var spec = Spec("name: t\nseed: 5\nmonte_carlo: {draws: 100, normalisations: [], aggregations: []}\n" + Pillars);
        var m = Random(30, ids, 7);
        var same = CompositeScorer.MonteCarlo(spec, m, new DataUncertainty { Scenarios = [m.Values, (double[])m.Values.Clone()] });
        var years = same.Sensitivity.Single(x => x.Factor == MonteCarloFactor.Years);
        Assert.Equal(2, years.Configurations);
        Assert.Equal(0.0, years.MeanAbsRankShift);

        var other = (double[])m.Values.Clone();
        for (int u = 0; u < 30; u++) other[u * ids.Length + 1] = -other[u * ids.Length + 1]; // growth reversed
        var differ = CompositeScorer.MonteCarlo(spec, m, new DataUncertainty { Scenarios = [m.Values, other] });
        Assert.True(differ.Sensitivity.Single(x => x.Factor == MonteCarloFactor.Years).MeanAbsRankShift > 0);
        // a fixed seed gives the same bands
        var again = CompositeScorer.MonteCarlo(spec, m, new DataUncertainty { Scenarios = [m.Values, other] });
        Assert.Equal(Csv(ScoreTables.Bands(differ)), Csv(ScoreTables.Bands(again)));
        // without scenarios there is no years row
        Assert.DoesNotContain(CompositeScorer.MonteCarlo(spec, m).Sensitivity, x => x.Factor == MonteCarloFactor.Years);
    }

    private static string Csv(Table t)
    {
        var w = new StringWriter();
        TableFiles.WriteCsv(t, w);
        return w.ToString();
    }
}
