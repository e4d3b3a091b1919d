namespace CompeteModel.Engine.Pipeline;

/// <summary>One region of a comparison finished: how many are done of how many, which region, and the data it rests on.</summary>
public readonly record struct CompareProgress(int Done, int Total, string RegionId, string Data);
