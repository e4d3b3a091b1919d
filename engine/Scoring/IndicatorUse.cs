using CompeteModel.Engine.Panels;

namespace CompeteModel.Engine.Scoring;

/// <summary>
/// How one model indicator was used in a run: its pillar, family (null when the spec was read against a catalog
/// other than <see cref="IndicatorCatalog.Standard"/>) and provenance (published statistics or generated
/// data), the share of units that had a value, whether it was used, and what was done to it (winsorised values,
/// or why it was dropped).
/// </summary>
public sealed record IndicatorUse(string Id, string PillarId, IndicatorFamily? Family, Provenance Provenance, double Availability, bool Used, int WinsorisedValues, string Note);
