namespace CompeteModel.Engine.Backtest;

/// <summary>
/// The receiver operating characteristic of a score for a binary outcome: the area under the curve in its
/// Mann–Whitney form and the curve itself. The AUC is the probability that a randomly chosen positive case
/// scores higher than a randomly chosen negative one, ties counted half:
/// AUC = Σ_{i∈P} Σ_{j∈N} ([s_i &gt; s_j] + ½[s_i = s_j]) / (|P|·|N|) = (R_P − |P|(|P|+1)/2) / (|P|·|N|),
/// with R_P the sum of the positives' mid-ranks (Hanley and McNeil 1982; R <c>pROC::auc</c>,
/// scikit-learn <c>roc_auc_score</c>). 0.5 = no information; 1 = the score separates the classes.
/// </summary>
public static class Roc
{
    /// <summary>AUC of <paramref name="score"/> for <paramref name="positive"/>; NaN when either class is empty.</summary>
    public static double Auc(ReadOnlySpan<double> score, ReadOnlySpan<bool> positive)
    {
        var order = AscendingOrder(score);
        var w = new double[score.Length];
        Array.Fill(w, 1.0);
        return Auc(order, score, positive, w);
    }

    /// <summary>
    /// Weighted AUC over cells pre-sorted by <paramref name="ascending"/> (<see cref="AscendingOrder"/>): cell i
    /// counts <paramref name="weight"/>[i] times, so a bootstrap draw only changes the weights and costs O(n).
    /// With integer weights this equals <see cref="Auc(ReadOnlySpan{double}, ReadOnlySpan{bool})"/> on the
    /// expanded sample. NaN when either class has zero weight.
    /// </summary>
    public static double Auc(ReadOnlySpan<int> ascending, ReadOnlySpan<double> score, ReadOnlySpan<bool> positive, ReadOnlySpan<double> weight)
    {
        if (score.Length != positive.Length || weight.Length != score.Length || ascending.Length != score.Length)
            throw new ArgumentException("score, positive, weight and order must have the same length");
        double negBelow = 0, sum = 0, pos = 0;
        for (int i = 0; i < ascending.Length;)
        {
            int j = i;
            double groupPos = 0, groupNeg = 0;
            double v = score[ascending[i]];
            while (j < ascending.Length && score[ascending[j]] == v)
            {
                int c = ascending[j];
                if (positive[c]) groupPos += weight[c]; else groupNeg += weight[c];
                j++;
            }
            sum += groupPos * (negBelow + 0.5 * groupNeg);
            negBelow += groupNeg;
            pos += groupPos;
            i = j;
        }
        return pos > 0 && negBelow > 0 ? sum / (pos * negBelow) : double.NaN;
    }

    /// <summary>Indices of <paramref name="score"/> in ascending order (stable: ties keep index order). Throws for a NaN score.</summary>
    public static int[] AscendingOrder(ReadOnlySpan<double> score)
    {
        var keys = score.ToArray();
        foreach (var v in keys)
            if (double.IsNaN(v)) throw new ArgumentException("a score is NaN; leave undefined cells out before computing an AUC");
        var idx = new int[keys.Length];
        for (int i = 0; i < idx.Length; i++) idx[i] = i;
        Array.Sort(idx, (a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
        return idx;
    }

    /// <summary>
    /// The ROC curve: (false-positive rate, true-positive rate) as the cut-off falls from above the highest score
    /// to below the lowest, one point per distinct score (tied cells move together, so the trapezoidal area under
    /// these points equals <see cref="Auc(ReadOnlySpan{double}, ReadOnlySpan{bool})"/>). Starts at (0,0), ends at (1,1).
    /// </summary>
    public static IReadOnlyList<RocPoint> Curve(ReadOnlySpan<double> score, ReadOnlySpan<bool> positive)
    {
        var order = AscendingOrder(score);
        int p = 0, n = 0;
        foreach (var b in positive) if (b) p++; else n++;
        var points = new List<RocPoint> { new(0, 0) };
        if (p == 0 || n == 0) return points;
        int tp = 0, fp = 0;
        for (int i = order.Length - 1; i >= 0;)
        {
            double v = score[order[i]];
            while (i >= 0 && score[order[i]] == v)
            {
                if (positive[order[i]]) tp++; else fp++;
                i--;
            }
            points.Add(new RocPoint((double)fp / n, (double)tp / p));
        }
        return points;
    }

    /// <summary>
    /// The within-stratum AUC: pairs are compared only inside a stratum (here a region), so differences between
    /// strata carry no weight — AUC_w = Σ_g U_g / Σ_g |P_g|·|N_g|, with U_g the Mann–Whitney count of stratum g (ties ½).
    /// This is the pooled Mann–Whitney of a stratified design (van Elteren 1960, the weights being the pair counts).
    /// Returns per stratum U_g and |P_g|·|N_g|, so a cluster bootstrap that draws stratum g c_g times gives
    /// Σ c_g U_g / Σ c_g |P_g||N_g| in O(G).
    /// </summary>
    public static (double[] U, double[] Pairs) StratumCounts(ReadOnlySpan<double> score, ReadOnlySpan<bool> positive, ReadOnlySpan<int> stratum, int strata)
    {
        if (stratum.Length != score.Length || positive.Length != score.Length) throw new ArgumentException("score, positive and stratum must have the same length");
        var members = new List<int>[strata];
        for (int i = 0; i < stratum.Length; i++) (members[stratum[i]] ??= new List<int>()).Add(i);
        var u = new double[strata];
        var pairs = new double[strata];
        for (int g = 0; g < strata; g++)
        {
            if (members[g] is not { } list) continue;
            var sc = new double[list.Count];
            var pos = new bool[list.Count];
            for (int k = 0; k < list.Count; k++) { sc[k] = score[list[k]]; pos[k] = positive[list[k]]; }
            int p = pos.Count(b => b), n = pos.Length - p;
            pairs[g] = (double)p * n;
            if (pairs[g] > 0) u[g] = Auc(sc, pos) * pairs[g];
        }
        return (u, pairs);
    }

    /// <summary>Σ U / Σ pairs (<see cref="StratumCounts"/>); NaN when no stratum has both classes.</summary>
    public static double WithinStratumAuc(ReadOnlySpan<double> score, ReadOnlySpan<bool> positive, ReadOnlySpan<int> stratum, int strata)
    {
        var (u, pairs) = StratumCounts(score, positive, stratum, strata);
        double su = u.Sum(), sp = pairs.Sum();
        return sp > 0 ? su / sp : double.NaN;
    }
}
