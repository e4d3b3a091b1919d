namespace CompeteModel.Engine.Scoring;

/// <summary>A known indicator: its id as used in specs and matrices, what it means, and its family.</summary>
public sealed record IndicatorInfo(string Id, string Description, IndicatorFamily Family);
