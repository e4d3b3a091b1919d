namespace CompeteModel.Engine.Complexity;

/// <summary>How sector–sector relatedness φ is computed from the binary presence matrix M.</summary>
public enum ProximityMethod
{
    /// <summary>
    /// Hidalgo et al. (2007), py-ecomplexity default: φ[s,s'] = Σ_r M[r,s]·M[r,s'] / max(k_s, k_s'), diagonal 1.
    /// </summary>
    CoOccurrence,

    /// <summary>
    /// EconGeo's <c>relatedness(co_occurrence(t(M)), method = "prob")</c> (Steijn 2017, after van Eck and
    /// Waltman 2009): with c = MᵀM with its diagonal set to 0, s_i = Σ_j c[i,j], t = Σ c,
    /// φ[i,j] = c[i,j] / ( ((s_i/t)·(s_j/(t−s_i)) + (s_j/t)·(s_i/(t−s_j))) · t/2 ); undefined cells and the diagonal are 0.
    /// </summary>
    EconGeoProbability,
}
