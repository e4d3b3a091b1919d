using CompeteModel.Engine.Panels;

namespace CompeteModel.Engine.Reporting;

/// <summary>One model indicator in the weight explorer: its id, label, pillar (index into <see cref="WeightExplorer.PillarIds"/>), provenance and whether the run used it.</summary>
public sealed record ExplorerIndicator(string Id, string Label, int Pillar, Provenance Provenance, bool Used);
