using System.Globalization;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Indicators;

namespace CompeteModel.Engine.Pipeline;

/// <summary>The output tables of a comparison: ranks (sector × region), regions, similarity, peers and profiles.</summary>
public static class CompareTables
{
    /// <summary>Sector × region: each sector's rank in each region (empty where unscored), rows by mean rank.</summary>
    public static Table Ranks(CompareResult c)
    {
        var rows = c.SectorOrder;
        var cols = new List<TableColumn>
        {
            TableColumn.Of("sector", rows.Select(s => (string?)c.SectorCodes[s]).ToArray()),
            TableColumn.Of("name", rows.Select(s => (string?)c.SectorNames[s]).ToArray()),
        };
        for (int i = 0; i < c.Regions.Count; i++)
            cols.Add(TableColumn.Of("rank_" + c.Regions[i].Run.Region.Id + (c.Regions[i].Approximation ? "_approx" : ""), rows.Select(s => c.Ranks[s][i] is { } k ? k : double.NaN).ToArray()));
        cols.Add(TableColumn.Of("regions_scored", rows.Select(s => c.Ranks[s].Count(x => x is not null)).ToArray()));
        cols.Add(TableColumn.Of("mean_rank", rows.Select(s => c.Ranks[s].Where(x => x is not null).Average(x => (double)x!.Value)).ToArray()));
        return new Table(cols);
    }

    /// <summary>One row per region: codes, the data the run rested on, sectors scored, top five sectors and peers.</summary>
    public static Table Regions(CompareResult c, int top = 5)
    {
        var runs = c.Regions;
        return new Table(new[]
        {
            TableColumn.Of("region", runs.Select(r => (string?)r.Run.Region.Id).ToArray()),
            TableColumn.Of("code", runs.Select(r => (string?)r.Run.Region.Code).ToArray()),
            TableColumn.Of("name", runs.Select(r => (string?)r.Run.Region.Name).ToArray()),
            TableColumn.Of("geography", runs.Select(r => (string?)(r.Approximation ? "approximation by ITL2 parent area(s) " + string.Join(" + ", r.Run.Region.Itl2Codes) : "exact")).ToArray()),
            TableColumn.Of("data", runs.Select(r => (string?)r.DataDescription).ToArray()),
            TableColumn.Of("micro_data", runs.Select(r => r.Run.UsesMicroData).ToArray()),
            TableColumn.Of("sectors_scored", runs.Select(r => r.Run.Score.Units.Count).ToArray()),
            TableColumn.Of("sectors_unscored", runs.Select(r => r.Run.Score.Unscored.Count).ToArray()),
            TableColumn.Of("top_sectors", runs.Select(r => (string?)string.Join("; ", r.Run.Score.Units.Take(top).Select(u => u.Code))).ToArray()),
            TableColumn.Of("peers", c.Peers.Select(p => (string?)string.Join("; ", p.Select(m => m.RegionId + " " + Num(m.Value)))).ToArray()),
        });
    }

    /// <summary>Region × region similarity (cosine) or distance (Krugman) of employment shares.</summary>
    public static Table Similarity(CompareResult c)
    {
        int n = c.Regions.Count;
        var cols = new List<TableColumn> { TableColumn.Of("region", c.RegionIds.Select(x => (string?)x).ToArray()) };
        for (int b = 0; b < n; b++)
            cols.Add(TableColumn.Of(c.RegionIds[b], Enumerable.Range(0, n).Select(a => c.Similarity[a * n + b]).ToArray()));
        return new Table(cols);
    }

    /// <summary>Long table: region, order (1 = most similar), peer, value, measure.</summary>
    public static Table PeersTable(CompareResult c)
    {
        var region = new List<string?>();
        var order = new List<int>();
        var peer = new List<string?>();
        var value = new List<double>();
        for (int i = 0; i < c.Regions.Count; i++)
            foreach (var p in c.Peers[i])
            {
                region.Add(c.RegionIds[i]); order.Add(p.Order); peer.Add(p.RegionId); value.Add(p.Value);
            }
        var measure = c.Options.Similarity == PeersSimilarity.Cosine ? "cosine_similarity" : "krugman_distance";
        return new Table(new[]
        {
            TableColumn.Of("region", region.ToArray()), TableColumn.Of("order", order.ToArray()), TableColumn.Of("peer", peer.ToArray()),
            TableColumn.Of("value", value.ToArray()), TableColumn.Of("measure", Enumerable.Repeat<string?>(measure, value.Count).ToArray()),
        });
    }

    /// <summary>
    /// Each region's profile against its peers, one row per region × sector: employment and share in the target year,
    /// the run's LQ against Great Britain, the LQ against the pooled peer group (<see cref="CompareRegions.PeerLq"/>) and
    /// the sector's rank in the region (empty where unscored).
    /// </summary>
    public static Table Profiles(CompareResult c)
    {
        var region = new List<string?>();
        var sector = new List<string?>();
        var name = new List<string?>();
        var emp = new List<double>();
        var share = new List<double>();
        var lqGb = new List<double>();
        var lqPeers = new List<double>();
        var rank = new List<double>();
        for (int i = 0; i < c.Regions.Count; i++)
        {
            var run = c.Regions[i].Run;
            var gb = LqOf(run);
            var peer = CompareRegions.PeerLq(c, i);
            for (int s = 0; s < c.SectorCodes.Count; s++)
            {
                region.Add(c.Regions[i].Label); sector.Add(c.SectorCodes[s]); name.Add(c.SectorNames[s]);
                emp.Add(c.Employment[i][s]); share.Add(c.Shares[i][s]);
                lqGb.Add(gb.TryGetValue(c.SectorCodes[s], out var v) ? v : double.NaN);
                lqPeers.Add(peer[s]);
                rank.Add(c.Ranks[s][i] is { } k ? k : double.NaN);
            }
        }
        return new Table(new[]
        {
            TableColumn.Of("region", region.ToArray()), TableColumn.Of("sector", sector.ToArray()), TableColumn.Of("name", name.ToArray()),
            TableColumn.Of("employment", emp.ToArray()), TableColumn.Of("share", share.ToArray()), TableColumn.Of("lq_gb", lqGb.ToArray()),
            TableColumn.Of("lq_peers", lqPeers.ToArray()), TableColumn.Of("rank", rank.ToArray()),
        });
    }

    /// <summary>The run's LQ against Great Britain by sector code (the indicator table's "lq" rows for the region).</summary>
    public static Dictionary<string, double> LqOf(CityRegionRunResult run)
    {
        var t = run.Indicators;
        var lq = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int i = 0; i < t.RowCount; i++)
            if (t.Indicator[i] == IndicatorIds.Lq && t.Year[i] == run.Year && string.Equals(t.Region[i], run.Region.Id, StringComparison.OrdinalIgnoreCase))
                lq[t.Sector[i]] = t.Value[i];
        return lq;
    }

    /// <summary>Three decimals (invariant), or "n/a" when not finite.</summary>
    public static string Num(double v) => double.IsFinite(v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";
}
