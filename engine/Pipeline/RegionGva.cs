using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// The region's published GVA (ONS regional accounts, current prices, £ million) by GVA industry over the run's years,
/// and the GVA industry that holds each of the run's sectors (a division, or the wider industry group the ONS publishes
/// it in, e.g. "CD-CF (19-21)"), for the report's small series charts.
/// </summary>
public sealed record RegionGva(Panel Panel, IReadOnlyDictionary<string, GvaIndustry> IndustryOf)
{
    /// <summary>Null when the region is neither a union of ITL2 areas nor an ITL3 area (the ONS publishes GVA for those only).</summary>
    public static RegionGva? For(UkData uk, Region region, IReadOnlyList<Sector> sectors, IReadOnlyList<int> years)
    {
        if (!region.IsItl2Union && region.Kind != RegionKind.Itl3) return null;
        bool itl3 = region.Kind == RegionKind.Itl3;
        var panel = uk.BuildGvaPanel([region], chainedVolume: false, years);
        var map = new Dictionary<string, GvaIndustry>(StringComparer.Ordinal);
        foreach (var s in sectors)
        {
            var c = SicHierarchy.Clean(s.Code);
            if (s.Level is null || s.Level == SectorLevel.Section || c.Length < 2) continue;
            if (uk.GvaIndustryOf(c[..2], itl3) is { } g) map[s.Code] = g;
        }
        return new RegionGva(panel, map);
    }

    /// <summary>The region's GVA in the industry holding <paramref name="sectorCode"/>, year by year of <paramref name="years"/> (NaN where missing); empty when none holds it.</summary>
    public double[] Series(string sectorCode, IReadOnlyList<int> years)
    {
        if (!IndustryOf.TryGetValue(sectorCode, out var g) || !Panel.TrySectorIndex(g.Code, out int s)) return [];
        var v = Panel[Measure.GvaCurrent];
        return years.Select(y => Panel.Years.Contains(y) ? v.Value[Panel.Index(0, s, Panel.YearIndex(y))] : double.NaN).ToArray();
    }
}
