namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// Peers by similarity of sector structure: each region is a vector of employment shares over one sector axis
/// (x_s = X[r,s] / X[r,·]); two regions are compared by cosine similarity or by the Krugman dissimilarity index
/// (METHODS.md, concentration: KSI = Σ_s |x_s − b_s| with the other region as the benchmark).
/// </summary>
public static class Peers
{
    /// <summary>Shares x_s = v_s / Σ v; NaN (unpublished) cells count as no employment. All NaN when the total is not positive.</summary>
    public static double[] Shares(ReadOnlySpan<double> employment)
    {
        double total = 0;
        foreach (var v in employment) if (v > 0) total += v;
        var x = new double[employment.Length];
        for (int s = 0; s < x.Length; s++)
            x[s] = total > 0 ? (employment[s] > 0 ? employment[s] / total : 0) : double.NaN;
        return x;
    }

    /// <summary>Cosine similarity Σ x_s y_s / (‖x‖ ‖y‖); NaN when either vector is zero or has NaN.</summary>
    public static double Cosine(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length) throw new ArgumentException($"vectors of length {x.Length} and {y.Length}");
        double xy = 0, xx = 0, yy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            xy += x[i] * y[i];
            xx += x[i] * x[i];
            yy += y[i] * y[i];
        }
        return xx > 0 && yy > 0 ? xy / Math.Sqrt(xx * yy) : double.NaN;
    }

    /// <summary>Krugman dissimilarity Σ |x_s − y_s| of two share vectors (0 identical … 2 disjoint); NaN when either has NaN.</summary>
    public static double Krugman(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length) throw new ArgumentException($"vectors of length {x.Length} and {y.Length}");
        double d = 0;
        for (int i = 0; i < x.Length; i++) d += Math.Abs(x[i] - y[i]);
        return d;
    }

    public static double Measure(PeersSimilarity method, ReadOnlySpan<double> x, ReadOnlySpan<double> y) =>
        method == PeersSimilarity.Cosine ? Cosine(x, y) : Krugman(x, y);

    /// <summary>True when <paramref name="a"/> is more similar than <paramref name="b"/> under the method (NaN is least similar).</summary>
    public static bool Closer(PeersSimilarity method, double a, double b)
    {
        if (double.IsNaN(b)) return !double.IsNaN(a);
        if (double.IsNaN(a)) return false;
        return method == PeersSimilarity.Cosine ? a > b : a < b;
    }

    /// <summary>The region × region matrix of the measure, row-major (the diagonal holds each region against itself).</summary>
    public static double[] Matrix(IReadOnlyList<double[]> shares, PeersSimilarity method)
    {
        int n = shares.Count;
        var m = new double[n * n];
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++)
                m[a * n + b] = Measure(method, shares[a], shares[b]);
        return m;
    }

    /// <summary>
    /// The <paramref name="count"/> regions most similar to region <paramref name="focus"/> (itself excluded), most similar
    /// first; ties broken by ordinal region id so the choice does not depend on input order.
    /// </summary>
    public static IReadOnlyList<PeersMatch> Choose(IReadOnlyList<string> ids, IReadOnlyList<double[]> shares, int focus, int count, PeersSimilarity method)
    {
        if (ids.Count != shares.Count) throw new ArgumentException($"{ids.Count} ids for {shares.Count} share vectors");
        var candidates = Enumerable.Range(0, ids.Count).Where(i => i != focus)
            .Select(i => (Index: i, Value: Measure(method, shares[focus], shares[i]))).ToList();
        candidates.Sort((a, b) =>
        {
            if (Closer(method, a.Value, b.Value)) return -1;
            if (Closer(method, b.Value, a.Value)) return 1;
            return string.CompareOrdinal(ids[a.Index], ids[b.Index]);
        });
        return candidates.Take(Math.Max(0, count)).Select((c, k) => new PeersMatch(ids[c.Index], k + 1, c.Value)).ToArray();
    }
}
