namespace CompeteModel.Engine.Pipeline;

/// <summary>One region's run in a comparison and a plain description of the data it rests on (published or firm-level).</summary>
public sealed record CompareInput(CityRegionRunResult Run, string DataDescription);
