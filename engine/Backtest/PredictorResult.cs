namespace CompeteModel.Engine.Backtest;

/// <summary>
/// How well one indicator measured at t0 predicts what happened by t1 (docs/METHODS.md "Backtest"):
/// <list type="bullet">
/// <item>EntryAuc: P(indicator of a cell that entered specialisation &gt; that of one at risk that did not), ties ½.</item>
/// <item>WithinRegionEntryAuc: the same, comparing only cells of the same region (<see cref="Roc.WithinStratumAuc"/>),
/// so regions that both enter more and have denser portfolios do not count.</item>
/// <item>ExitAuc: the same for exit among specialised cells (below 0.5 = high values protect against exit); NaN for COG, which is
/// defined for sectors a region is not specialised in only.</item>
/// <item>Logit / FixedEffectsLogit: entry on the indicator standardised over the cells at risk (β per standard
/// deviation), without and with region and sector fixed effects (region only for a sector-level indicator).
/// ControlledLogit: the fixed-effects logit with the cell's own RCA at t0 (standardised) as a control, since a cell
/// just below RCA 1 crosses it most easily; null for lq itself.</item>
/// <item>GrowthRho: Spearman ρ between the indicator and growth relative to Great Britain over all cells.</item>
/// <item>TopDecileMedian, RestMedian, TopMinusRest: median relative growth of the top decile by the indicator, of the
/// rest, and their difference.</item>
/// </list>
/// Logits, where not computed (robustness variants), are null.
/// </summary>
public sealed record PredictorResult(
    string Id,
    string Name,
    Estimate EntryAuc,
    Estimate WithinRegionEntryAuc,
    Estimate ExitAuc,
    LogitFit? Logit,
    LogitFit? FixedEffectsLogit,
    LogitFit? ControlledLogit,
    string FixedEffects,
    Estimate GrowthRho,
    double TopDecileMedian,
    double RestMedian,
    Estimate TopMinusRest);
