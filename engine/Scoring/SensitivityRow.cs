namespace CompeteModel.Engine.Scoring;

/// <summary>
/// How much one factor moves ranks when it alone varies (the others at their nominal values):
/// MeanAbsRankShift = mean over draws and units of |rank − point rank|; MaxAbsRankShift the largest such shift;
/// MeanBandWidth the mean 5–95% band width. Weights and data use the run's number of draws; normalisation and
/// aggregation run each alternative once. <see cref="Varied"/> is false when the factor had nothing to vary
/// (e.g. no bootstrap data), in which case the shifts are 0.
/// </summary>
public sealed record SensitivityRow(MonteCarloFactor Factor, bool Varied, int Configurations, double MeanAbsRankShift, int MaxAbsRankShift, double MeanBandWidth);
