using CompeteModel.Engine.Statistics;

namespace CompeteModel.Engine.Complexity;

/// <summary>Revealed comparative advantage (location quotient) and the binary presence matrix.</summary>
public static class Rca
{
    /// <summary>
    /// Balassa (1965) index over a dense row-major R×S matrix, the benchmark being the sum over all rows:
    /// RCA[r,s] = (X[r,s]/X[r,·]) / (X[·,s]/X[·,·]). NaN (undefined, not zero) where X[r,·] = 0 or X[·,s] = 0.
    /// Source: METHODS.md "Specialisation"; economiccomplexity's <c>balassa_index</c>, py-ecomplexity's <c>rca</c>.
    /// </summary>
    public static void Balassa(ReadOnlySpan<double> x, int rows, int cols, Span<double> rca)
    {
        if (x.Length != rows * cols || rca.Length != x.Length) throw new ArgumentException("x and rca must hold rows × cols cells");
        var rowTotal = new double[rows];
        var colTotal = new double[cols];
        double total = 0;
        for (int r = 0; r < rows; r++)
        {
            var row = x.Slice(r * cols, cols);
            double t = 0;
            for (int s = 0; s < cols; s++) { t += row[s]; colTotal[s] += row[s]; }
            rowTotal[r] = t;
            total += t;
        }
        for (int r = 0; r < rows; r++)
        {
            var row = x.Slice(r * cols, cols);
            var outRow = rca.Slice(r * cols, cols);
            for (int s = 0; s < cols; s++)
                outRow[s] = rowTotal[r] > 0 && colTotal[s] > 0 ? LocationQuotient.Of(row[s], rowTotal[r], colTotal[s], total) : double.NaN;
        }
    }

    /// <summary>M[r,s] = 1 where RCA[r,s] ≥ threshold (an undefined RCA is absent).</summary>
    public static void Presence(ReadOnlySpan<double> rca, double threshold, Span<byte> m)
    {
        if (m.Length != rca.Length) throw new ArgumentException("rca and m must have the same length");
        for (int i = 0; i < rca.Length; i++) m[i] = rca[i] >= threshold ? (byte)1 : (byte)0;
    }
}
