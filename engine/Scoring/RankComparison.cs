namespace CompeteModel.Engine.Scoring;

/// <summary>Agreement between two rankings of the same units: Spearman ρ, Kendall τ and how many of each top N are shared.</summary>
public sealed record RankComparison(string A, string B, double Spearman, double Kendall, int TopN, int TopNOverlap);
