using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Panels;

namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// Compares runs of one spec over several regions: aligns them on the first run's sector axis, takes each region's
/// employment shares in the target year (from the data the run used: firm-level or published BRES), measures the
/// similarity of every pair (<see cref="Peers"/>), picks each region's nearest peers, and tabulates each sector's rank
/// in each region.
/// </summary>
public static class CompareRegions
{
    public static CompareResult Build(IReadOnlyList<CompareInput> runs, CompareOptions options)
    {
        if (runs.Count < 2) throw new InputException("a comparison needs at least two regions", field: "--regions");
        var first = runs[0].Run;
        foreach (var r in runs)
        {
            if (r.Run.Level != first.Level || r.Run.Year != first.Year || r.Run.BaseYear != first.BaseYear)
                throw new ArgumentException($"runs differ in level or years: {r.Run.Region.Id} is {r.Run.Level} {r.Run.BaseYear}-{r.Run.Year}");
        }
        var ids = runs.Select(r => r.Label).ToArray();
        if (runs.Select(r => r.Run.Region.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count() != ids.Length)
            throw new InputException("a region is listed twice", field: "--regions");
        int focus = 0;
        if (options.Focus is { } f)
        {
            focus = Array.FindIndex(runs.ToArray(), x => string.Equals(x.Run.Region.Id, f, StringComparison.OrdinalIgnoreCase));
            if (focus < 0) throw new InputException($"--peers-of {f} is not among the compared regions ({string.Join(", ", ids)})", field: "--peers-of");
        }

        var codes = first.Panel.Sectors.Select(s => s.Code).ToArray();
        var names = first.Panel.Sectors.Select(s => s.Name).ToArray();
        var employment = new List<double[]>();
        var shares = new List<double[]>();
        foreach (var input in runs)
        {
            var p = input.Run.Panel;
            int t = p.YearIndex(input.Run.Year);
            var emp = p[Measure.Employment];
            var e = new double[codes.Length];
            for (int s = 0; s < codes.Length; s++)
                e[s] = p.TrySectorIndex(codes[s], out int ps) ? emp.Value[p.Index(0, ps, t)] : double.NaN;
            employment.Add(e);
            shares.Add(Peers.Shares(e));
        }

        var sim = Peers.Matrix(shares, options.Similarity);
        int count = Math.Min(Math.Max(0, options.Peers), runs.Count - 1);
        var peers = Enumerable.Range(0, runs.Count).Select(i => Peers.Choose(ids, shares, i, count, options.Similarity)).ToArray();

        var ranks = new int?[codes.Length][];
        for (int s = 0; s < codes.Length; s++) ranks[s] = new int?[runs.Count];
        for (int i = 0; i < runs.Count; i++)
        {
            var bySector = runs[i].Run.Score.Units.ToDictionary(u => u.Code, u => u.Rank, StringComparer.Ordinal);
            for (int s = 0; s < codes.Length; s++) ranks[s][i] = bySector.TryGetValue(codes[s], out var k) ? k : null;
        }
        var order = Enumerable.Range(0, codes.Length)
            .Where(s => ranks[s].Any(x => x is not null))
            .OrderByDescending(s => ranks[s].Count(x => x is not null))
            .ThenBy(s => ranks[s].Where(x => x is not null).Average(x => (double)x!.Value))
            .ThenBy(s => codes[s], StringComparer.Ordinal)
            .ToArray();

        return new CompareResult
        {
            Regions = runs,
            Options = options,
            Focus = focus,
            SectorCodes = codes,
            SectorNames = names,
            Employment = employment,
            Shares = shares,
            Similarity = sim,
            Peers = peers,
            Ranks = ranks,
            SectorOrder = order,
        };
    }

    /// <summary>
    /// LQ of region r's sector s against its peer group pooled: (X[r,s]/X[r,·]) / (Σ_p X[p,s] / Σ_p X[p,·]) over the peers p
    /// (METHODS.md, specialisation with a peer group as the benchmark). NaN where the peer group has no employment in s.
    /// </summary>
    public static double[] PeerLq(CompareResult c, int region)
    {
        var own = c.Shares[region];
        var pooled = new double[own.Length];
        double total = 0;
        foreach (var p in c.Peers[region])
        {
            var e = c.Employment[c.IndexOf(p.RegionId)];
            for (int s = 0; s < e.Length; s++)
                if (e[s] > 0) { pooled[s] += e[s]; total += e[s]; }
        }
        var lq = new double[own.Length];
        for (int s = 0; s < lq.Length; s++)
            lq[s] = total > 0 && pooled[s] > 0 && !double.IsNaN(own[s]) ? own[s] / (pooled[s] / total) : double.NaN;
        return lq;
    }
}
