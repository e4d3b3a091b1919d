using CompeteModel.Engine.Sectors;

namespace CompeteModel.Engine.Backtest;

/// <summary>One specification of the backtest: level, period, endpoint window and small-cell cut.</summary>
public sealed record Variant(string Label, SectorLevel Level, int From, int To, int Window, double MinJobs);
