namespace CompeteModel.Engine.Ingest.Uk;

/// <summary>The price basis of an ONS regional GVA table.</summary>
public enum GvaPriceBasis
{
    /// <summary>Current prices, £ million.</summary>
    CurrentPrices,

    /// <summary>
    /// Chained volume measures, £ million of the reference year (2019). Chained volumes are not
    /// additive: outside the reference year the parts of an aggregate do not sum to it.
    /// </summary>
    ChainedVolume,
}
