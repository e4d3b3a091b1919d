namespace CompeteModel.Engine.Scoring;

/// <summary>
/// The choice of years as a Monte Carlo factor (spec key <c>monte_carlo.years</c>): each draw picks an end year
/// (nominal + one of <see cref="EndOffsets"/>), a base year (nominal + one of <see cref="BaseOffsets"/>) and an endpoint
/// window (one of <see cref="EndpointYears"/>; empty = the spec's own), uniformly over the distinct configurations that the data hold.
/// </summary>
public sealed record YearFactorSpec(IReadOnlyList<int> EndOffsets, IReadOnlyList<int> BaseOffsets, IReadOnlyList<int> EndpointYears);
