namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// A comparison of one spec over several regions on one sector axis: each region's run, its employment shares in
/// the target year (the basis of peer similarity), the region × region similarity matrix, each region's peers, and
/// each sector's rank in each region (null where the sector is not scored there). <see cref="SectorOrder"/> lists the
/// scored sector indices: most regions scoring them first, then by mean rank over those regions, then by code (so a
/// sector scored in one region only does not head the table on a single rank).
/// </summary>
public sealed class CompareResult
{
    public required IReadOnlyList<CompareInput> Regions { get; init; }
    public required CompareOptions Options { get; init; }
    public required int Focus { get; init; }
    public required IReadOnlyList<string> SectorCodes { get; init; }
    public required IReadOnlyList<string> SectorNames { get; init; }

    /// <summary>[region][sector] employment in the target year (NaN unpublished).</summary>
    public required IReadOnlyList<double[]> Employment { get; init; }

    /// <summary>[region][sector] share of the region's employment.</summary>
    public required IReadOnlyList<double[]> Shares { get; init; }

    /// <summary>Region × region similarity (or distance), row-major.</summary>
    public required double[] Similarity { get; init; }

    /// <summary>[region] its peers, most similar first.</summary>
    public required IReadOnlyList<IReadOnlyList<PeersMatch>> Peers { get; init; }

    /// <summary>[sector][region] rank (1 = best) or null when unscored.</summary>
    public required int?[][] Ranks { get; init; }

    public required IReadOnlyList<int> SectorOrder { get; init; }

    /// <summary>The regions as labelled in every table: the id, marked "~" for an approximation (<see cref="CompareInput.Label"/>).</summary>
    public IReadOnlyList<string> RegionIds => Regions.Select(r => r.Label).ToArray();

    /// <summary>Index of a region id or label, or −1.</summary>
    public int IndexOf(string regionId)
    {
        for (int i = 0; i < Regions.Count; i++)
            if (string.Equals(Regions[i].Run.Region.Id, regionId, StringComparison.OrdinalIgnoreCase)
                || string.Equals(Regions[i].Label, regionId, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }
}
