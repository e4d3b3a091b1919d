namespace CompeteModel.Engine.Scoring;

/// <summary>
/// The scores of one run of a spec (under its base weights or one weight set): units in rank order (1 = best; ties
/// broken by ordinal unit code), the units left unscored with their reason, how each indicator was used, the
/// quadrant cut-offs applied, and notes on everything the run assumed or changed.
/// </summary>
public sealed record ScoreResult(
    string SpecName,
    string WeightSet,
    AggregationMethod Aggregation,
    IReadOnlyList<string> PillarIds,
    IReadOnlyList<double> PillarWeights,
    IReadOnlyList<IndicatorUse> Indicators,
    IReadOnlyList<UnitScore> Units,
    IReadOnlyList<UnscoredUnit> Unscored,
    double? RelatednessCut,
    double? ComplexityCut,
    IReadOnlyList<string> Notes)
{
    /// <summary>
    /// The indicator weights this result was aggregated with, in the model's indicator order (<see cref="Indicators"/>),
    /// before the per-unit re-normalisation over present values; with <see cref="PillarWeights"/> and each unit's
    /// <see cref="UnitScore.Normalised"/> values they reproduce every composite (what the report's weight explorer and
    /// the workbook's formulas recompute).
    /// </summary>
    public IReadOnlyList<double> IndicatorWeights { get; init; } = [];

    /// <summary>The scored unit with this code, or null.</summary>
    public UnitScore? Find(string code) => Units.FirstOrDefault(u => u.Code == code);
}
