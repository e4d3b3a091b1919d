namespace CompeteModel.Engine.Statistics;

/// <summary>
/// The location quotient (Balassa 1965 revealed comparative advantage): LQ = (x/X)/(b/B), a unit's share of a
/// sector over the benchmark's share (docs/METHODS.md "Specialisation"; REAT <c>locq</c>, economiccomplexity
/// <c>balassa_index</c>). NaN contract (docs/METHODS.md "Statistics and missing values"): undefined, NaN (never
/// zero), where an input is NaN or X, b or B is zero; callers that report a reason decide it before calling.
/// </summary>
public static class LocationQuotient
{
    /// <summary>
    /// LQ = (x·B)/(X·b), written so that integer inputs with equal shares give exactly 1 (a presence threshold of
    /// LQ ≥ 1 then counts them).
    /// </summary>
    public static double Of(double x, double regionTotal, double benchmarkSector, double benchmarkTotal)
    {
        if (double.IsNaN(x) || double.IsNaN(regionTotal) || double.IsNaN(benchmarkSector) || double.IsNaN(benchmarkTotal)) return double.NaN;
        if (regionTotal == 0 || benchmarkSector == 0 || benchmarkTotal == 0) return double.NaN;
        return x * benchmarkTotal / (regionTotal * benchmarkSector);
    }

    /// <summary>LQ = (x/X)/s against a benchmark share s = b/B already divided out; NaN where X or s is not positive or x is NaN.</summary>
    public static double OfShare(double x, double regionTotal, double benchmarkShare)
    {
        if (double.IsNaN(x) || !(regionTotal > 0) || !(benchmarkShare > 0)) return double.NaN;
        return x / regionTotal / benchmarkShare;
    }
}
