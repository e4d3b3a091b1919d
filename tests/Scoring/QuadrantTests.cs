using CompeteModel.Engine.Scoring;
using static CompeteModel.Tests.Scoring.ScoringFixtures;

namespace CompeteModel.Tests.Scoring;

/// <summary>
/// Hand example for the two quadrant charts.
///
///        lq    growth_vs_benchmark   density   pci    specialisation × growth        relatedness × complexity
///   Q1   1.5        0.02              0.30     1.0    Strength                       high, high → LowRiskHighReturn
///   Q2   0.8        0.05              0.10     0.5    Emerging                       low, high  → HighRiskHighReturn
///   Q3   1.0        0.00              0.20    −0.5    DecliningStrength (LQ = 1 is   low, low   → HighRiskLowReturn
///                                                     specialised; growth 0 is not above)
///   Q4   0.5       −0.01              0.40    −1.0    Underrepresented               high, low  → LowRiskLowReturn
///   Q5   NaN        0.10              0.25     0.0    Unclassified (no LQ)           high, high → LowRiskHighReturn
///
/// Medians: density (0.10, 0.20, 0.25, 0.30, 0.40) → 0.25; pci (−1, −0.5, 0, 0.5, 1) → 0; "high" is ≥ the median.
/// </summary>
public class QuadrantTests
{
    private static readonly string[] Ids = ["lq", "growth_vs_benchmark", "density", "pci"];

    private static IndicatorMatrix Data() => Matrix(["Q1", "Q2", "Q3", "Q4", "Q5"], Ids,
    [
        [1.5, 0.02, 0.30, 1.0],
        [0.8, 0.05, 0.10, 0.5],
        [1.0, 0.00, 0.20, -0.5],
        [0.5, -0.01, 0.40, -1.0],
        [double.NaN, 0.10, 0.25, 0.0],
    ]);

    private const string Yaml = """
        name: quadrants
        thresholds: {data_availability: 0}
        pillars:
          - id: cx
            indicators:
              - {id: pci}
        """;

    [Fact]
    public void Classes_follow_the_hand_example()
    {
        var r = CompositeScorer.Score(Spec(Yaml), Data());
        Assert.Equal(0.25, r.RelatednessCut);
        Assert.Equal(0.0, r.ComplexityCut);
        var sg = r.Units.ToDictionary(u => u.Code, u => u.SpecialisationGrowth);
        Assert.Equal(SpecialisationGrowthClass.Strength, sg["Q1"]);
        Assert.Equal(SpecialisationGrowthClass.Emerging, sg["Q2"]);
        Assert.Equal(SpecialisationGrowthClass.DecliningStrength, sg["Q3"]);
        Assert.Equal(SpecialisationGrowthClass.Underrepresented, sg["Q4"]);
        Assert.Equal(SpecialisationGrowthClass.Unclassified, sg["Q5"]);
        var rc = r.Units.ToDictionary(u => u.Code, u => u.RelatednessComplexity);
        Assert.Equal(RelatednessComplexityClass.LowRiskHighReturn, rc["Q1"]);
        Assert.Equal(RelatednessComplexityClass.HighRiskHighReturn, rc["Q2"]);
        Assert.Equal(RelatednessComplexityClass.HighRiskLowReturn, rc["Q3"]);
        Assert.Equal(RelatednessComplexityClass.LowRiskLowReturn, rc["Q4"]);
        Assert.Equal(RelatednessComplexityClass.LowRiskHighReturn, rc["Q5"]);
    }

    [Fact]
    public void Configured_cuts_replace_the_medians()
    {
        // relatedness cut 0.35: only Q4 (0.40) is high; complexity cut 0.75: only Q1 (1.0) is high
        var r = CompositeScorer.Score(Spec(Yaml + "\nquadrants: {relatedness_cut: 0.35, complexity_cut: 0.75, growth_cut: 0.03}"), Data());
        var rc = r.Units.ToDictionary(u => u.Code, u => u.RelatednessComplexity);
        Assert.Equal(RelatednessComplexityClass.HighRiskHighReturn, rc["Q1"]);
        Assert.Equal(RelatednessComplexityClass.HighRiskLowReturn, rc["Q2"]);
        Assert.Equal(RelatednessComplexityClass.LowRiskLowReturn, rc["Q4"]);
        // growth cut 3 points: Q1 (2 points) is no longer growing → DecliningStrength; Q2 (5) still Emerging
        var sg = r.Units.ToDictionary(u => u.Code, u => u.SpecialisationGrowth);
        Assert.Equal(SpecialisationGrowthClass.DecliningStrength, sg["Q1"]);
        Assert.Equal(SpecialisationGrowthClass.Emerging, sg["Q2"]);
    }

    [Fact]
    public void The_presence_threshold_is_the_default_specialisation_cut()
    {
        // presence 1.2: Q1 (LQ 1.5) stays specialised, Q3 (LQ 1.0) no longer is: growth 0 → Underrepresented
        var r = CompositeScorer.Score(Spec(Yaml.Replace("{data_availability: 0}", "{data_availability: 0, presence: 1.2}")), Data());
        var sg = r.Units.ToDictionary(u => u.Code, u => u.SpecialisationGrowth);
        Assert.Equal(SpecialisationGrowthClass.Strength, sg["Q1"]);
        Assert.Equal(SpecialisationGrowthClass.Underrepresented, sg["Q3"]);
    }
}
