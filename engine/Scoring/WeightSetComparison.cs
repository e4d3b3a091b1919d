namespace CompeteModel.Engine.Scoring;

/// <summary>
/// A spec scored under its base weights ("base") and each named weight set: the results, every pairwise rank
/// comparison, and for each set the units whose rank moves most against the base.
/// </summary>
public sealed record WeightSetComparison(IReadOnlyList<ScoreResult> Results, IReadOnlyList<RankComparison> Pairs, IReadOnlyList<RankMover> Movers);
