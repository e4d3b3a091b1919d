namespace CompeteModel.Engine.Ingest;

/// <summary>One input row that could not be used: where it is, which field, why, and the offending value.</summary>
public sealed record Reject(string File, long Line, string Field, string Reason, string? Value);
