namespace CompeteModel.Engine.Reporting;

/// <summary>Each sector's rank in each region (null = not scored there).</summary>
public sealed record ComparisonTable
{
    public ComparisonTable(IReadOnlyList<string> regions, IReadOnlyList<string> sectorLabels, int?[][] ranks)
    {
        if (ranks.Length != sectorLabels.Count) throw new ArgumentException($"{ranks.Length} rows for {sectorLabels.Count} sectors");
        foreach (var row in ranks)
            if (row.Length != regions.Count) throw new ArgumentException($"a row has {row.Length} ranks for {regions.Count} regions");
        Regions = regions;
        SectorLabels = sectorLabels;
        Ranks = ranks;
    }

    public IReadOnlyList<string> Regions { get; }
    public IReadOnlyList<string> SectorLabels { get; }
    public int?[][] Ranks { get; }
}
