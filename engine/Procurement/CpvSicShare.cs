namespace CompeteModel.Engine.Procurement;

/// <summary>
/// One row of the CPV → SIC concordance: the CPV prefix it applies to (2 digits = CPV division,
/// 3 = group, more = a finer exception), the SIC 2007 division, the share of the code's value given
/// to that division, and the reason written next to it.
/// </summary>
public sealed record CpvSicShare(string CpvPrefix, string CpvLabel, string SicDivision, double Weight, string Reasoning);
