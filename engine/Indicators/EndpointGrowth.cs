using CompeteModel.Engine.Statistics;

namespace CompeteModel.Engine.Indicators;

/// <summary>
/// Growth between multi-year endpoints (docs/METHODS.md "Noise-robust growth"). A single year of a small published
/// cell carries its rounding and sampling noise into the growth rate; averaging w years at each end damps it. With
/// m0 the mean over the base window [t0, t0+w−1] and m1 the mean over the end window [t1−w+1, t1], growth is
/// annualised over the distance between the window midpoints, Δ = (t1 − t0) − (w − 1):
/// g = (m1/m0)^(1/Δ) − 1. With w = 1 this is the compound annual growth rate of the indicator library
/// (<see cref="Growth"/>).
/// </summary>
public static class EndpointGrowth
{
    /// <summary>The widest window (≤ <paramref name="wanted"/>) for which base and end windows of [t0, t1] do not overlap: min(w, ⌊(t1 − t0 + 1)/2⌋), at least 1.</summary>
    public static int Window(int baseYear, int endYear, int wanted) => Math.Max(1, Math.Min(wanted, (endYear - baseYear + 1) / 2));

    /// <summary>Years between the window midpoints: (t1 − t0) − (w − 1).</summary>
    public static double Span(int baseYear, int endYear, int window) => endYear - baseYear - (window - 1);

    /// <summary>Mean of a window of values; NaN (unknown) when any value is unknown, since a partial mean would move with the gap.</summary>
    public static double Mean(ReadOnlySpan<double> values)
    {
        if (values.Length == 0) return double.NaN;
        double sum = 0;
        foreach (var v in values)
        {
            if (double.IsNaN(v)) return double.NaN;
            sum += v;
        }
        return sum / values.Length;
    }

    /// <summary>
    /// Annualised growth (m1/m0)^(1/Δ) − 1 between two window means Δ years apart. Undefined (NaN with its reason) when
    /// either mean is unknown, the base mean is 0 (absent) or negative, or Δ ≤ 0.
    /// </summary>
    public static double Annualised(double m0, double m1, double span, out UndefinedReason reason)
    {
        if (double.IsNaN(m0) || double.IsNaN(m1)) { reason = UndefinedReason.UnknownInput; return double.NaN; }
        if (m0 == 0) { reason = UndefinedReason.AbsentInBaseYear; return double.NaN; }
        if (m0 < 0 || m1 < 0) { reason = UndefinedReason.NonPositiveBase; return double.NaN; }
        if (!(span > 0)) throw new ArgumentOutOfRangeException(nameof(span), "the windows must be at least one year apart");
        reason = UndefinedReason.None;
        return CompoundGrowth.Rate(m0, m1, span);
    }

    /// <summary>
    /// Annualised growth of a yearly series between its first and last <paramref name="window"/> years
    /// (<paramref name="series"/>[0] is the base year t0, the last element the end year t1).
    /// </summary>
    public static double OfSeries(ReadOnlySpan<double> series, int window, out UndefinedReason reason)
    {
        int n = series.Length;
        if (window < 1 || 2 * window > n) throw new ArgumentOutOfRangeException(nameof(window), "two windows of " + window + " years do not fit in " + n + " years");
        return Annualised(Mean(series[..window]), Mean(series[(n - window)..]), n - 1 - (window - 1), out reason);
    }
}
