namespace CompeteModel.Engine.Indicators;

/// <summary>How many cells of one indicator are undefined for one reason.</summary>
public sealed record UndefinedCount(string Indicator, UndefinedReason Reason, long Count);
