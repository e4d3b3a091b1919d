namespace CompeteModel.Engine.Sectors;

/// <summary>
/// One row of a cluster definition: a SIC 2007 code at any level (a division stands for every subclass under it, as the
/// Industrial Strategy's definitions list writes codes "at the highest level applicable"), the share of its employment
/// that belongs to the cluster (1 unless the code is split between clusters), why it is in, and where that comes from.
/// </summary>
public sealed record ClusterMember(string Code, double Share, string Reason, string Source, long Line);
