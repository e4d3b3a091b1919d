using CompeteModel.Engine.Scoring;
using static CompeteModel.Tests.Scoring.ScoringFixtures;

namespace CompeteModel.Tests.Scoring;

/// <summary>
/// The hand-worked example of <see cref="HandWorkedScoringTests"/> (pillar scores A: S1 75, S2 66.67, S3 37.5, S4 33.33;
/// B: 60, 0, 100, 80) under its base pillar weights (0.6, 0.4) and a "flip" set (0.4, 0.6):
/// flip composites S1 30 + 36 = 66, S2 26.67, S3 15 + 60 = 75, S4 13.33 + 48 = 61.33 → S3, S1, S4, S2.
/// Ranks in unit order S1..S4: base (1, 4, 2, 3), flip (2, 4, 1, 3): Σd² = 2 → ρ = 1 − 6·2/(4·15) = 0.8;
/// of 6 pairs only (S1, S3) is discordant → τ = (5 − 1)/6; both top-2s are {S1, S3}.
/// </summary>
public class WeightSetTests
{
    private const string Yaml = """
        name: hand
        quadrants: {specialisation: none, relatedness: none}
        pillars:
          - id: a
            weight: 0.6
            indicators:
              - {id: lq, direction: "+"}
              - {id: employment, direction: "-"}
          - id: b
            weight: 0.4
            indicators:
              - {id: pci}
        weight_sets:
          same:
            pillars: {a: 0.6}
          flip:
            pillars: {a: 0.4, b: 0.6}
        """;

    [Fact]
    public void Weight_sets_are_scored_and_compared()
    {
        var m = Matrix(["S1", "S2", "S3", "S4"], ["lq", "employment", "pci"], [[2.0, 300, 0.2], [1.0, 100, -1.0], [0.5, 200, 1.0], [1.5, 500, 0.6]]);
        var c = CompositeScorer.ScoreWeightSets(Spec(Yaml), m, new ScoringOptions(TopN: 2));
        Assert.Equal(["base", "same", "flip"], c.Results.Select(r => r.WeightSet));
        var flip = c.Results[2];
        Assert.Equal(["S3", "S1", "S4", "S2"], flip.Units.Select(u => u.Code));
        Assert.Equal(66.0, flip.Find("S1")!.Composite, 10);
        Assert.Equal(75.0, flip.Find("S3")!.Composite, 10);

        var same = c.Pairs.Single(p => p.A == "base" && p.B == "same");
        Assert.Equal(1.0, same.Spearman, 12);
        Assert.Equal(1.0, same.Kendall, 12);
        var bf = c.Pairs.Single(p => p.A == "base" && p.B == "flip");
        Assert.Equal(0.8, bf.Spearman, 12);
        Assert.Equal(4.0 / 6, bf.Kendall, 12);
        Assert.Equal(2, bf.TopNOverlap);
        Assert.Equal(3, c.Pairs.Count);

        Assert.DoesNotContain(c.Movers, x => x.WeightSet == "same");
        var movers = c.Movers.Where(x => x.WeightSet == "flip").ToArray();
        Assert.Equal(["S1", "S3"], movers.Select(x => x.Code));
        Assert.Equal([-1, 1], movers.Select(x => x.Shift));
    }
}
