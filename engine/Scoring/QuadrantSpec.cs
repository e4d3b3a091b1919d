using CompeteModel.Engine.Indicators;
namespace CompeteModel.Engine.Scoring;

/// <summary>
/// Which indicators place a unit in the two quadrant charts, and the cut-offs. Specialisation × growth uses fixed
/// cuts (LQ ≥ the spec's presence threshold, 1 by default; growth above the benchmark, i.e. growth_vs_benchmark &gt; 0)
/// per METHODS.md; relatedness × complexity
/// uses the medians over the scored units unless a cut is configured (Balland et al. 2019). A null id switches that
/// chart off.
/// </summary>
public sealed record QuadrantSpec(
    string? Specialisation,
    string? Growth,
    string? Relatedness,
    string? Complexity,
    double SpecialisationCut = 1.0,
    double GrowthCut = 0.0,
    double? RelatednessCut = null,
    double? ComplexityCut = null)
{
    /// <summary>The defaults: lq, growth_vs_benchmark, density, pci.</summary>
    public static QuadrantSpec Default { get; } = new(IndicatorIds.Lq, IndicatorIds.GrowthVsBenchmark, IndicatorIds.Density, IndicatorIds.Pci);

    /// <summary>The indicator ids the quadrants read (those set).</summary>
    public IEnumerable<string> Ids() => new[] { Specialisation, Growth, Relatedness, Complexity }.Where(x => x is not null).Select(x => x!);
}
