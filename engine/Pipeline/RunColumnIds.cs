namespace CompeteModel.Engine.Pipeline;

/// <summary>The size columns a city-region run adds to its indicator matrix beside the indicators.</summary>
public static class RunColumnIds
{
    /// <summary>Jobs in the sector in the region in the end year.</summary>
    public const string Employment = "employment";

    /// <summary>Firms (enterprises) in the sector in the region in the end year (firm-level data only).</summary>
    public const string Firms = "firms";
}
