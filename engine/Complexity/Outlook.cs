namespace CompeteModel.Engine.Complexity;

/// <summary>Complexity outlook index (COI) and complexity outlook gain (COG), Hausmann et al., Atlas of Economic Complexity (2014).</summary>
public static class Outlook
{
    /// <summary>
    /// COI[r] = z-score over locations of Σ_s d[r,s]·(1 − M[r,s])·kp[s], with kp the UNcentred
    /// eigenvector (after the sign rule), as py-ecomplexity (METHODS.md).
    /// </summary>
    public static double[] Coi(PresenceMatrix m, ReadOnlySpan<double> density, ReadOnlySpan<double> kp, SdConvention sd)
    {
        int n = m.Cols;
        var coi = new double[m.Rows];
        for (int r = 0; r < m.Rows; r++)
        {
            double sum = 0;
            var d = density.Slice(r * n, n);
            for (int s = 0; s < n; s++)
                if (!m[r, s]) sum += d[s] * kp[s];
            coi[r] = sum;
        }
        ComplexityStatistics.ZScore(coi, sd);
        return coi;
    }

    /// <summary>
    /// COG[r,s] = (1 − M[r,s]) · Σ_s' (1 − M[r,s'])·φ[s',s]/Σ_j φ[s',j] · (PCI[s'] + mean(kc)/sd(kc)).
    /// The weight is <paramref name="pciPlusOffset"/>[s'] = PCI[s'] + mean(kc)/sd(kc) (= kp[s']/sd(kc)); using
    /// the centred PCI alone is the known mistake METHODS.md warns about. Computed as
    /// g[s] − Σ_{s' : M[r,s']=1} w[s']·φ[s',s] with g[s] = Σ_s' w[s']·φ[s',s], so the cost is nnz(M)·S.
    /// </summary>
    public static double[] Cog(PresenceMatrix m, ReadOnlySpan<double> phi, ReadOnlySpan<double> pciPlusOffset)
    {
        int n = m.Cols;
        if (phi.Length != n * n) throw new ArgumentException("phi must be products × products");
        var weighted = new double[n * n];
        var g = new double[n];
        for (int a = 0; a < n; a++)
        {
            var row = phi.Slice(a * n, n);
            double rowSum = 0;
            foreach (var v in row) rowSum += v;
            double w = rowSum > 0 ? pciPlusOffset[a] / rowSum : 0;
            var wr = weighted.AsSpan(a * n, n);
            for (int s = 0; s < n; s++) wr[s] = w * row[s];
            Density.Accumulate(g, wr);
        }
        var cog = new double[m.Rows * n];
        SparseRowSums.Compute(m, weighted, n, cog);
        for (int r = 0; r < m.Rows; r++)
        {
            var row = cog.AsSpan(r * n, n);
            for (int s = 0; s < n; s++) row[s] = g[s] - row[s];
            for (int j = m.RowStart[r]; j < m.RowStart[r + 1]; j++) row[m.RowProducts[j]] = 0;
        }
        return cog;
    }
}
