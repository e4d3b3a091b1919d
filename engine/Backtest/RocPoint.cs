namespace CompeteModel.Engine.Backtest;

/// <summary>One point of a ROC curve: the share of negative cases and of positive cases at or above a cut-off.</summary>
public readonly record struct RocPoint(double FalsePositiveRate, double TruePositiveRate);
