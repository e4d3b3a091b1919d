using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Scoring;

namespace CompeteModel.Tests.Scoring;

/// <summary>Each bad key of a spec gives an InputException naming the spec file, the line and the key.</summary>
public class SpecValidationTests
{
    private const string Good = """
        name: check
        seed: 7
        monte_carlo:
          draws: 50
          weights: {method: uniform, range: 0.5}
          normalisations: [minmax, rank]
        pillars:
          - id: spec
            weight: 0.5
            indicators:
              - id: lq
                direction: "+"
                weight: 1
                normalisation: minmax
          - id: cx
            weight: 0.5
            indicators:
              - id: pci
                direction: "+"
                weight: 1
        weight_sets:
          alt:
            pillars: {spec: 0.7, cx: 0.3}
        """;

    /// <summary>Replaces the first line containing <paramref name="find"/> and returns the new text and that 1-based line.</summary>
    private static (string Yaml, int Line) Break(string find, string replacement)
    {
        var lines = Good.Split('\n');
        int i = Array.FindIndex(lines, l => l.Contains(find, StringComparison.Ordinal));
        Assert.True(i >= 0, "fixture line not found: " + find);
        lines[i] = lines[i].Replace(find, replacement, StringComparison.Ordinal);
        return (string.Join('\n', lines), i + 1);
    }

    [Fact]
    public void The_good_spec_loads()
    {
        var s = ModelSpec.Parse(Good, "spec.yaml");
        Assert.Equal(["spec", "cx"], s.Pillars.Select(p => p.Id));
        Assert.Equal(0.7, s.WeightSets[0].PillarWeights[0], 12);
        Assert.Equal([NormalisationMethod.MinMax, NormalisationMethod.Rank], s.MonteCarlo.Normalisations);
        Assert.Equal(50, s.MonteCarlo.Draws);
        Assert.Empty(s.Notes);
    }

    [Theory]
    [InlineData("seed: 7", "sede: 7", "sede", "unknown key 'sede'")]
    [InlineData("- id: lq", "- id: lqq", "pillars[spec].indicators[lqq].id", "unknown indicator id 'lqq'")]
    [InlineData("weight: 0.5", "weight: -0.5", "pillars[spec].weight", "weight -0.5 is negative")]
    [InlineData("normalisation: minmax", "normalisation: minimax", "pillars[spec].indicators[lq].normalisation", "unknown normalisation 'minimax'")]
    [InlineData("normalisation: minmax", "normalization: minmax", "pillars[spec].indicators[lq].normalization", "unknown key 'normalization'")]
    [InlineData("direction: \"+\"", "direction: up", "pillars[spec].indicators[lq].direction", "unknown direction 'up'")]
    [InlineData("direction: \"+\"", "direction: -", "direction", "must be quoted")]
    [InlineData("normalisation: minmax", "normalisation: target", "pillars[spec].indicators[lq].target", "needs a 'target' value")]
    [InlineData("draws: 50", "draws: 0", "monte_carlo.draws", "whole number between 1")]
    [InlineData("method: uniform", "method: gaussian", "monte_carlo.weights.method", "unknown weight perturbation 'gaussian'")]
    [InlineData("normalisations: [minmax, rank]", "normalisations: [minmax, rnk]", "monte_carlo.normalisations[1]", "unknown normalisation 'rnk'")]
    [InlineData("{spec: 0.7, cx: 0.3}", "{spec: 0.7, cplx: 0.3}", "weight_sets.alt.pillars.cplx", "unknown pillar 'cplx'")]
    [InlineData("{spec: 0.7, cx: 0.3}", "{spec: 0, cx: 0}", "weight_sets.alt.pillars", "are all zero")]
    [InlineData("weight: 1", "weight: lots", "pillars[spec].indicators[lq].weight", "expected a number, got 'lots'")]
    [InlineData("pillars:", "pilars:", "pilars", "unknown key 'pilars'")]
    public void A_bad_key_names_file_line_and_key(string find, string replace, string field, string message)
    {
        var (yaml, line) = Break(find, replace);
        var e = Assert.Throws<InputException>(() => ModelSpec.Parse(yaml, "bad.yaml"));
        Assert.Equal("bad.yaml", e.File);
        Assert.Equal(line, e.Line);
        Assert.Equal(field, e.Field);
        Assert.Contains(message, e.Detail);
        Assert.StartsWith("bad.yaml:" + line + ", field '" + field + "': ", e.Message);
    }

    [Fact]
    public void All_zero_indicator_weights_are_rejected_at_the_indicator_list()
    {
        var (yaml, _) = Break("weight: 1", "weight: 0");
        var e = Assert.Throws<InputException>(() => ModelSpec.Parse(yaml, "bad.yaml"));
        Assert.Equal("pillars[spec].indicators", e.Field);
        Assert.Equal(11, e.Line); // the indicator list starts at its first item, "- id: lq" on line 11
        Assert.Contains("indicator weights of pillar 'spec' are all zero", e.Detail);
    }

    [Fact]
    public void Weights_that_do_not_sum_to_one_are_normalised_with_a_note()
    {
        var (yaml, line) = Break("{spec: 0.7, cx: 0.3}", "{spec: 3, cx: 1}");
        var s = ModelSpec.Parse(yaml, "w.yaml");
        Assert.Equal(0.75, s.WeightSets[0].PillarWeights[0], 12);
        Assert.Equal("w.yaml:" + line + ": the pillar weights of weight set 'alt' sum to 4, not 1; normalised to sum to 1 (each divided by 4)", Assert.Single(s.Notes));
    }

    [Fact]
    public void An_indicator_used_twice_is_rejected()
    {
        var (yaml, line) = Break("- id: pci", "- id: lq");
        var e = Assert.Throws<InputException>(() => ModelSpec.Parse(yaml, "bad.yaml"));
        Assert.Equal(line, e.Line);
        Assert.Contains("already used in pillar 'spec'", e.Detail);
    }

    [Fact]
    public void Invalid_yaml_reports_the_line()
    {
        var e = Assert.Throws<InputException>(() => ModelSpec.Parse("name: x\npillars: [a\n  b: c", "broken.yaml"));
        Assert.Equal("broken.yaml", e.File);
        Assert.NotNull(e.Line);
    }

    [Fact]
    public void A_spec_using_a_column_the_matrix_lacks_names_the_indicator()
    {
        var s = ModelSpec.Parse(Good, "spec.yaml");
        var m = ScoringFixtures.Matrix(["a", "b"], ["lq"], [[1.0], [2.0]]);
        var e = Assert.Throws<InputException>(() => CompositeScorer.Score(s, m));
        Assert.Equal("pillars[cx].indicators[pci]", e.Field);
        Assert.Equal(18, e.Line); // "- id: pci"
    }

    [Fact]
    public void A_duplicated_key_names_its_line()
    {
        var (yaml, line) = Break("seed: 7", "seed: 7\nname: again");
        var e = Assert.Throws<InputException>(() => ModelSpec.Parse(yaml, "dup.yaml"));
        Assert.Equal("dup.yaml", e.File);
        Assert.Equal(line + 1, e.Line);
        Assert.Contains("name", e.Detail);
    }
}
