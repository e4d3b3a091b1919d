using CompeteModel.Engine.Statistics;

namespace CompeteModel.Engine.Indicators;

/// <summary>
/// Confidence intervals for indicators computed from firm-level (micro) data: a nonparametric bootstrap
/// (Efron and Tibshirani 1993) that resamples firms with replacement within each region × sector cell,
/// keeping each cell's firm count, and reads the bounds as percentiles (R's default quantile type 7:
/// linear interpolation between order statistics) of the replicated indicator. Seeded with
/// the engine's <see cref="Rng"/> (xoshiro256**, stable across .NET versions); the draw order is fixed (draw, then cell in row-major order, then firm), so
/// the same inputs and seed give the same bounds. Memory is R·S·draws doubles.
/// </summary>
public static class MicroBootstrap
{
    /// <summary>
    /// Bootstrap of LQ[r,s] = (X[r,s]/X[r,·]) / b_s against a fixed benchmark share vector b (length S, Σ b = 1
    /// normally; b_s = 0 gives <see cref="UndefinedReason.ZeroBenchmark"/>). X[r,s] = Σ weight of the cell's firms.
    /// </summary>
    public static BootstrapResult LocationQuotients(int[] regionOfFirm, int[] sectorOfFirm, double[] weight, int regions, int sectors,
        double[] benchmarkShare, int draws, int seed, int minFirms = 10, double lowerQuantile = 0.05, double upperQuantile = 0.95)
    {
        if (benchmarkShare.Length != sectors) throw new ArgumentException($"benchmark share vector has {benchmarkShare.Length} entries, expected {sectors}");
        var cells = new CellIndex(regionOfFirm, sectorOfFirm, weight, regions, sectors);
        int n = regions * sectors;
        var estimate = new double[n];
        var reason = new UndefinedReason[n];
        Lq(cells.Observed, regions, sectors, benchmarkShare, estimate, reason);

        var samples = new double[n * draws];
        var rng = new Rng(seed);
        var x = new double[n];
        var lq = new double[n];
        var why = new UndefinedReason[n];
        for (int d = 0; d < draws; d++)
        {
            cells.Resample(ref rng, x);
            Lq(x, regions, sectors, benchmarkShare, lq, why);
            for (int c = 0; c < n; c++) samples[c * draws + d] = lq[c];
        }
        return Summarise(regions, sectors, estimate, reason, samples, draws, cells.Firms, minFirms, lowerQuantile, upperQuantile);
    }

    /// <summary>
    /// Bootstrap of the growth X1[r,s]/X0[r,s] − 1 between two years' firms, each year resampled within its own
    /// cells independently. Firms = the smaller of the two years' counts; reliable when both reach the minimum.
    /// </summary>
    public static BootstrapResult Growth(FirmSample baseYear, FirmSample finalYear, int regions, int sectors,
        int draws, int seed, int minFirms = 10, double lowerQuantile = 0.05, double upperQuantile = 0.95)
    {
        var c0 = new CellIndex(baseYear.RegionOfFirm, baseYear.SectorOfFirm, baseYear.Weight, regions, sectors);
        var c1 = new CellIndex(finalYear.RegionOfFirm, finalYear.SectorOfFirm, finalYear.Weight, regions, sectors);
        int n = regions * sectors;
        var estimate = new double[n];
        var reason = new UndefinedReason[n];
        Indicators.Growth.Rates(c0.Observed, c1.Observed, estimate, reason);
        var firms = new int[n];
        for (int c = 0; c < n; c++) firms[c] = Math.Min(c0.Firms[c], c1.Firms[c]);

        var samples = new double[n * draws];
        var rng = new Rng(seed);
        double[] x0 = new double[n], x1 = new double[n];
        for (int d = 0; d < draws; d++)
        {
            c0.Resample(ref rng, x0);
            c1.Resample(ref rng, x1);
            for (int c = 0; c < n; c++) samples[c * draws + d] = x0[c] == 0 ? double.NaN : x1[c] / x0[c] - 1;
        }
        return Summarise(regions, sectors, estimate, reason, samples, draws, firms, minFirms, lowerQuantile, upperQuantile);
    }

    private static void Lq(double[] x, int regions, int sectors, double[] share, double[] lq, UndefinedReason[] reason)
    {
        for (int r = 0; r < regions; r++)
        {
            double total = 0;
            for (int s = 0; s < sectors; s++) total += x[r * sectors + s];
            for (int s = 0; s < sectors; s++)
            {
                int c = r * sectors + s;
                if (total == 0) { lq[c] = double.NaN; reason[c] = UndefinedReason.ZeroRegionTotal; }
                else if (!(share[s] > 0)) { lq[c] = double.NaN; reason[c] = UndefinedReason.ZeroBenchmark; }
                else { lq[c] = LocationQuotient.OfShare(x[c], total, share[s]); reason[c] = UndefinedReason.None; }
            }
        }
    }

    private static BootstrapResult Summarise(int regions, int sectors, double[] estimate, UndefinedReason[] reason, double[] samples, int draws,
        int[] firms, int minFirms, double pLo, double pHi)
    {
        int n = regions * sectors;
        var lower = new double[n];
        var upper = new double[n];
        var reliable = new bool[n];
        for (int c = 0; c < n; c++)
        {
            reliable[c] = reason[c] == UndefinedReason.None && firms[c] >= minFirms;
            if (reason[c] != UndefinedReason.None) { lower[c] = upper[c] = double.NaN; continue; }
            var slice = samples.AsSpan(c * draws, draws);
            int k = 0;
            for (int i = 0; i < slice.Length; i++) if (!double.IsNaN(slice[i])) slice[k++] = slice[i];
            var known = slice[..k];
            known.Sort();
            lower[c] = Quantiles.Type7Sorted(known, pLo);
            upper[c] = Quantiles.Type7Sorted(known, pHi);
        }
        return new BootstrapResult(regions, sectors, estimate, lower, upper, firms, reliable, reason);
    }

    /// <summary>Firms grouped by cell (counting sort), with the observed cell sums.</summary>
    private sealed class CellIndex
    {
        private readonly int[] _start;
        private readonly double[] _weightByCell;

        public CellIndex(int[] region, int[] sector, double[] weight, int regions, int sectors)
        {
            if (region.Length != weight.Length || sector.Length != weight.Length)
                throw new ArgumentException("region, sector and weight arrays must have one entry per firm");
            int n = regions * sectors;
            Firms = new int[n];
            Observed = new double[n];
            for (int f = 0; f < weight.Length; f++)
            {
                if ((uint)region[f] >= (uint)regions || (uint)sector[f] >= (uint)sectors)
                    throw new ArgumentOutOfRangeException(nameof(region), $"firm {f} has region {region[f]}, sector {sector[f]} outside {regions} × {sectors}");
                if (double.IsNaN(weight[f])) throw new ArgumentException($"firm {f} has no weight (NaN)");
                Firms[region[f] * sectors + sector[f]]++;
            }
            _start = new int[n + 1];
            for (int c = 0; c < n; c++) _start[c + 1] = _start[c] + Firms[c];
            var next = (int[])_start.Clone();
            _weightByCell = new double[weight.Length];
            for (int f = 0; f < weight.Length; f++)
            {
                int c = region[f] * sectors + sector[f];
                _weightByCell[next[c]++] = weight[f];
                Observed[c] += weight[f];
            }
        }

        public int[] Firms { get; }
        public double[] Observed { get; }

        public void Resample(ref Rng rng, double[] x)
        {
            for (int c = 0; c < Firms.Length; c++)
            {
                int m = Firms[c], start = _start[c];
                double sum = 0;
                for (int k = 0; k < m; k++) sum += _weightByCell[start + rng.Next(m)];
                x[c] = sum;
            }
        }
    }
}
