using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CompeteModel.Engine.Complexity;

/// <summary>
/// The one heavy kernel of density and COG: out[r,·] = Σ_{p : M[r,p]=1} A[p,·] for a dense
/// products × n matrix A, i.e. the product M·A with M sparse and binary. Cost nnz(M)·n additions.
/// Columns are taken 16 at a time (four 256-bit registers), for every location, so a 16-column strip
/// of A (16·8·products bytes) stays in cache and each element of A is loaded once per use, never stored.
/// </summary>
internal static class SparseRowSums
{
    private const int Strip = 16;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Compute(PresenceMatrix m, ReadOnlySpan<double> a, int n, Span<double> output)
    {
        if (a.Length != m.Cols * n || output.Length != m.Rows * n) throw new ArgumentException("shapes do not match");
        ref double aRef = ref MemoryMarshal.GetReference(a);
        ref double oRef = ref MemoryMarshal.GetReference(output);
        var rowStart = m.RowStart;
        var rowProducts = m.RowProducts;
        int c0 = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; c0 + Strip <= n; c0 += Strip)
            {
                for (int r = 0; r < m.Rows; r++)
                {
                    var s0 = Vector256<double>.Zero;
                    var s1 = Vector256<double>.Zero;
                    var s2 = Vector256<double>.Zero;
                    var s3 = Vector256<double>.Zero;
                    for (int j = rowStart[r]; j < rowStart[r + 1]; j++)
                    {
                        nuint off = (nuint)((long)rowProducts[j] * n + c0);
                        s0 += Vector256.LoadUnsafe(ref aRef, off);
                        s1 += Vector256.LoadUnsafe(ref aRef, off + 4);
                        s2 += Vector256.LoadUnsafe(ref aRef, off + 8);
                        s3 += Vector256.LoadUnsafe(ref aRef, off + 12);
                    }
                    nuint o = (nuint)((long)r * n + c0);
                    s0.StoreUnsafe(ref oRef, o);
                    s1.StoreUnsafe(ref oRef, o + 4);
                    s2.StoreUnsafe(ref oRef, o + 8);
                    s3.StoreUnsafe(ref oRef, o + 12);
                }
            }
        }
        if (c0 >= n) return;
        int w = n - c0;
        var acc = new double[w];
        for (int r = 0; r < m.Rows; r++)
        {
            Array.Clear(acc);
            for (int j = rowStart[r]; j < rowStart[r + 1]; j++)
            {
                var row = a.Slice(rowProducts[j] * n + c0, w);
                for (int k = 0; k < w; k++) acc[k] += row[k];
            }
            acc.CopyTo(output.Slice(r * n + c0, w));
        }
    }
}
