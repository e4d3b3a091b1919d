using CompeteModel.Engine.Statistics;

namespace CompeteModel.Engine.Scoring;

/// <summary>
/// Normalisation and winsorisation formulas over one indicator's values across units (OECD/JRC, "Handbook on
/// Constructing Composite Indicators", 2008, section 5; winsorisation rule of the JRC COIN tool / COINr).
/// NaN marks a missing value: it is skipped by every statistic and stays NaN in the output.
/// A constant indicator (max = min) carries no information: min–max and percentile give every unit 50, z-score 0,
/// distance to target 100 when every unit sits at the target.
/// </summary>
public static class Normaliser
{
    /// <summary>Min–max onto 0–100: y = 100·(x − min)/(max − min).</summary>
    public static void MinMax(ReadOnlySpan<double> x, Span<double> y)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in x) if (!double.IsNaN(v)) { if (v < min) min = v; if (v > max) max = v; }
        double range = max - min;
        for (int i = 0; i < x.Length; i++)
            y[i] = double.IsNaN(x[i]) ? double.NaN : range > 0 ? 100.0 * (x[i] - min) / range : 50.0;
    }

    /// <summary>Standard score: y = (x − mean)/sd with the population sd √(Σ(x − mean)²/n).</summary>
    public static void ZScore(ReadOnlySpan<double> x, Span<double> y)
    {
        double sum = 0; int n = 0;
        foreach (var v in x) if (!double.IsNaN(v)) { sum += v; n++; }
        double mean = n > 0 ? sum / n : double.NaN, ss = 0;
        foreach (var v in x) if (!double.IsNaN(v)) ss += (v - mean) * (v - mean);
        double sd = n > 0 ? Math.Sqrt(ss / n) : double.NaN;
        for (int i = 0; i < x.Length; i++)
            y[i] = double.IsNaN(x[i]) ? double.NaN : sd > 0 ? (x[i] - mean) / sd : 0.0;
    }

    /// <summary>Ascending rank 1..n among the non-missing values; tied values get the average of their ranks (<see cref="Ranks.MidRanks(ReadOnlySpan{double}, Span{double})"/>).</summary>
    public static void Rank(ReadOnlySpan<double> x, Span<double> y) => Ranks.MidRanks(x, y);

    /// <summary>Percentile rank 0–100: y = 100·(rank − 1)/(n − 1), rank as in <see cref="Rank"/>; 50 when n = 1.</summary>
    public static void Percentile(ReadOnlySpan<double> x, Span<double> y)
    {
        Rank(x, y);
        int n = 0;
        foreach (var v in x) if (!double.IsNaN(v)) n++;
        for (int i = 0; i < y.Length; i++)
            if (!double.IsNaN(y[i])) y[i] = n > 1 ? 100.0 * (y[i] - 1.0) / (n - 1) : 50.0;
    }

    /// <summary>Distance to a target t onto 0–100: y = 100·(1 − |x − t| / maxᵤ|xᵤ − t|); the unit at the target scores 100, the farthest 0.</summary>
    public static void DistanceToTarget(ReadOnlySpan<double> x, double target, Span<double> y)
    {
        double dmax = 0;
        foreach (var v in x) if (!double.IsNaN(v)) dmax = Math.Max(dmax, Math.Abs(v - target));
        for (int i = 0; i < x.Length; i++)
            y[i] = double.IsNaN(x[i]) ? double.NaN : dmax > 0 ? 100.0 * (1.0 - Math.Abs(x[i] - target) / dmax) : 100.0;
    }

    /// <summary>
    /// Maps any normalised values onto [1, 100] for geometric aggregation, which needs strictly positive values:
    /// y = 1 + 99·(x − min)/(max − min) (order-preserving; a min–max value v becomes 1 + 0.99·v); 50.5 when constant.
    /// </summary>
    public static void ToPositiveRange(ReadOnlySpan<double> x, Span<double> y)
    {
        MinMax(x, y);
        for (int i = 0; i < y.Length; i++) if (!double.IsNaN(y[i])) y[i] = 1.0 + 0.99 * y[i];
    }

    /// <summary>Normalises by <paramref name="method"/>; <paramref name="target"/> is used only by <see cref="NormalisationMethod.Target"/>.</summary>
    public static void Apply(NormalisationMethod method, ReadOnlySpan<double> x, Span<double> y, double target = double.NaN)
    {
        switch (method)
        {
            case NormalisationMethod.MinMax: MinMax(x, y); break;
            case NormalisationMethod.ZScore: ZScore(x, y); break;
            case NormalisationMethod.Rank: Rank(x, y); break;
            case NormalisationMethod.Percentile: Percentile(x, y); break;
            case NormalisationMethod.Target: DistanceToTarget(x, target, y); break;
            default: throw new ArgumentOutOfRangeException(nameof(method));
        }
    }

    /// <summary>Moment skewness g₁ = m₃ / m₂^{3/2}, mᵢ = Σ(x − mean)ⁱ/n (as COINr's skew()).</summary>
    public static double Skewness(ReadOnlySpan<double> x)
    {
        var (m2, m3, _) = Moments(x);
        return m2 > 0 ? m3 / Math.Pow(m2, 1.5) : 0.0;
    }

    /// <summary>Moment excess kurtosis g₂ = m₄ / m₂² − 3 (as COINr's kurt()).</summary>
    public static double ExcessKurtosis(ReadOnlySpan<double> x)
    {
        var (m2, _, m4) = Moments(x);
        return m2 > 0 ? m4 / (m2 * m2) - 3.0 : 0.0;
    }

    /// <summary>
    /// Automatic winsorisation (METHODS.md; COINr's default rule): while |skewness| &gt; 2 and excess kurtosis &gt; 3.5,
    /// the most extreme value on the side of the skew is set to the next value inward, at most
    /// <paramref name="maxPoints"/> times. Works in place; returns how many values were clipped.
    /// </summary>
    public static int WinsoriseAuto(Span<double> x, int maxPoints = 5)
    {
        int clipped = 0;
        while (clipped < maxPoints)
        {
            double s = Skewness(x);
            if (!(Math.Abs(s) > 2.0 && ExcessKurtosis(x) > 3.5)) break;
            bool upper = s > 0;
            double extreme = upper ? double.NegativeInfinity : double.PositiveInfinity;
            foreach (var v in x) if (!double.IsNaN(v) && (upper ? v > extreme : v < extreme)) extreme = v;
            double next = upper ? double.NegativeInfinity : double.PositiveInfinity;
            foreach (var v in x) if (!double.IsNaN(v) && v != extreme && (upper ? v > next : v < next)) next = v;
            if (double.IsInfinity(next)) break;
            for (int i = 0; i < x.Length; i++) if (x[i] == extreme) { x[i] = next; clipped++; }
        }
        return clipped;
    }

    /// <summary>Clips values to the [lower, upper] percentiles (0–100, linear interpolation between order statistics, R type 7). Returns how many values changed.</summary>
    public static int WinsorisePercentiles(Span<double> x, double lowerPercentile, double upperPercentile)
    {
        double lo = Quantiles.Type7(x, lowerPercentile / 100.0), hi = Quantiles.Type7(x, upperPercentile / 100.0);
        int changed = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (double.IsNaN(x[i])) continue;
            if (x[i] < lo) { x[i] = lo; changed++; }
            else if (x[i] > hi) { x[i] = hi; changed++; }
        }
        return changed;
    }

    private static (double M2, double M3, double M4) Moments(ReadOnlySpan<double> x)
    {
        double sum = 0; int n = 0;
        foreach (var v in x) if (!double.IsNaN(v)) { sum += v; n++; }
        if (n == 0) return (0, 0, 0);
        double mean = sum / n, m2 = 0, m3 = 0, m4 = 0;
        foreach (var v in x)
        {
            if (double.IsNaN(v)) continue;
            double d = v - mean, d2 = d * d;
            m2 += d2; m3 += d2 * d; m4 += d2 * d2;
        }
        return (m2 / n, m3 / n, m4 / n);
    }
}
