namespace CompeteModel.Engine.Procurement;

/// <summary>
/// The outcome of a demand scenario: what the baseline rests on (observed demand of the region's
/// buyers, or a baseline given by the user), where the supply mix came from (the region's own tagged
/// processes, or — when it has none — all tagged processes in the input), the totals, the overall
/// leakage rate Σ_s w_s·(1 − min(1, LQ_s)) over divisions with a known LQ, the observed share of the
/// tagged demand already going to suppliers inside the region, and one row per supplying division.
/// </summary>
public sealed record ScenarioResult(
    string RegionId,
    string TechnologyId,
    double Uplift,
    int RegionTaggedProcesses,
    double ObservedAnnualGbp,
    double BaselineAnnualGbp,
    string BaselineSource,
    string MixSource,
    int MixProcesses,
    double ScenarioAnnualGbp,
    double AddedAnnualGbp,
    double LeakageRate,
    double LeakageRateLower,
    double LeakageRateUpper,
    double MixShareWithoutCapacity,
    double ObservedLocalSupplierShare,
    IReadOnlyList<ScenarioRow> Rows);
