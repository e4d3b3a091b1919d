using CompeteModel.Engine.Panels;

namespace CompeteModel.Engine.Reporting;

/// <summary>
/// Where one data source of the report comes from, and which charts it feeds; the report prints a
/// provenance line beside each chart built from the notes that feed it.
/// </summary>
/// <param name="Source">The data set, e.g. "BRES employment 2015–2021 (ONS, NOMIS)".</param>
/// <param name="Kind">Published statistics, generated firm-level data, or user data.</param>
/// <param name="Detail">A sentence for the provenance section (may be empty).</param>
/// <param name="Feeds">The charts built from these data.</param>
public sealed record ProvenanceNote(string Source, Provenance Kind, string Detail, ChartKind Feeds);
