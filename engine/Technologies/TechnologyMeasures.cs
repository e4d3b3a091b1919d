using CompeteModel.Engine.Statistics;

namespace CompeteModel.Engine.Technologies;

/// <summary>
/// The formulas of technology measures, as small functions over row-major arrays. Undefined values are
/// NaN, never zero. Notation: X[r,t] tagged activity (firms or employment) of region r in technology t,
/// N[r] all activity of region r (technologies overlap, so N[r] is the region's total, not Σ_t X[r,t]).
/// </summary>
public static class TechnologyMeasures
{
    /// <summary>share = part / total; NaN where total is 0 or NaN.</summary>
    public static double Share(double part, double total) => total > 0 ? part / total : double.NaN;

    /// <summary>
    /// Technology location quotient against the benchmark of all rows:
    /// LQ[r,t] = (X[r,t] / N[r]) / (Σ_r X[r,t] / Σ_r N[r]) — the Balassa/LQ of METHODS with the region's total
    /// activity as denominator, since a firm may hold several technologies. NaN where N[r] = 0 or Σ_r X[r,t] = 0.
    /// </summary>
    /// <param name="tagged">X, rows × <paramref name="columns"/>, row-major.</param>
    /// <param name="totals">N, one per row.</param>
    public static double[] LocationQuotients(ReadOnlySpan<double> tagged, ReadOnlySpan<double> totals, int columns)
    {
        int rows = totals.Length;
        if (tagged.Length != rows * columns) throw new ArgumentException("tagged must be rows × columns");
        double grand = 0;
        foreach (var v in totals) grand += v;
        var colSum = new double[columns];
        for (int r = 0; r < rows; r++)
            for (int t = 0; t < columns; t++) colSum[t] += tagged[r * columns + t];
        var lq = new double[rows * columns];
        for (int r = 0; r < rows; r++)
            for (int t = 0; t < columns; t++)
                lq[r * columns + t] = LocationQuotient.Of(tagged[r * columns + t], totals[r], colSum[t], grand);
        return lq;
    }

    /// <summary>
    /// Proximity between the members of two classifications observed on the same units (Hidalgo et al. 2007,
    /// "The product space conditions the development of nations", Science 317; METHODS proximity), here with
    /// firms as the units: φ[a,b] = C[a,b] / max(kA[a], kB[b]), where C[a,b] counts units in both a and b and
    /// kA, kB count units in each — the smaller of the two conditional probabilities P(a|b), P(b|a).
    /// Symmetric in its roles: Proximity(C, kA, kB)[a,b] = Proximity(Cᵀ, kB, kA)[b,a]. NaN where both counts are 0.
    /// </summary>
    /// <param name="cooccurrence">C, |kA| × |kB|, row-major.</param>
    public static double[] Proximity(ReadOnlySpan<double> cooccurrence, ReadOnlySpan<double> kA, ReadOnlySpan<double> kB)
    {
        int na = kA.Length, nb = kB.Length;
        if (cooccurrence.Length != na * nb) throw new ArgumentException("co-occurrence must be |kA| × |kB|");
        var phi = new double[na * nb];
        for (int a = 0; a < na; a++)
            for (int b = 0; b < nb; b++)
            {
                double m = Math.Max(kA[a], kB[b]);
                phi[a * nb + b] = m > 0 ? cooccurrence[a * nb + b] / m : double.NaN;
            }
        return phi;
    }

    /// <summary>
    /// Technology–technology proximity from firms' technology masks: φ[t,u] = Σ_f T[f,t]·T[f,u] / max(k_t, k_u)
    /// (Hidalgo et al. 2007 with firms as units). Symmetric; diagonal 1 where k_t &gt; 0; NaN where neither is used.
    /// </summary>
    public static double[] TechnologyProximity(ReadOnlySpan<ulong> masks, int technologies)
    {
        var k = new double[technologies];
        var c = new double[technologies * technologies];
        foreach (var m in masks)
        {
            for (ulong a = m; a != 0; a &= a - 1)
            {
                int t = System.Numerics.BitOperations.TrailingZeroCount(a);
                k[t]++;
                for (ulong b = m; b != 0; b &= b - 1)
                    c[t * technologies + System.Numerics.BitOperations.TrailingZeroCount(b)]++;
            }
        }
        return Proximity(c, k, k);
    }

    /// <summary>
    /// Association of technology t with sector s over the whole business base — the revealed comparative
    /// advantage (Balassa 1965) of the sector in the technology:
    /// A[s,t] = (C[s,t] / kS[s]) / (kT[t] / n), with C firms of sector s tagged t, kS firms of sector s,
    /// kT firms tagged t and n all firms. A ≥ 1: the technology is over-represented in the sector. NaN where kS or kT is 0.
    /// </summary>
    public static double[] Association(ReadOnlySpan<double> cooccurrence, ReadOnlySpan<double> kS, ReadOnlySpan<double> kT, double n)
    {
        int ns = kS.Length, nt = kT.Length;
        if (cooccurrence.Length != ns * nt) throw new ArgumentException("co-occurrence must be |kS| × |kT|");
        var a = new double[ns * nt];
        for (int s = 0; s < ns; s++)
            for (int t = 0; t < nt; t++)
            {
                double bench = Share(kT[t], n), own = Share(cooccurrence[s * nt + t], kS[s]);
                a[s * nt + t] = bench > 0 ? own / bench : double.NaN;
            }
        return a;
    }

    /// <summary>
    /// Technology density of a region (METHODS density, bipartite form): how related the sectors the region
    /// is specialised in are to technology t: d[r,t] = Σ_s M[r,s]·φ[s,t] / Σ_s φ[s,t], with M[r,s] = 1 where the
    /// region's sector LQ ≥ threshold. Sectors with undefined φ are left out of both sums; NaN where Σ_s φ[s,t] = 0.
    /// In [0,1].
    /// </summary>
    /// <param name="presence">M, regions × sectors, row-major (true = specialised).</param>
    /// <param name="phi">φ, sectors × technologies, row-major.</param>
    public static double[] Density(ReadOnlySpan<bool> presence, ReadOnlySpan<double> phi, int sectors, int technologies)
    {
        if (phi.Length != sectors * technologies || presence.Length % sectors != 0) throw new ArgumentException("shapes do not agree");
        int regions = presence.Length / sectors;
        var d = new double[regions * technologies];
        for (int r = 0; r < regions; r++)
            for (int t = 0; t < technologies; t++)
            {
                double num = 0, den = 0;
                for (int s = 0; s < sectors; s++)
                {
                    double p = phi[s * technologies + t];
                    if (double.IsNaN(p)) continue;
                    den += p;
                    if (presence[r * sectors + s]) num += p;
                }
                d[r * technologies + t] = den > 0 ? num / den : double.NaN;
            }
        return d;
    }
}
