namespace CompeteModel.Engine.Scoring;

/// <summary>A unit whose rank changes between the base weights and a weight set (Shift = base rank − set rank; positive = moves up).</summary>
public sealed record RankMover(string WeightSet, string Code, string Name, int BaseRank, int Rank, int Shift);
