namespace CompeteModel.Engine.Reporting;

/// <summary>One scored unit in the weight explorer: code, name and the normalised values it was aggregated from (NaN = missing).</summary>
public sealed record ExplorerUnit(string Code, string Name, IReadOnlyList<double> Normalised);
