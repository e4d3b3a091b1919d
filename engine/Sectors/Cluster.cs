namespace CompeteModel.Engine.Sectors;

/// <summary>A named group of SIC codes (an Industrial Strategy sector, a regional priority cluster) scored as one unit.</summary>
public sealed record Cluster(string Id, string Name, IReadOnlyList<ClusterMember> Members);
