namespace CompeteModel.Engine.Complexity;

/// <summary>A location or product left out of a year's calculation, and why.</summary>
public sealed record DroppedLabel(string Label, string Reason);
