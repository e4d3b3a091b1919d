namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// One indicator's part in a sector's composite: the raw value (and its data band, NaN when none), the normalised
/// value, the nominal and effective weight, the contribution (composite points) and the gap to the next-ranked
/// sector's contribution. Missing values are NaN with <see cref="Note"/> saying why.
/// </summary>
public sealed record SectorExplanationRow(
    string IndicatorId,
    string Label,
    string PillarId,
    double Raw,
    double Lower,
    double Upper,
    double Normalised,
    double IndicatorWeight,
    double PillarWeight,
    double EffectiveWeight,
    double Contribution,
    double GapToNext,
    string Note);
