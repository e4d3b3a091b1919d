using System.Numerics;
using System.Runtime.CompilerServices;

namespace CompeteModel.Engine.Complexity;

/// <summary>
/// The binary presence matrix M (locations × products) in the sparse forms the complexity
/// algorithms need: row-compressed (products present in each location), column-compressed
/// (locations where each product is present) and one bitset per product for co-occurrence counts.
/// Diversity k_r = Σ_s M[r,s] and ubiquity k_s = Σ_r M[r,s] are kept alongside.
/// </summary>
public sealed class PresenceMatrix
{
    private readonly ulong[] _bits;
    private readonly int _words;

    /// <summary>Builds from a dense row-major 0/1 array.</summary>
    public PresenceMatrix(ReadOnlySpan<byte> m, int rows, int cols)
    {
        if (m.Length != rows * cols) throw new ArgumentException("m must hold rows × cols cells");
        Rows = rows;
        Cols = cols;
        Diversity = new double[rows];
        Ubiquity = new double[cols];
        int nnz = 0;
        for (int i = 0; i < m.Length; i++) if (m[i] != 0) nnz++;
        RowStart = new int[rows + 1];
        RowProducts = new int[nnz];
        var colCount = new int[cols];
        int k = 0;
        for (int r = 0; r < rows; r++)
        {
            RowStart[r] = k;
            for (int s = 0; s < cols; s++)
                if (m[r * cols + s] != 0) { RowProducts[k++] = s; colCount[s]++; }
            Diversity[r] = k - RowStart[r];
        }
        RowStart[rows] = k;
        ColStart = new int[cols + 1];
        for (int s = 0; s < cols; s++) { ColStart[s + 1] = ColStart[s] + colCount[s]; Ubiquity[s] = colCount[s]; }
        ColLocations = new int[nnz];
        var fill = ColStart[..cols];
        for (int r = 0; r < rows; r++)
            for (int j = RowStart[r]; j < RowStart[r + 1]; j++) ColLocations[fill[RowProducts[j]]++] = r;
        _words = (rows + 63) / 64;
        _bits = new ulong[cols * _words];
        for (int r = 0; r < rows; r++)
            for (int j = RowStart[r]; j < RowStart[r + 1]; j++)
                _bits[RowProducts[j] * _words + (r >> 6)] |= 1UL << (r & 63);
    }

    public int Rows { get; }
    public int Cols { get; }
    public int NonZeros => RowProducts.Length;

    /// <summary>k_r, as doubles for the arithmetic that follows.</summary>
    public double[] Diversity { get; }

    /// <summary>k_s.</summary>
    public double[] Ubiquity { get; }

    /// <summary>Products present in location r are RowProducts[RowStart[r] .. RowStart[r+1]).</summary>
    public int[] RowStart { get; }
    public int[] RowProducts { get; }

    /// <summary>Locations where product s is present are ColLocations[ColStart[s] .. ColStart[s+1]).</summary>
    public int[] ColStart { get; }
    public int[] ColLocations { get; }

    public bool this[int r, int s] => (_bits[s * _words + (r >> 6)] & (1UL << (r & 63))) != 0;

    /// <summary>Σ_r M[r,a]·M[r,b]: the number of locations where both products are present.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int CoOccurrence(int a, int b)
    {
        var x = _bits.AsSpan(a * _words, _words);
        var y = _bits.AsSpan(b * _words, _words);
        int c = 0;
        for (int w = 0; w < x.Length; w++) c += BitOperations.PopCount(x[w] & y[w]);
        return c;
    }

    /// <summary>y = M·x (length Rows from length Cols).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        for (int r = 0; r < Rows; r++)
        {
            double sum = 0;
            for (int j = RowStart[r]; j < RowStart[r + 1]; j++) sum += x[RowProducts[j]];
            y[r] = sum;
        }
    }

    /// <summary>y = Mᵀ·x (length Cols from length Rows).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void MultiplyTransposed(ReadOnlySpan<double> x, Span<double> y)
    {
        for (int s = 0; s < Cols; s++)
        {
            double sum = 0;
            for (int j = ColStart[s]; j < ColStart[s + 1]; j++) sum += x[ColLocations[j]];
            y[s] = sum;
        }
    }
}
