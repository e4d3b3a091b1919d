namespace CompeteModel.Engine.Indicators;

/// <summary>
/// Year-on-year jumps in a published employment series that output does not corroborate (docs/METHODS.md "Jump
/// check"). BRES cells move with survey sampling, reclassification of large employers and rounding, so a one-year
/// change can be an artefact. Year t is a jump when |E_t/E_{t−1} − 1| ≥ threshold and |E_t − E_{t−1}| ≥ minJobs. The
/// jump is corroborated when the real GVA Y of the ONS industry holding the sector moved the same way by at least
/// ρ × the change the jobs alone imply at constant productivity: (Y_t/Y_{t−1} − 1) / ((E_t − E_{t−1}) / I_{t−1}) ≥ ρ,
/// with I the industry's employment (the sector's jobs are a share of its industry's, so a jump of the sector moves
/// the industry's output only by that share).
/// </summary>
public static class JumpCheck
{
    /// <summary>
    /// The uncorroborated jumps of a series: the indices t (1..n−1) where a jump is not corroborated (including where
    /// the industry's GVA or employment is unknown, so nothing can corroborate it).
    /// </summary>
    /// <param name="unusual">Per year t, the robust z of the region's log change among the other areas' (NaN: not known, not used); null: no comparison.</param>
    public static int[] Uncorroborated(ReadOnlySpan<double> employment, ReadOnlySpan<double> industryEmployment, ReadOnlySpan<double> industryGva,
        double threshold, double minJobs, double corroboration, ReadOnlySpan<double> unusual = default, double zMin = 0)
    {
        var found = new List<int>();
        for (int t = 1; t < employment.Length; t++)
        {
            double e0 = employment[t - 1], e1 = employment[t];
            if (!IsJump(e0, e1, threshold, minJobs)) continue;
            if (zMin > 0 && unusual.Length > t && double.IsFinite(unusual[t]) && Math.Abs(unusual[t]) < zMin) continue;
            if (!Corroborated(e1 - e0, industryEmployment[t - 1], industryGva[t - 1], industryGva[t], corroboration)) found.Add(t);
        }
        return found.ToArray();
    }

    /// <summary>
    /// The robust z-score of <paramref name="x"/> among <paramref name="others"/> (unknown values left out):
    /// (x − median) / (1.4826 · median |y − median|). NaN with fewer than 3 known values or a zero MAD.
    /// </summary>
    public static double RobustZ(double x, ReadOnlySpan<double> others)
    {
        var known = new List<double>(others.Length);
        foreach (var v in others) if (double.IsFinite(v)) known.Add(v);
        if (known.Count < 3 || double.IsNaN(x)) return double.NaN;
        known.Sort();
        double med = Median(known);
        var dev = known.Select(v => Math.Abs(v - med)).ToList();
        dev.Sort();
        double mad = 1.4826 * Median(dev);
        return mad > 0 ? (x - med) / mad : double.NaN;
    }

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    /// <summary>A change from e0 to e1 is a jump when both are known, e0 &gt; 0, |e1/e0 − 1| ≥ threshold and |e1 − e0| ≥ minJobs.</summary>
    public static bool IsJump(double e0, double e1, double threshold, double minJobs) =>
        !double.IsNaN(e0) && !double.IsNaN(e1) && e0 > 0 && Math.Abs(e1 / e0 - 1) >= threshold && Math.Abs(e1 - e0) >= minJobs;

    /// <summary>
    /// Whether a sector's job change Δe is corroborated by its industry's real GVA moving from y0 to y1 with the industry
    /// holding i0 jobs before: implied = Δe / i0, observed = y1/y0 − 1, corroborated when observed/implied ≥ ρ.
    /// Unknown or non-positive inputs cannot corroborate.
    /// </summary>
    public static bool Corroborated(double jobChange, double industryJobs0, double gva0, double gva1, double corroboration)
    {
        if (double.IsNaN(industryJobs0) || double.IsNaN(gva0) || double.IsNaN(gva1) || industryJobs0 <= 0 || gva0 <= 0) return false;
        double implied = jobChange / industryJobs0;
        if (implied == 0) return true;
        return (gva1 / gva0 - 1) / implied >= corroboration;
    }

    /// <summary>
    /// The series with each jump year's change replaced by the benchmark's change of the same sector that year:
    /// x'_0 = x_0, x'_t = x'_{t−1} · (x_t/x_{t−1}) normally and x'_{t−1} · (b_t/b_{t−1}) at a jump year t. Where the
    /// benchmark ratio is unknown, the change is taken as none.
    /// </summary>
    public static double[] Damp(ReadOnlySpan<double> series, ReadOnlySpan<double> benchmark, IReadOnlyCollection<int> jumpYears)
    {
        var x = new double[series.Length];
        if (series.Length == 0) return x;
        x[0] = series[0];
        for (int t = 1; t < series.Length; t++)
        {
            double ratio;
            if (jumpYears.Contains(t))
                ratio = benchmark[t - 1] > 0 && !double.IsNaN(benchmark[t]) ? benchmark[t] / benchmark[t - 1] : 1;
            else
                ratio = series[t - 1] > 0 ? series[t] / series[t - 1] : double.NaN;
            x[t] = double.IsNaN(ratio) ? series[t] : x[t - 1] * ratio;
        }
        return x;
    }
}
