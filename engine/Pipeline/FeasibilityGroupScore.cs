namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// A city region's score for one NACE section group (<see cref="FeasibilitySectorGroups"/>), aggregated from its
/// sector scores: <see cref="Composite"/> = Σ e_s·c_s / Σ e_s over the group's scored sectors with employment e_s &gt; 0;
/// <see cref="Rank"/> 1 = best over the groups that have a composite (ties by group code), null otherwise.
/// </summary>
public sealed record FeasibilityGroupScore(string Group, string Name, double Composite, int? Rank, int Sectors, int SectorsScored, double Employment);
