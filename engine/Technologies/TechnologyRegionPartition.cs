using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Ingest.Micro;

namespace CompeteModel.Engine.Technologies;

/// <summary>
/// The regions a technology profile compares: the target region first (its districts), then the ITL1 areas
/// of every other district (an ITL1 area that lost districts to the target is labelled "<c>TLG (rest)</c>").
/// Together they partition the districts of the geography, so the benchmark — the sum over all regions — is
/// the whole business base of the firm data. ITL1 rather than ITL2 for the rest so that the two districts
/// that straddle ITL2 areas are never assigned to one of them.
/// </summary>
public sealed class TechnologyRegionPartition
{
    private readonly int[] _regionOfLad;

    public TechnologyRegionPartition(GeographyModel geography, Region target)
    {
        var inTarget = new HashSet<string>(target.LadCodes, StringComparer.OrdinalIgnoreCase);
        var lost = new HashSet<string>(StringComparer.Ordinal);
        foreach (var l in geography.Lads) if (inTarget.Contains(l.Code)) lost.Add(l.Itl1Code);
        var itl1 = geography.Lads.Where(l => !inTarget.Contains(l.Code)).Select(l => l.Itl1Code).Distinct().Order(StringComparer.Ordinal).ToList();
        var codes = new List<string> { target.Code };
        codes.AddRange(itl1.Select(c => lost.Contains(c) ? c + " (rest)" : c));
        _regionOfLad = new int[geography.Lads.Count];
        for (int i = 0; i < geography.Lads.Count; i++)
        {
            var l = geography.Lads[i];
            _regionOfLad[i] = inTarget.Contains(l.Code) ? 0 : 1 + itl1.IndexOf(l.Itl1Code);
        }
        Target = target;
        RegionCodes = codes;
    }

    public Region Target { get; }

    /// <summary>Region labels; index 0 is the target.</summary>
    public IReadOnlyList<string> RegionCodes { get; }

    /// <summary>The region index of a district (index into <see cref="GeographyModel.Lads"/>).</summary>
    public int RegionOfLad(int ladIndex) => _regionOfLad[ladIndex];

    /// <summary>
    /// Builds profile input from a firm table read by <see cref="MicroDataReader"/> (the one reader of firm files, with its
    /// rules for every row), each firm tagged from its description and CPC codes; <paramref name="source"/> names the file
    /// in the error when no row was usable.
    /// </summary>
    public TechnologyFirms Firms(FirmTable firms, TechnologyTagger tagger, string source)
    {
        if (firms.Count == 0) throw new InputException("no usable firm rows", source);
        return Firms(firms.LadIndex, firms.SicCode, firms.Employment, firms.Year, tagger.TagMasks(firms.Description, firms.Cpc),
            tagger.Taxonomy.Technologies.Select(t => t.Id).ToList());
    }

    /// <summary>
    /// Builds profile input from firm arrays as in the micro-data firm table: district index, SIC code (2–5 digits;
    /// the sector is its division, the first two digits), employment, year and technology masks.
    /// </summary>
    public TechnologyFirms Firms(int[] ladIndex, string[] sicCode, double[] employment, int[] year, ulong[] masks, IReadOnlyList<string> technologyIds)
    {
        int n = ladIndex.Length;
        var divisions = sicCode.Select(Division).Distinct().Order(StringComparer.Ordinal).ToList();
        var divIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < divisions.Count; i++) divIndex[divisions[i]] = i;
        var region = new int[n];
        var sector = new int[n];
        for (int i = 0; i < n; i++)
        {
            region[i] = _regionOfLad[ladIndex[i]];
            sector[i] = divIndex[Division(sicCode[i])];
        }
        return new TechnologyFirms(region, sector, employment, year, masks, RegionCodes, divisions, technologyIds);
    }

    private static string Division(string sic) =>
        sic.Length >= 2 ? sic[..2] : throw new ArgumentException($"SIC code '{sic}' has fewer than two digits");
}
