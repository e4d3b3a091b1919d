namespace CompeteModel.Engine.Scoring;

/// <summary>
/// A year-on-year change in a sector's employment in the region is a jump when |E_t/E_{t−1} − 1| ≥ <see cref="Threshold"/>
/// and |E_t − E_{t−1}| ≥ <see cref="MinJobs"/>. It is corroborated when the region's real GVA of the ONS industry
/// holding the sector moved the same way by at least <see cref="Corroboration"/> × the change the jobs alone would
/// imply at constant productivity (ΔE_s / E_industry), and it counts only when unusual among the same sector's changes
/// in the 40 GB ITL2 areas that year (robust |z| ≥ <see cref="OutlierZ"/>; 0 = no comparison). An uncorroborated jump
/// flags the sector and, by <see cref="Action"/>, leaves its growth as is, damps it, or excludes its growth indicators.
/// </summary>
/// <param name="UnscoreInEndWindow">A jump inside the end window also moves the end-year level the run reads (LQ,
/// employment): when true, such a sector is left out of the ranking with the reason, for an analyst to resolve.</param>
public sealed record JumpCheckSpec(double Threshold, double MinJobs, double Corroboration, JumpAction Action, double OutlierZ = 0, bool UnscoreInEndWindow = false);

/// <summary>What an uncorroborated employment jump does to the sector's growth indicators.</summary>
public enum JumpAction
{
    /// <summary>Flag only.</summary>
    Flag,
    /// <summary>The jump year's change is replaced by the same sector's change in the benchmark (the region is assumed to move with the nation that year).</summary>
    Damp,
    /// <summary>The growth indicators become missing (reason: uncorroborated jump); the growth pillar rests on the rest.</summary>
    Exclude,
}
