namespace CompeteModel.Engine.Scoring;

/// <summary>
/// One scored unit. <see cref="PillarScores"/> follow the spec's pillar order (NaN when none of the pillar's
/// indicators has a value); <see cref="Contributions"/> and <see cref="GapToNext"/> follow the model's indicator order
/// (<see cref="ScoreResult.Indicators"/>).
/// Contribution of indicator k = effective weight × normalised value, where the effective weight is
/// (pillar weight / Σ weights of the unit's present pillars) × (indicator weight / Σ weights of the pillar's present
/// indicators); under arithmetic aggregation the contributions add up to <see cref="Composite"/>, under geometric
/// aggregation (value v mapped to [1, 100], contribution = effective weight × ln v) they add up to ln(<see cref="Composite"/>).
/// A missing indicator's contribution is NaN (it was re-weighted away, not counted as zero).
/// <see cref="GapToNext"/>[k] = this unit's contribution − the next-ranked unit's (missing counted as 0), so the gaps add
/// up to the composite difference (or its log under geometric); empty for the last-ranked unit.
/// </summary>
public sealed record UnitScore(
    string Code,
    string Name,
    int Rank,
    double Composite,
    IReadOnlyList<double> PillarScores,
    IReadOnlyList<double> Contributions,
    string? NextCode,
    IReadOnlyList<double> GapToNext,
    SpecialisationGrowthClass SpecialisationGrowth,
    RelatednessComplexityClass RelatednessComplexity)
{
    /// <summary>
    /// The normalised values the composite was aggregated from, in the model's indicator order (NaN: missing or the
    /// indicator was dropped); under geometric aggregation already mapped onto [1, 100].
    /// </summary>
    public IReadOnlyList<double> Normalised { get; init; } = [];
}
