namespace CompeteModel.Engine.Scoring;

/// <summary>
/// Complexity indicators (<see cref="Indicators"/>, e.g. pci and cog) enter the composite only when diagnostics that do
/// not use the sign anchor pass (spec key <c>complexity_gate</c>): in every year of the end window the ECI oriented by
/// the productivity anchor also correlates positively with diversity (the two sign rules agree), and the PCI ranking of
/// the end year agrees with the year before's (Spearman ≥ <see cref="MinYearStability"/>). Otherwise they are reported
/// as diagnostics and their weight is redistributed.
/// </summary>
public sealed record ComplexityGateSpec(IReadOnlyList<string> Indicators, double MinYearStability);
