namespace CompeteModel.Engine.Indicators;

/// <summary>
/// Shift-share decompositions of a region's change X1[s] − X0[s] against a benchmark N (METHODS.md
/// "Growth orientation"). Rates: g_N = N1[·]/N0[·] − 1, g_N[s] = N1[s]/N0[s] − 1, g_r[s] = X1[s]/X0[s] − 1.
/// </summary>
public static class ShiftShare
{
    /// <summary>
    /// Classic shift-share (Dunn 1960; REAT <c>shift(..., shift.method = "Dunn")</c>, Farhauer and Kröll 2013):
    /// national share = X0[s]·g_N; industry mix = X0[s]·(g_N[s] − g_N); regional share = X0[s]·(g_r[s] − g_N[s]),
    /// computed as X1[s] − X0[s]·(1 + g_N[s]) so that the three add up to X1[s] − X0[s] exactly in exact
    /// arithmetic. A sector absent in the base year (X0 = 0) has national and mix shares 0 and its whole entry
    /// X1 as regional share (every term of the formula carries the factor X0). Returns the reason the mix
    /// and regional shares are undefined: <see cref="UndefinedReason.ZeroBenchmark"/> where N0[s] = 0 and X0 &gt; 0,
    /// or where g_N is NaN (then the national share is NaN too).
    /// </summary>
    public static UndefinedReason Dunn(double x0, double x1, double n0s, double n1s, double gN,
        out double national, out double industryMix, out double regional)
    {
        national = industryMix = regional = double.NaN;
        if (double.IsNaN(x0) || double.IsNaN(x1) || double.IsNaN(n0s) || double.IsNaN(n1s)) return UndefinedReason.UnknownInput;
        if (double.IsNaN(gN)) return UndefinedReason.ZeroBenchmark;
        if (x0 == 0)
        {
            national = 0;
            industryMix = 0;
            regional = x1;
            return UndefinedReason.None;
        }
        national = x0 * gN;
        if (n0s == 0) return UndefinedReason.ZeroBenchmark;
        double gNs = n1s / n0s - 1;
        industryMix = x0 * (gNs - gN);
        regional = x1 - x0 * (1 + gNs);
        return UndefinedReason.None;
    }

    /// <summary>
    /// Esteban-Marquillas (1972) split of the competitive (regional) share into a homothetic effect and an
    /// allocation effect. Homothetic employment Ĥ[s] = X0[r,·]·N0[s]/N0[·] is what the sector would employ if
    /// the region had the benchmark's structure; homothetic effect = Ĥ[s]·(g_r[s] − g_N[s]); allocation effect
    /// = (X0[s] − Ĥ[s])·(g_r[s] − g_N[s]). The two add up to the Dunn regional share. This definition
    /// reproduces the published REAT example (Farhauer and Kröll 2013, region A: homothetic −0.6364,
    /// allocation −2.3636). Undefined where X0[s] = 0 (<see cref="UndefinedReason.AbsentInBaseYear"/>: g_r
    /// has no base) or N0[s] = 0 or N0[·] = 0 (<see cref="UndefinedReason.ZeroBenchmark"/>).
    /// </summary>
    public static UndefinedReason EstebanMarquillas(double x0, double x1, double n0s, double n1s, double regionTotal0, double benchmarkTotal0,
        out double homothetic, out double allocation)
    {
        homothetic = allocation = double.NaN;
        if (double.IsNaN(x0) || double.IsNaN(x1) || double.IsNaN(n0s) || double.IsNaN(n1s)) return UndefinedReason.UnknownInput;
        if (x0 == 0) return UndefinedReason.AbsentInBaseYear;
        if (n0s == 0 || benchmarkTotal0 == 0) return UndefinedReason.ZeroBenchmark;
        double h = regionTotal0 * n0s / benchmarkTotal0;
        double differential = x1 / x0 - n1s / n0s;
        homothetic = h * differential;
        allocation = (x0 - h) * differential;
        return UndefinedReason.None;
    }

    /// <summary>
    /// Dunn decomposition of one region's sector vector: fills the three components and the reason per sector
    /// (<see cref="Dunn"/>). g_N is taken from the benchmark totals over known cells.
    /// </summary>
    public static void Dunn(ReadOnlySpan<double> x0, ReadOnlySpan<double> x1, ReadOnlySpan<double> n0, ReadOnlySpan<double> n1,
        Span<double> national, Span<double> industryMix, Span<double> regional, Span<UndefinedReason> reason)
    {
        double gN = BenchmarkGrowth(n0, n1);
        for (int s = 0; s < x0.Length; s++)
            reason[s] = Dunn(x0[s], x1[s], n0[s], n1[s], gN, out national[s], out industryMix[s], out regional[s]);
    }

    /// <summary>Esteban-Marquillas split for one region's sector vector (<see cref="EstebanMarquillas(double, double, double, double, double, double, out double, out double)"/>).</summary>
    public static void EstebanMarquillas(ReadOnlySpan<double> x0, ReadOnlySpan<double> x1, ReadOnlySpan<double> n0, ReadOnlySpan<double> n1,
        Span<double> homothetic, Span<double> allocation, Span<UndefinedReason> reason)
    {
        double regionTotal0 = Specialisation.KnownSum(x0), benchTotal0 = Specialisation.KnownSum(n0);
        for (int s = 0; s < x0.Length; s++)
            reason[s] = EstebanMarquillas(x0[s], x1[s], n0[s], n1[s], regionTotal0, benchTotal0, out homothetic[s], out allocation[s]);
    }

    /// <summary>
    /// Dynamic shift-share (Barff and Knight 1988; REAT <c>shiftd</c> with the Dunn method): the Dunn decomposition
    /// applied to each consecutive pair of years and summed per sector, so the components add up to
    /// X[last] − X[first]. <paramref name="regionSeries"/> and <paramref name="benchmarkSeries"/> are
    /// <paramref name="years"/> × S row-major (one row per year, oldest first). A sector whose step is undefined
    /// in any year is undefined, with that step's reason.
    /// </summary>
    public static void Dynamic(ReadOnlySpan<double> regionSeries, ReadOnlySpan<double> benchmarkSeries, int years, int sectors,
        Span<double> national, Span<double> industryMix, Span<double> regional, Span<UndefinedReason> reason)
    {
        if (years < 2) throw new ArgumentOutOfRangeException(nameof(years), "a dynamic shift-share needs at least two years");
        national[..sectors].Clear();
        industryMix[..sectors].Clear();
        regional[..sectors].Clear();
        reason[..sectors].Fill(UndefinedReason.None);
        for (int t = 1; t < years; t++)
        {
            var x0 = regionSeries.Slice((t - 1) * sectors, sectors);
            var x1 = regionSeries.Slice(t * sectors, sectors);
            var n0 = benchmarkSeries.Slice((t - 1) * sectors, sectors);
            var n1 = benchmarkSeries.Slice(t * sectors, sectors);
            double gN = BenchmarkGrowth(n0, n1);
            for (int s = 0; s < sectors; s++)
            {
                var why = Dunn(x0[s], x1[s], n0[s], n1[s], gN, out var a, out var b, out var c);
                if (reason[s] == UndefinedReason.None && why != UndefinedReason.None) reason[s] = why;
                national[s] += a;
                industryMix[s] += b;
                regional[s] += c;
            }
        }
        for (int s = 0; s < sectors; s++)
            if (reason[s] != UndefinedReason.None) national[s] = industryMix[s] = regional[s] = double.NaN;
    }

    /// <summary>g_N = N1[·]/N0[·] − 1 over known cells; NaN where N0[·] = 0.</summary>
    public static double BenchmarkGrowth(ReadOnlySpan<double> n0, ReadOnlySpan<double> n1)
    {
        double t0 = Specialisation.KnownSum(n0), t1 = Specialisation.KnownSum(n1);
        return t0 == 0 ? double.NaN : t1 / t0 - 1;
    }
}
