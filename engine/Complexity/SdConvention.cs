namespace CompeteModel.Engine.Complexity;

/// <summary>The standard deviation used to standardise ECI, PCI and COI.</summary>
public enum SdConvention
{
    /// <summary>Population sd, divisor N (numpy default, py-ecomplexity).</summary>
    Population,

    /// <summary>Sample sd, divisor N−1 (R's <c>sd()</c>, as the R package economiccomplexity uses).</summary>
    SampleNMinus1,
}
