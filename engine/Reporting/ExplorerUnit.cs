namespace CompeteModel.Engine.Reporting;

/// <summary>
/// One scored unit in the weight explorer: code, name, the normalised values it was aggregated from (model indicator
/// order, NaN = missing) and its pillar scores under the base weights (spec pillar order, NaN = no value in the pillar).
/// </summary>
public sealed record ExplorerUnit(string Code, string Name, IReadOnlyList<double> Normalised, IReadOnlyList<double> PillarScores);
