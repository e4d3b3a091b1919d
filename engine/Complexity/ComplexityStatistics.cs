namespace CompeteModel.Engine.Complexity;

/// <summary>The few statistics the complexity code needs, over spans, with the sd convention explicit.</summary>
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

    /// <summary>Pearson correlation; NaN when either side is constant or shorter than 2.</summary>
    public static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length) throw new ArgumentException("x and y must have the same length");
        if (x.Length < 2) return double.NaN;
        double mx = Mean(x), my = Mean(y), sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double a = x[i] - mx, b = y[i] - my;
            sxy += a * b; sxx += a * a; syy += b * b;
        }
        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : double.NaN;
    }

    /// <summary>Spearman rank correlation: Pearson on ranks, ties given their average rank.</summary>
    public static double Spearman(ReadOnlySpan<double> x, ReadOnlySpan<double> y) => Pearson(Ranks(x), Ranks(y));

    /// <summary>1-based ranks in ascending order, ties averaged; the order is stable so the result is deterministic.</summary>
    public static double[] Ranks(ReadOnlySpan<double> x)
    {
        var idx = new int[x.Length];
        for (int i = 0; i < idx.Length; i++) idx[i] = i;
        var keys = x.ToArray();
        Array.Sort((double[])keys.Clone(), idx);
        var ranks = new double[x.Length];
        for (int i = 0; i < idx.Length;)
        {
            int j = i;
            while (j + 1 < idx.Length && keys[idx[j + 1]] == keys[idx[i]]) j++;
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) ranks[idx[k]] = avg;
            i = j + 1;
        }
        return ranks;
    }

    /// <summary>(x − mean(x)) / sd(x) in place.</summary>
    public static void ZScore(Span<double> x, SdConvention convention)
    {
        double m = Mean(x), sd = Sd(x, convention);
        for (int i = 0; i < x.Length; i++) x[i] = (x[i] - m) / sd;
    }
}
