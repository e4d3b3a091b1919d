namespace CompeteModel.Engine.Indicators;

/// <summary>
/// Firms of one year as parallel arrays: the region index, sector index (positions on the panel's axes)
/// and weight (the firm's contribution to the measure, e.g. its employment) of each firm.
/// </summary>
public sealed record FirmSample(int[] RegionOfFirm, int[] SectorOfFirm, double[] Weight)
{
    public int Count => Weight.Length;
}
