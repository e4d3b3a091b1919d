using CompeteModel.Engine.Statistics;

namespace CompeteModel.Engine.Indicators;

/// <summary>
/// Location quotients (revealed comparative advantage), binary presence, diversity and ubiquity.
/// Matrices are row-major R × S spans (region r, sector s at r·S + s); unknown cells are NaN.
/// </summary>
public static class Specialisation
{
    /// <summary>
    /// Location quotient / Balassa RCA: LQ = (x/X) / (b/B), computed as (x·B)/(X·b) so that integer
    /// inputs with equal shares give exactly 1. Source: Balassa (1965), METHODS.md "Specialisation";
    /// REAT <c>locq(e_ij, e_j, e_i, e)</c>. Undefined where X = 0 (<see cref="UndefinedReason.ZeroRegionTotal"/>)
    /// or b = 0 or B = 0 (<see cref="UndefinedReason.ZeroBenchmark"/>) or an input is NaN.
    /// </summary>
    public static double LocationQuotient(double x, double regionTotal, double benchmarkSector, double benchmarkTotal, out UndefinedReason reason)
    {
        if (double.IsNaN(x) || double.IsNaN(benchmarkSector)) { reason = UndefinedReason.UnknownInput; return double.NaN; }
        if (regionTotal == 0 || double.IsNaN(regionTotal)) { reason = UndefinedReason.ZeroRegionTotal; return double.NaN; }
        if (benchmarkSector == 0 || benchmarkTotal == 0 || double.IsNaN(benchmarkTotal)) { reason = UndefinedReason.ZeroBenchmark; return double.NaN; }
        reason = UndefinedReason.None;
        return Statistics.LocationQuotient.Of(x, regionTotal, benchmarkSector, benchmarkTotal);
    }

    /// <summary>
    /// LQ[r,s] = (X[r,s]/X[r,·]) / (B[s]/B[·]) for a whole R × S matrix against the benchmark vector
    /// <paramref name="benchmark"/> (length S). Totals X[r,·] and B[·] are sums over the known cells
    /// (an unknown cell is left out of the total, and its own LQ is NaN with <see cref="UndefinedReason.UnknownInput"/>).
    /// </summary>
    public static void LocationQuotients(ReadOnlySpan<double> x, int regions, int sectors, ReadOnlySpan<double> benchmark,
        Span<double> lq, Span<UndefinedReason> reason)
    {
        double benchTotal = KnownSum(benchmark);
        for (int r = 0; r < regions; r++)
        {
            var row = x.Slice(r * sectors, sectors);
            double total = KnownSum(row);
            for (int s = 0; s < sectors; s++)
                lq[r * sectors + s] = LocationQuotient(row[s], total, benchmark[s], benchTotal, out reason[r * sectors + s]);
        }
    }

    /// <summary>
    /// Binary presence M = 1 where LQ ≥ threshold, else 0 (METHODS.md: default threshold 1.0, and an LQ of
    /// exactly 1 counts as present). NaN where the LQ is undefined.
    /// </summary>
    public static double Presence(double lq, double threshold) => double.IsNaN(lq) ? double.NaN : lq >= threshold ? 1 : 0;

    /// <summary>Array form of <see cref="Presence(double, double)"/>.</summary>
    public static void Presence(ReadOnlySpan<double> lq, double threshold, Span<double> m)
    {
        for (int i = 0; i < lq.Length; i++) m[i] = Presence(lq[i], threshold);
    }

    /// <summary>Diversity k_r = Σ_s M[r,s] (Hidalgo and Hausmann 2009); undefined cells of M are left out.</summary>
    public static void Diversity(ReadOnlySpan<double> m, int regions, int sectors, Span<double> diversity)
    {
        for (int r = 0; r < regions; r++) diversity[r] = KnownSum(m.Slice(r * sectors, sectors));
    }

    /// <summary>Ubiquity k_s = Σ_r M[r,s] (Hidalgo and Hausmann 2009); undefined cells of M are left out.</summary>
    public static void Ubiquity(ReadOnlySpan<double> m, int regions, int sectors, Span<double> ubiquity)
    {
        ubiquity[..sectors].Clear();
        for (int r = 0; r < regions; r++)
            for (int s = 0; s < sectors; s++)
            {
                double v = m[r * sectors + s];
                if (!double.IsNaN(v)) ubiquity[s] += v;
            }
    }

    /// <summary>Σ of the non-NaN elements (0 when none is known).</summary>
    public static double KnownSum(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (var v in values) if (!double.IsNaN(v)) sum += v;
        return sum;
    }
}
