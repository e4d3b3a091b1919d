namespace CompeteModel.Engine.Scoring;

/// <summary>
/// Reliability thresholds. <see cref="MinFirms"/>: units with fewer firms (the matrix's "firms" column) are unscored.
/// <see cref="Presence"/>: the LQ/RCA at which a unit counts as present (METHODS: 1.0); the indicator stage uses it for
/// presence, density and complexity, and scoring uses it as the default specialisation cut of the quadrants.
/// <see cref="DataAvailability"/>: the share (0–1) of the model's indicators a unit must have to be scored.
/// </summary>
public sealed record SpecThresholds(int? MinFirms = null, double Presence = 1.0, double DataAvailability = 0.5);
