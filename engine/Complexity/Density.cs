using System.Numerics;
using System.Runtime.CompilerServices;

namespace CompeteModel.Engine.Complexity;

/// <summary>Relatedness density: how much of what is related to a sector a location already has.</summary>
public static class Density
{

    /// <summary>
    /// d[r,s] = Σ_s' M[r,s']·φ[s',s] / Σ_s' φ[s',s] (Hidalgo et al. 2007; py-ecomplexity's <c>density</c>,
    /// diagonal included). With <see cref="DensityDiagonal.Excluded"/>, φ[s,s] is left out of both sums
    /// (EconGeo's <c>relatedness_density</c>, without its ×100). NaN where the denominator is 0.
    /// Works row by row over the products present in each location, so the cost is nnz(M)·S, not R·S².
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[] Compute(PresenceMatrix m, ReadOnlySpan<double> phi, DensityDiagonal diagonal)
    {
        int n = m.Cols;
        if (phi.Length != n * n) throw new ArgumentException("phi must be products × products");
        bool exclude = diagonal == DensityDiagonal.Excluded;
        var colSum = new double[n];
        for (int a = 0; a < n; a++)
        {
            Accumulate(colSum, phi.Slice(a * n, n));
            if (exclude) colSum[a] -= phi[a * n + a];
        }
        var d = new double[m.Rows * n];
        SparseRowSums.Compute(m, phi, n, d);
        for (int r = 0; r < m.Rows; r++)
        {
            var row = d.AsSpan(r * n, n);
            if (exclude)
                for (int j = m.RowStart[r]; j < m.RowStart[r + 1]; j++) { int p = m.RowProducts[j]; row[p] -= phi[p * n + p]; }
            for (int s = 0; s < n; s++) row[s] = colSum[s] > 0 ? row[s] / colSum[s] : double.NaN;
        }
        return d;
    }

    /// <summary>acc += x, vectorised.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Accumulate(Span<double> acc, ReadOnlySpan<double> x)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int w = Vector<double>.Count;
            for (; i <= acc.Length - w; i += w)
                (new Vector<double>(acc[i..]) + new Vector<double>(x[i..])).CopyTo(acc[i..]);
        }
        for (; i < acc.Length; i++) acc[i] += x[i];
    }
}
