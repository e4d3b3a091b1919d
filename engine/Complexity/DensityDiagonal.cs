namespace CompeteModel.Engine.Complexity;

/// <summary>Whether a sector's own proximity (φ[s,s]) enters its relatedness density.</summary>
public enum DensityDiagonal
{
    /// <summary>py-ecomplexity: d[r,s] = Σ_s' M[r,s']·φ[s',s] / Σ_s' φ[s',s], the diagonal included.</summary>
    Included,

    /// <summary>EconGeo's <c>relatedness_density</c>: the same with φ[s,s] set to 0 (reported here in [0,1], not ×100).</summary>
    Excluded,
}
