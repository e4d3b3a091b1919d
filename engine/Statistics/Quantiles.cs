namespace CompeteModel.Engine.Statistics;

/// <summary>
/// Sample quantiles, Hyndman and Fan (1996) type 7: h = (n − 1)·p, Q(p) = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎)
/// over the order statistics (0-based), the default of R <c>quantile</c> and NumPy <c>percentile</c>, MathNet
/// <c>QuantileDefinition.R7</c>. NaN contract (docs/METHODS.md "Statistics and missing values"): NaN values are
/// left out (R <c>na.rm = TRUE</c>); the quantile of no values is NaN.
/// </summary>
public static class Quantiles
{
    /// <summary>Type-7 quantile of values already sorted ascending and free of NaN (the array form, no allocation).</summary>
    public static double Type7Sorted(ReadOnlySpan<double> sorted, double p)
    {
        int n = sorted.Length;
        if (n == 0) return double.NaN;
        double h = (n - 1) * p;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, n - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /// <summary>Type-7 quantile of any values: the NaN are dropped and a copy sorted.</summary>
    public static double Type7(ReadOnlySpan<double> values, double p)
    {
        var v = new double[values.Length];
        int n = 0;
        foreach (var x in values) if (!double.IsNaN(x)) v[n++] = x;
        Array.Sort(v, 0, n);
        return Type7Sorted(v.AsSpan(0, n), p);
    }
}
