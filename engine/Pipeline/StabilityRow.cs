namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// The ranking under one alternative choice of years, against the run's own: how many of the top N it shares, the
/// Spearman correlation of the ranks over the sectors both score, and its own top N in order.
/// </summary>
public sealed record StabilityRow(YearConfig Years, bool Nominal, int TopN, int TopOverlap, double Spearman, IReadOnlyList<string> Top);
