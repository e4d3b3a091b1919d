namespace CompeteModel.Engine.Indicators;

/// <summary>What a region is compared with (METHODS.md, "Specialisation"): B[s] and B[·] in LQ = (X[r,s]/X[r,·]) / (B[s]/B[·]).</summary>
public enum BenchmarkConvention
{
    /// <summary>Default: B is the sum over all regions in the data (Balassa's "world"; EconGeo and py-ecomplexity do this).</summary>
    AllRegions,
    /// <summary>B is one named region of the data, such as the nation (REAT's <c>locq(e_ij, e_j, e_i, e)</c> with a national row); that region gets no indicators of its own.</summary>
    NamedRegion,
    /// <summary>B is the sum over a named peer group of regions (which may include the region itself).</summary>
    PeerGroup,
}
