namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// One peer of a region: its id, its position among the region's peers (1 = most similar) and the measure's value
/// (cosine similarity, higher is closer; or Krugman distance, lower is closer).
/// </summary>
public sealed record PeersMatch(string RegionId, int Order, double Value);
