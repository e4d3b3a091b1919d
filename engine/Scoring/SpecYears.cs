namespace CompeteModel.Engine.Scoring;

/// <summary>The base and target years a spec's indicators are computed for (growth runs from base to target).</summary>
public sealed record SpecYears(int? Base, int? Target);
