namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// How far a national ranking carries to a city region, over the units both rank (<see cref="Common"/>):
/// Spearman ρ and Kendall τ-b on the ranks among the shared units, the overlap of the two top-k sets, the per-unit
/// differences (in national order), and the units only one side ranked (left out of every statistic).
/// </summary>
public sealed record FeasibilityAgreement(
    int Common,
    double Spearman,
    double Kendall,
    int TopK,
    int TopKOverlap,
    IReadOnlyList<FeasibilityUnitDifference> Units,
    IReadOnlyList<string> OnlyNational,
    IReadOnlyList<string> OnlyCityRegion)
{
    /// <summary>TopKOverlap / min(TopK, Common); NaN when nothing is shared.</summary>
    public double TopKShare => Common == 0 ? double.NaN : (double)TopKOverlap / Math.Min(TopK, Common);

    /// <summary>Mean |difference| of the common ranks; NaN when nothing is shared.</summary>
    public double MeanAbsDifference => Units.Count == 0 ? double.NaN : Units.Average(u => Math.Abs(u.Difference));
}
