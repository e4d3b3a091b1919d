namespace CompeteModel.Engine.Technologies;

/// <summary>
/// Firm-level input for technology measures, as parallel arrays (one entry per firm × year): region and
/// sector indices into <see cref="RegionCodes"/> and <see cref="SectorCodes"/>, employment (NaN where
/// unknown: such firms count in firm measures and are left out of employment measures, and counted),
/// year, and the firm's technologies as a bitmask (bit t = <see cref="TechnologyIds"/>[t], e.g. from
/// <see cref="TechnologyTagger.TagMasks"/>). The caller maps firms to regions and sectors and accounts
/// for firms it cannot map; every firm given here must have a valid region and sector.
/// </summary>
public sealed class TechnologyFirms
{
    public TechnologyFirms(int[] region, int[] sector, double[] employment, int[] year, ulong[] technologies,
        IReadOnlyList<string> regionCodes, IReadOnlyList<string> sectorCodes, IReadOnlyList<string> technologyIds)
    {
        int n = region.Length;
        if (sector.Length != n || employment.Length != n || year.Length != n || technologies.Length != n)
            throw new ArgumentException("region, sector, employment, year and technology arrays must have the same length");
        if (regionCodes.Count == 0 || sectorCodes.Count == 0 || technologyIds.Count == 0)
            throw new ArgumentException("at least one region, sector and technology are needed");
        if (technologyIds.Count > TechnologyTaxonomy.MaxTechnologies)
            throw new ArgumentException($"at most {TechnologyTaxonomy.MaxTechnologies} technologies fit a mask");
        ulong allowed = technologyIds.Count == 64 ? ulong.MaxValue : (1UL << technologyIds.Count) - 1;
        for (int i = 0; i < n; i++)
        {
            if ((uint)region[i] >= (uint)regionCodes.Count) throw new ArgumentException($"firm {i}: region index {region[i]} out of range");
            if ((uint)sector[i] >= (uint)sectorCodes.Count) throw new ArgumentException($"firm {i}: sector index {sector[i]} out of range");
            if ((technologies[i] & ~allowed) != 0) throw new ArgumentException($"firm {i}: technology mask has bits beyond {technologyIds.Count} technologies");
            if (employment[i] < 0) throw new ArgumentException($"firm {i}: negative employment");
        }
        Region = region;
        Sector = sector;
        Employment = employment;
        Year = year;
        Technologies = technologies;
        RegionCodes = regionCodes;
        SectorCodes = sectorCodes;
        TechnologyIds = technologyIds;
    }

    public int Count => Region.Length;
    public int[] Region { get; }
    public int[] Sector { get; }
    public double[] Employment { get; }
    public int[] Year { get; }
    public ulong[] Technologies { get; }
    public IReadOnlyList<string> RegionCodes { get; }
    public IReadOnlyList<string> SectorCodes { get; }
    public IReadOnlyList<string> TechnologyIds { get; }
}
