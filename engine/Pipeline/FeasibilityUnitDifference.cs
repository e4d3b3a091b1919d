namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// One unit ranked at both scales: its ranks as given, its ranks among the units the two rankings share (mid-ranks
/// when tied), and <see cref="Difference"/> = city-region common rank − national common rank (positive: the unit
/// ranks lower in the city region than in the nation).
/// </summary>
public sealed record FeasibilityUnitDifference(string Unit, int NationalRank, int CityRegionRank, double NationalCommonRank, double CityRegionCommonRank)
{
    public double Difference => CityRegionCommonRank - NationalCommonRank;
}
