namespace CompeteModel.Engine.Reporting;

/// <summary>Sectors × technologies intensities for the heat map; NaN = not measured.</summary>
public sealed record TechnologyMatrix
{
    public TechnologyMatrix(string valueLabel, IReadOnlyList<string> sectorLabels, IReadOnlyList<string> technologies, double[][] values)
    {
        if (values.Length != sectorLabels.Count) throw new ArgumentException($"matrix has {values.Length} rows for {sectorLabels.Count} sectors");
        foreach (var row in values)
            if (row.Length != technologies.Count) throw new ArgumentException($"a matrix row has {row.Length} values for {technologies.Count} technologies");
        ValueLabel = valueLabel;
        SectorLabels = sectorLabels;
        Technologies = technologies;
        Values = values;
    }

    /// <summary>What a cell measures, e.g. "share of firms using the technology (%)".</summary>
    public string ValueLabel { get; }
    public IReadOnlyList<string> SectorLabels { get; }
    public IReadOnlyList<string> Technologies { get; }
    public double[][] Values { get; }
}
