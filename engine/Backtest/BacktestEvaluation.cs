namespace CompeteModel.Engine.Backtest;

/// <summary>
/// The backtest of one <see cref="Variant"/>: the cells counted (and those left out, by reason), the predictors'
/// results, the placebo (density shuffled within regions; pooled and within-region AUC), entry rates by density decile, ROC curves (main variant
/// only) and notes on the complexity calculation behind the predictors.
/// </summary>
public sealed record BacktestEvaluation(
    Variant Variant,
    int Regions,
    int Sectors,
    int EntryAtRisk,
    int Entries,
    int ExitAtRisk,
    int Exits,
    IReadOnlyList<(string Reason, int Cells)> Excluded,
    IReadOnlyList<PredictorResult> Predictors,
    Estimate Placebo,
    Estimate PlaceboWithinRegion,
    IReadOnlyList<DecileRate> DensityDeciles,
    IReadOnlyDictionary<string, IReadOnlyList<RocPoint>> RocCurves,
    IReadOnlyList<string> Notes)
{
    /// <summary>The result of the predictor with this id (density, cog, pci, composite).</summary>
    public PredictorResult Predictor(string id) => Predictors.First(p => p.Id == id);

    /// <summary>Entry rate of the top density decile over that of the bottom decile.</summary>
    public double TopBottomEntryRatio => DensityDeciles.Count == 10 && DensityDeciles[0].Rate > 0 ? DensityDeciles[9].Rate / DensityDeciles[0].Rate : double.NaN;
}
