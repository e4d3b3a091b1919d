namespace CompeteModel.Engine.Scoring;

/// <summary>A unit that was not scored, and why (too few firms, too little data).</summary>
public sealed record UnscoredUnit(string Code, string Name, string Reason);
