namespace CompeteModel.Engine.Scoring;

/// <summary>
/// How growth is measured (spec key <c>growth</c>): endpoints as means of <see cref="EndpointYears"/> years at each end
/// of the period (shortened, with a note, where the period is too short for two windows that do not overlap), and the
/// check for year-on-year jumps that GVA does not corroborate (<see cref="JumpCheck"/>, null = no check).
/// </summary>
public sealed record GrowthSpec(int EndpointYears, JumpCheckSpec? JumpCheck)
{
    /// <summary>Single-year endpoints and no jump check: growth as the indicator library computes it.</summary>
    public static GrowthSpec SingleYear { get; } = new(1, null);
}
