namespace CompeteModel.Engine.Pipeline;

/// <summary>One region's run in a comparison and a plain description of the data it rests on (published or firm-level).</summary>
public sealed record CompareInput(CityRegionRunResult Run, string DataDescription)
{
    /// <summary>
    /// True when the run describes the region's ITL2 parent area(s) instead of the region itself (the published ITL2 cells
    /// cannot be split): an approximation, labelled as such in every table and report of the comparison.
    /// </summary>
    public bool Approximation { get; init; }

    /// <summary>The region's id as printed in comparisons: marked with "~" when it is an approximation.</summary>
    public string Label => Approximation ? Run.Region.Id + "~" : Run.Region.Id;
}
