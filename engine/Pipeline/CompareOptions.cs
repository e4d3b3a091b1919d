namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// How a comparison chooses peers: the similarity measure, how many peers each region gets, and the focus region
/// (the report's region; null = the first region compared).
/// </summary>
public sealed record CompareOptions
{
    public PeersSimilarity Similarity { get; init; } = PeersSimilarity.Cosine;

    /// <summary>Peers per region (capped at the number of other regions).</summary>
    public int Peers { get; init; } = 3;

    /// <summary>Region id of the report's focus; null takes the first region.</summary>
    public string? Focus { get; init; }

    /// <summary>When true the report's rank table shows only the focus region and its peers.</summary>
    public bool FocusOnPeers { get; init; }

    /// <summary>Sectors in the top <see cref="TopN"/> of any region are shown in the report's rank table.</summary>
    public int TopN { get; init; } = 10;
}
