using CompeteModel.Engine.Geography;

namespace CompeteModel.Engine.Complexity;

/// <summary>
/// The rows of a reference geography with one region merged: every unit in the order given, except that
/// the units that are parts of the region are replaced by one row for the region, where its first part was.
/// Used for the ITL2 reference (<see cref="UkReferenceGeography"/>: parts = the region's ITL2 areas) and the
/// district reference (<see cref="LadReferenceGeography"/>: parts = the region's districts), so no job is
/// counted twice and the region competes with the rest of GB as one unit.
/// </summary>
internal static class ReferenceRows
{
    /// <summary>The merged rows and the row of <paramref name="region"/> (−1 when no unit is a part of it).</summary>
    public static (List<Region> Rows, int RegionRow) Merge(IEnumerable<Region> units, Region region, Func<Region, bool> isPart)
    {
        var rows = new List<Region>();
        int regionRow = -1;
        foreach (var u in units)
        {
            if (!isPart(u)) { rows.Add(u); continue; }
            if (regionRow >= 0) continue;
            regionRow = rows.Count;
            rows.Add(region);
        }
        return (rows, regionRow);
    }
}
