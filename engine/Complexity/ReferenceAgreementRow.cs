namespace CompeteModel.Engine.Complexity;

/// <summary>
/// How far the ITL2 and the district reference geographies agree for one city region
/// (<see cref="ReferenceAgreement.CompareRegion"/>). Spearman ρ is over the sectors that entered both
/// calculations (<see cref="CommonSectors"/>); NaN when fewer than 2 or a side is constant. Ranks: 1 = most
/// complex, among <see cref="RegionsItl2"/> and <see cref="RegionsLad"/> rows respectively.
/// </summary>
public sealed record ReferenceAgreementRow(
    string CityRegion,
    int CommonSectors,
    double PciSpearman,
    double DensitySpearman,
    double CogSpearman,
    int EciRankItl2,
    int EciRankLad,
    int RegionsItl2,
    int RegionsLad);
