namespace CompeteModel.Engine.Reporting;

/// <summary>Axis ranges and tick positions for the charts.</summary>
internal static class ChartAxis
{
    /// <summary>
    /// "Nice" linear ticks (steps of 1, 2, 2.5 or 5 × 10^k) covering [min, max], about <paramref name="target"/> of them;
    /// returns the ticks and the widened range they span.
    /// </summary>
    public static (double[] Ticks, double Min, double Max) Linear((double Min, double Max) range, int target = 6) => Linear(range.Min, range.Max, target);

    public static (double[] Ticks, double Min, double Max) Linear(double min, double max, int target = 6)
    {
        if (!(max > min)) { min -= 1; max += 1; }
        double raw = (max - min) / Math.Max(1, target - 1);
        double mag = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = mag * (raw / mag <= 1 ? 1 : raw / mag <= 2 ? 2 : raw / mag <= 2.5 ? 2.5 : raw / mag <= 5 ? 5 : 10);
        double lo = Math.Floor(min / step) * step, hi = Math.Ceiling(max / step) * step;
        var ticks = new List<double>();
        for (int i = 0; lo + i * step <= hi + step * 1e-9; i++) ticks.Add(Math.Round(lo + i * step, 10));
        return (ticks.ToArray(), lo, hi);
    }

    /// <summary>Log-scale ticks at 1, 2, 5 × 10^k inside [min, max] (values, not logs); the range is widened to the nearest tick.</summary>
    public static (double[] Ticks, double Min, double Max) Log(double min, double max)
    {
        double[] mantissas = [1, 2, 5];
        int k0 = (int)Math.Floor(Math.Log10(min)), k1 = (int)Math.Ceiling(Math.Log10(max));
        var all = new List<double>();
        for (int k = k0 - 1; k <= k1 + 1; k++)
            foreach (var m in mantissas) all.Add(m * Math.Pow(10, k));
        double lo = all.Where(t => t <= min * (1 + 1e-12)).DefaultIfEmpty(min).Max();
        double hi = all.Where(t => t >= max * (1 - 1e-12)).DefaultIfEmpty(max).Min();
        var ticks = all.Where(t => t >= lo * (1 - 1e-12) && t <= hi * (1 + 1e-12)).Select(t => Math.Round(t, 6)).ToArray();
        return (ticks, lo, hi);
    }

    /// <summary>Tick label: up to 2 decimals, no trailing zeros.</summary>
    public static string Label(double v) => Svg.F(v);
}
