namespace CompeteModel.Engine.Pipeline;

/// <summary>How the similarity of two regions' sector structures is measured when choosing peers.</summary>
public enum PeersSimilarity
{
    /// <summary>Cosine similarity of employment-share vectors (1 = identical structure, 0 = no sector in common).</summary>
    Cosine,

    /// <summary>Krugman dissimilarity Σ|x_s − y_s| of employment shares (0 = identical, 2 = disjoint); lower is more similar.</summary>
    Krugman,
}
