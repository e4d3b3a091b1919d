using CompeteModel.Engine.Scoring;
using static CompeteModel.Tests.Scoring.ScoringFixtures;

namespace CompeteModel.Tests.Scoring;

/// <summary>
/// The hand-worked example: 4 sectors, 3 indicators, 2 pillars.
///
///            lq (+)   employment (−)   pci (+)
///   S1        2.0         300           0.2
///   S2        1.0         100          −1.0
///   S3        0.5         200           1.0
///   S4        1.5         500           0.6
///
/// Min–max 0–100 (direction applied first: employment negated, so the smallest employment scores 100):
///   lq:  min 0.5, range 1.5  → S1 100, S2 33.333…, S3 0, S4 66.666…
///   emp: −x in [−500, −100], range 400 → S1 (−300+500)/400 = 50, S2 100, S3 75, S4 0
///   pci: min −1, range 2     → S1 60, S2 0, S3 100, S4 80
/// Pillar A = 0.5·lq + 0.5·emp: S1 75, S2 66.666…, S3 37.5, S4 33.333…
/// Pillar B = pci:              S1 60, S2 0,        S3 100,  S4 80
/// Pillar weights in the file 3 and 2 (sum 5) → 0.6 and 0.4.
/// Composite = 0.6·A + 0.4·B: S1 45 + 24 = 69; S2 40 + 0 = 40; S3 22.5 + 40 = 62.5; S4 20 + 32 = 52.
/// Ranks: S1 1, S3 2, S4 3, S2 4.
/// </summary>
public class HandWorkedScoringTests
{
    private const string Yaml = """
        name: hand
        aggregation: arithmetic
        thresholds: {data_availability: 0.6}
        quadrants: {specialisation: none, relatedness: none}
        pillars:
          - id: a
            weight: 3
            indicators:
              - {id: lq, direction: "+", weight: 1}
              - {id: employment, direction: "-", weight: 1}
          - id: b
            weight: 2
            indicators:
              - {id: pci, direction: "+"}
        """;

    private static readonly string[] Units = ["S1", "S2", "S3", "S4"];
    private static readonly string[] Ids = ["lq", "employment", "pci"];

    private static double[][] Rows(double s2Pci = -1.0) =>
    [
        [2.0, 300, 0.2],
        [1.0, 100, s2Pci],
        [0.5, 200, 1.0],
        [1.5, 500, 0.6],
    ];

    [Fact]
    public void Normalisation_weighting_aggregation_and_rank_match_the_working()
    {
        var r = CompositeScorer.Score(Spec(Yaml), Matrix(Units, Ids, Rows()));
        Assert.Equal(["S1", "S3", "S4", "S2"], r.Units.Select(u => u.Code));
        Assert.Equal([1, 2, 3, 4], r.Units.Select(u => u.Rank));
        Assert.Equal(0.6, r.PillarWeights[0], 12);
        Assert.Equal(0.4, r.PillarWeights[1], 12);

        var s1 = r.Find("S1")!;
        Assert.Equal(69.0, s1.Composite, 10);
        Assert.Equal(75.0, s1.PillarScores[0], 10);
        Assert.Equal(60.0, s1.PillarScores[1], 10);
        // contributions: lq 0.6·0.5·100 = 30; employment 0.6·0.5·50 = 15; pci 0.4·60 = 24; sum 69
        Assert.Equal(30.0, s1.Contributions[0], 10);
        Assert.Equal(15.0, s1.Contributions[1], 10);
        Assert.Equal(24.0, s1.Contributions[2], 10);
        // gap to S3 (contributions 0, 22.5, 40): 30, −7.5, −16, adding up to 69 − 62.5 = 6.5
        Assert.Equal("S3", s1.NextCode);
        Assert.Equal(30.0, s1.GapToNext[0], 10);
        Assert.Equal(-7.5, s1.GapToNext[1], 10);
        Assert.Equal(-16.0, s1.GapToNext[2], 10);

        Assert.Equal(40.0, r.Find("S2")!.Composite, 10);
        Assert.Equal(200.0 / 3, r.Find("S2")!.PillarScores[0], 10);
        Assert.Equal(62.5, r.Find("S3")!.Composite, 10);
        Assert.Equal(37.5, r.Find("S3")!.PillarScores[0], 10);
        Assert.Equal(52.0, r.Find("S4")!.Composite, 10);
        Assert.Null(r.Find("S2")!.NextCode);
        Assert.Empty(r.Find("S2")!.GapToNext);
        Assert.Contains(r.Notes, n => n.Contains("pillar weights sum to 5, not 1") && n.StartsWith("test.yaml:"));
    }

    [Fact]
    public void Geometric_aggregation_maps_onto_1_to_100_and_multiplies()
    {
        // v' = 1 + 0.99·v: S1 lq 100, emp 50.5, pci 60.4 → A = √(100·50.5) = 71.0633…, composite = A^0.6 · 60.4^0.4 = 66.5889…
        // S2: 34, 100, 1 → A = √3400 = 58.3095, composite = A^0.6 · 1 = 11.4668…
        // S3: 1, 75.25, 100 → A = 8.6747, composite = 23.0649…;  S4: 67, 1, 80.2 → A = 8.1854, composite = 20.3935…
        var r = CompositeScorer.Score(Spec(Yaml.Replace("aggregation: arithmetic", "aggregation: geometric")), Matrix(Units, Ids, Rows()));
        Assert.Equal(["S1", "S3", "S4", "S2"], r.Units.Select(u => u.Code));
        var s1 = r.Find("S1")!;
        Assert.Equal(Math.Sqrt(100 * 50.5), s1.PillarScores[0], 9);
        Assert.Equal(66.58895338220401, s1.Composite, 9);
        Assert.Equal(11.466837950935648, r.Find("S2")!.Composite, 9);
        Assert.Equal(23.064919929395217, r.Find("S3")!.Composite, 9);
        Assert.Equal(20.393519764157983, r.Find("S4")!.Composite, 9);
        // under geometric aggregation the contributions add up to ln(composite)
        Assert.Equal(Math.Log(s1.Composite), s1.Contributions.Sum(), 9);
    }

    [Fact]
    public void A_missing_indicator_is_reweighted_over_what_is_present()
    {
        // S2 has no pci. pci is normalised over S1, S3, S4 (0.2, 1.0, 0.6 → 0, 100, 50).
        // S2's pillar b is missing, so its composite is pillar a alone (0.6/0.6 = 1): 66.666…
        // S1 = 0.6·75 + 0.4·0 = 45; S3 = 22.5 + 40 = 62.5; S4 = 20 + 0.4·50 = 40.
        var r = CompositeScorer.Score(Spec(Yaml), Matrix(Units, Ids, Rows(double.NaN)));
        Assert.Equal(["S2", "S3", "S1", "S4"], r.Units.Select(u => u.Code));
        var s2 = r.Find("S2")!;
        Assert.Equal(200.0 / 3, s2.Composite, 10);
        Assert.True(double.IsNaN(s2.PillarScores[1]));
        Assert.True(double.IsNaN(s2.Contributions[2]));
        Assert.Equal(100.0 / 6, s2.Contributions[0], 10); // 1·0.5·33.333…
        Assert.Equal(50.0, s2.Contributions[1], 10);
        Assert.Equal(45.0, r.Find("S1")!.Composite, 10);
        Assert.Equal(40.0, r.Find("S4")!.Composite, 10);
        Assert.Equal(0.75, r.Indicators[2].Availability, 12);
        Assert.Empty(r.Unscored);
        foreach (var u in r.Units)
            Assert.Equal(u.Composite, u.Contributions.Where(c => !double.IsNaN(c)).Sum(), 10);
    }

    [Fact]
    public void A_unit_below_the_availability_threshold_is_unscored_with_its_reason()
    {
        // 2 of 3 indicators (66.7%) < 70%: S2 is left out and normalisation runs over S1, S3, S4 only:
        // lq 2.0, 0.5, 1.5 → 100, 0, 66.67; employment −300, −200, −500 → 66.67, 100, 0; pci 0, 100, 50
        // S1 = 0.6·(100 + 66.67)/2 + 0 = 50; S3 = 0.6·50 + 40 = 70; S4 = 0.6·33.33 + 20 = 40
        var spec = Spec(Yaml.Replace("data_availability: 0.6", "data_availability: 0.7"));
        var r = CompositeScorer.Score(spec, Matrix(Units, Ids, Rows(double.NaN)));
        var un = Assert.Single(r.Unscored);
        Assert.Equal("S2", un.Code);
        Assert.Equal("2 of 3 indicators have a value (66.7%), below the data availability threshold 70%", un.Reason);
        Assert.Equal(["S3", "S1", "S4"], r.Units.Select(u => u.Code));
        Assert.Equal(50.0, r.Find("S1")!.Composite, 10);
        Assert.Equal(70.0, r.Find("S3")!.Composite, 10);
        Assert.Equal(40.0, r.Find("S4")!.Composite, 10);
    }

    [Fact]
    public void Ties_are_broken_by_unit_code()
    {
        var m = Matrix(["B", "A", "C"], Ids, [[1, 1, 1], [1, 1, 1], [2, 0, 2]]);
        var r = CompositeScorer.Score(Spec(Yaml), m);
        Assert.Equal(["C", "A", "B"], r.Units.Select(u => u.Code));
    }

    [Fact]
    public void Min_firms_leaves_small_sectors_unscored()
    {
        var spec = Spec(Yaml.Replace("{data_availability: 0.6}", "{data_availability: 0.6, min_firms: 10}"));
        var m = Matrix(Units, [.. Ids, "firms"], [[2.0, 300, 0.2, 50], [1.0, 100, -1.0, 9], [0.5, 200, 1.0, 10], [1.5, 500, 0.6, double.NaN]]);
        var r = CompositeScorer.Score(spec, m);
        Assert.Equal(["S1", "S3"], r.Units.Select(u => u.Code).Order());
        Assert.Equal("9 firms, below min_firms 10", r.Unscored.Single(u => u.Code == "S2").Reason);
        Assert.StartsWith("firm count unknown", r.Unscored.Single(u => u.Code == "S4").Reason);
    }
}
