namespace CompeteModel.Engine.Complexity;

/// <summary>
/// Mean, sd and z-scores over spans with the sd convention of the complexity packages explicit. Correlations and
/// ranks live in <see cref="Statistics.Correlation"/> and <see cref="Statistics.Ranks"/>.
/// </summary>
public static class ComplexityStatistics
{
    public static double Mean(ReadOnlySpan<double> x)
    {
        double s = 0;
        foreach (var v in x) s += v;
        return s / x.Length;
    }

    /// <summary>sqrt(Σ(x−x̄)²/N) for <see cref="SdConvention.Population"/>, /(N−1) for <see cref="SdConvention.SampleNMinus1"/>.</summary>
    public static double Sd(ReadOnlySpan<double> x, SdConvention convention)
    {
        double m = Mean(x), ss = 0;
        foreach (var v in x) ss += (v - m) * (v - m);
        int div = convention == SdConvention.Population ? x.Length : x.Length - 1;
        return div > 0 ? Math.Sqrt(ss / div) : double.NaN;
    }

    /// <summary>(x − mean(x)) / sd(x) in place.</summary>
    public static void ZScore(Span<double> x, SdConvention convention)
    {
        double m = Mean(x), sd = Sd(x, convention);
        for (int i = 0; i < x.Length; i++) x[i] = (x[i] - m) / sd;
    }
}
