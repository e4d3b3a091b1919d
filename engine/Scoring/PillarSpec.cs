namespace CompeteModel.Engine.Scoring;

/// <summary>A pillar: a named group of indicators with a normalised weight inside the index (pillar weights sum to 1).</summary>
public sealed record PillarSpec(string Id, double Weight, IReadOnlyList<IndicatorSpec> Indicators, long Line);
