namespace CompeteModel.Engine.Procurement;

/// <summary>
/// The outcome of a demand scenario: what the baseline rests on (observed demand of the region's
/// buyers, or a baseline given by the user), where the supply mix came from (the region's own tagged
/// processes, or — when it has none — all tagged processes in the input), the totals, the overall
/// leakage rate Σ_s w_s·(1 − min(1, LQ_s)) over divisions with a known LQ, the observed share of the
/// tagged demand already going to suppliers inside the region, and one row per supplying division; the local
/// supply method (FLQ with δ and λ*, or SLQ), local and leaked scenario demand (over divisions with a known
/// LQ), jobs supported (NaN without GVA per job), and the region's tagged frameworks/DPSs (count, Σ ceiling),
/// which are not in the baseline.
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
    IReadOnlyList<ScenarioRow> Rows,
    LocalSupplyMethod Method = LocalSupplyMethod.Slq,
    double FlqDelta = double.NaN,
    double FlqLambda = 1,
    double LocalDemandGbp = double.NaN,
    double LeakedDemandGbp = double.NaN,
    double JobsSupported = double.NaN,
    double AddedJobsSupported = double.NaN,
    int RegionCeilingProcesses = 0,
    double RegionCeilingGbp = 0)
{
    /// <summary>Where the employment per £ comes from (named in outputs).</summary>
    public const string JobsSource = "ONS regional gross value added (balanced) by industry, current prices, ITL2 (£ million), over BRES employment of the same region and year: £ GVA per job";
}
