namespace CompeteModel.Engine.Scoring;

/// <summary>
/// One indicator inside a pillar. <see cref="Weight"/> is the normalised weight inside the pillar (the weights of a
/// pillar sum to 1 after loading). <see cref="MinAvailability"/> is the share of units (0–1) that must have a value
/// for the indicator to be used at all; below it the indicator is dropped from the run and reported.
/// </summary>
public sealed record IndicatorSpec(
    string Id,
    Direction Direction,
    double Weight,
    NormalisationMethod Normalisation,
    double? TargetValue,
    Winsorisation Winsorisation,
    double? MinAvailability,
    long Line);
