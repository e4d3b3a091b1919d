using MathNet.Numerics.LinearAlgebra;

namespace CompeteModel.Engine.Backtest;

/// <summary>
/// Maximum-likelihood logit P(y = 1) = Λ(α + β·x [+ γ·c] + a_region + b_sector), Λ(t) = 1/(1 + e^(−t)), with an
/// optional control covariate c and optional region and sector fixed effects as dummies (the first level of each is the baseline), fitted by iteratively
/// re-weighted least squares (Newton–Raphson on the log-likelihood; McCullagh and Nelder 1989, §4.4; R's
/// <c>glm(family = binomial)</c>): with p = Λ(η) and w = p(1 − p), solve (XᵀWX)θ = XᵀW(η + (y − p)/w) until no
/// coefficient moves by more than 1e-10. Standard errors are √diag((XᵀWX)⁻¹) at the estimate.
/// <para>Groups with no variation in y are dropped first, repeatedly (dropping a sector can leave a region without
/// variation): their dummy would be ±∞ and their cells carry no information on β — the same cells a conditional
/// (fixed-effects) logit leaves out. This is the pooled logit with two sets of dummies, not Chamberlain's conditional
/// logit: with many cells per group (here ≥ 40 per sector and ≥ 80 per region at division level) its incidental-parameter
/// bias is small (Greene 2004).</para>
/// <para>Cost: each row has at most five non-zero columns, so XᵀWX is accumulated in O(n) and solved by Cholesky in
/// O(p³) per iteration, p = 2 (+1 with a control) + regions + sectors − 2.</para>
/// </summary>
public static class FixedEffectsLogit
{
    private const int MaxIterations = 100;
    private const double Tolerance = 1e-10;

    /// <summary>
    /// Fits the logit of <paramref name="y"/> on <paramref name="x"/>, with region dummies when <paramref name="region"/>
    /// is given, sector dummies when <paramref name="sector"/> is given (group ids are any non-negative integers) and the
    /// covariate <paramref name="control"/> when given (its coefficient is estimated but not reported).
    /// Beta is NaN, with a note, when x has no spread among the cells kept or is collinear with the fixed effects.
    /// </summary>
    public static LogitFit Fit(ReadOnlySpan<bool> y, ReadOnlySpan<double> x, ReadOnlySpan<int> region = default, ReadOnlySpan<int> sector = default,
        ReadOnlySpan<double> control = default)
    {
        int n = y.Length;
        if (x.Length != n || (!region.IsEmpty && region.Length != n) || (!sector.IsEmpty && sector.Length != n) || (!control.IsEmpty && control.Length != n))
            throw new ArgumentException("y, x, the control and the group ids must have the same length");
        for (int i = 0; i < n; i++)
            if (!double.IsFinite(x[i]) || (!control.IsEmpty && !double.IsFinite(control[i])))
                throw new ArgumentException("x and the control must be finite; leave undefined cells out first");

        var keep = new bool[n];
        Array.Fill(keep, true);
        bool changed = true;
        while (changed)
        {
            changed = false;
            if (!region.IsEmpty) changed |= DropConstant(y, region, keep);
            if (!sector.IsEmpty) changed |= DropConstant(y, sector, keep);
        }
        var rows = new List<int>();
        for (int i = 0; i < n; i++) if (keep[i]) rows.Add(i);
        int dropped = n - rows.Count;
        var regionCol = Levels(region, rows, out int nRegions);
        var sectorCol = Levels(sector, rows, out int nSectors);
        int fixedCols = control.IsEmpty ? 2 : 3;
        int p = fixedCols + Math.Max(0, nRegions - 1) + Math.Max(0, nSectors - 1);
        int regionBase = fixedCols - 1, sectorBase = fixedCols + Math.Max(0, nRegions - 1);

        int ones = 0;
        foreach (var i in rows) if (y[i]) ones++;
        if (rows.Count == 0 || ones == 0 || ones == rows.Count)
            return Missing(rows.Count, dropped, nRegions, nSectors, "the outcome does not vary among the cells kept");
        double xMin = double.PositiveInfinity, xMax = double.NegativeInfinity;
        foreach (var i in rows) { xMin = Math.Min(xMin, x[i]); xMax = Math.Max(xMax, x[i]); }
        if (xMin == xMax) return Missing(rows.Count, dropped, nRegions, nSectors, "the predictor does not vary among the cells kept");

        var theta = new double[p];
        double mean = (double)ones / rows.Count;
        theta[0] = Math.Log(mean / (1 - mean));
        var cols = new int[5];
        var vals = new double[5];
        Matrix<double> info = Matrix<double>.Build.Dense(p, p);
        double logLik = double.NaN;
        int iter = 0;
        bool converged = false;
        for (; iter < MaxIterations && !converged; iter++)
        {
            info.Clear();
            var rhs = new double[p];
            logLik = 0;
            foreach (var i in rows)
            {
                int k = Row(i, x, control, regionCol, sectorCol, regionBase, sectorBase, cols, vals);
                double eta = 0;
                for (int a = 0; a < k; a++) eta += theta[cols[a]] * vals[a];
                double pr = 1 / (1 + Math.Exp(-eta));
                double w = Math.Max(pr * (1 - pr), 1e-300);
                logLik += y[i] ? LogSigmoid(eta) : LogSigmoid(-eta);
                double z = eta + ((y[i] ? 1 : 0) - pr) / w;
                for (int a = 0; a < k; a++)
                {
                    rhs[cols[a]] += w * vals[a] * z;
                    for (int b = 0; b < k; b++) info[cols[a], cols[b]] += w * vals[a] * vals[b];
                }
            }
            double[] next;
            try { next = info.Cholesky().Solve(Vector<double>.Build.Dense(rhs)).ToArray(); }
            catch (ArgumentException) { next = []; }
            if (next.Length == 0 || next.Any(v => !double.IsFinite(v)))
                return Missing(rows.Count, dropped, nRegions, nSectors, iter == 0
                    ? "the predictor is collinear with the fixed effects (not identified)"
                    : "the information matrix became singular: the predictor (almost) separates the outcomes");
            double move = 0;
            for (int a = 0; a < p; a++) move = Math.Max(move, Math.Abs(next[a] - theta[a]));
            theta = next;
            converged = move < Tolerance;
        }
        double[] se;
        try
        {
            var chol = info.Cholesky();
            se = new double[2];
            for (int j = 0; j < 2; j++)
            {
                var e = Vector<double>.Build.Dense(p);
                e[j] = 1;
                se[j] = Math.Sqrt(chol.Solve(e)[j]);
            }
        }
        catch (ArgumentException) { se = [double.NaN, double.NaN]; }
        var note = converged ? "" : $"did not converge in {MaxIterations} iterations: the predictor (almost) separates the outcomes";
        return new LogitFit(theta[0], theta[1], se[0], se[1], rows.Count, dropped, nRegions, nSectors, iter, converged, logLik, note);
    }

    private static LogitFit Missing(int n, int dropped, int regions, int sectors, string why) =>
        new(double.NaN, double.NaN, double.NaN, double.NaN, n, dropped, regions, sectors, 0, false, double.NaN, why);

    /// <summary>log Λ(t), computed without overflow.</summary>
    private static double LogSigmoid(double t) => t >= 0 ? -Math.Log(1 + Math.Exp(-t)) : t - Math.Log(1 + Math.Exp(t));

    private static int Row(int i, ReadOnlySpan<double> x, ReadOnlySpan<double> control, int[]? regionCol, int[]? sectorCol, int regionBase, int sectorBase,
        int[] cols, double[] vals)
    {
        int k = 0;
        cols[k] = 0; vals[k++] = 1;
        cols[k] = 1; vals[k++] = x[i];
        if (!control.IsEmpty) { cols[k] = 2; vals[k++] = control[i]; }
        if (regionCol is not null && regionCol[i] > 0) { cols[k] = regionBase + regionCol[i]; vals[k++] = 1; }
        if (sectorCol is not null && sectorCol[i] > 0) { cols[k] = sectorBase + sectorCol[i] - 1; vals[k++] = 1; }
        return k;
    }

    /// <summary>Marks groups whose kept cells all have the same outcome as not kept; true when any cell was dropped.</summary>
    private static bool DropConstant(ReadOnlySpan<bool> y, ReadOnlySpan<int> group, bool[] keep)
    {
        var ones = new Dictionary<int, (int Ones, int All)>();
        for (int i = 0; i < y.Length; i++)
        {
            if (!keep[i]) continue;
            if (group[i] < 0) throw new ArgumentException("group ids must be non-negative");
            ones.TryGetValue(group[i], out var c);
            ones[group[i]] = (c.Ones + (y[i] ? 1 : 0), c.All + 1);
        }
        bool changed = false;
        for (int i = 0; i < y.Length; i++)
        {
            if (!keep[i]) continue;
            var c = ones[group[i]];
            if (c.Ones == 0 || c.Ones == c.All) { keep[i] = false; changed = true; }
        }
        return changed;
    }

    /// <summary>Dense 0-based level of each kept cell's group (levels in order of first appearance; −1 for cells not kept), or null without groups.</summary>
    private static int[]? Levels(ReadOnlySpan<int> group, List<int> rows, out int count)
    {
        count = 0;
        if (group.IsEmpty) return null;
        var level = new int[group.Length];
        Array.Fill(level, -1);
        var map = new Dictionary<int, int>();
        foreach (var i in rows)
        {
            if (!map.TryGetValue(group[i], out var l)) map[group[i]] = l = map.Count;
            level[i] = l;
        }
        count = map.Count;
        return level;
    }
}
