namespace CompeteModel.Cli.Infrastructure;

/// <summary>What a progress display shows for one report: work done of total, and an optional line to log.</summary>
public readonly record struct ProgressSnapshot(double Done, double Total, string? Line);
