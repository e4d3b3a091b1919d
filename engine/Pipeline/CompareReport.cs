using System.Globalization;
using CompeteModel.Engine.Reporting;

namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// The comparison report: the focus region's run report with the comparison table filled (each sector's rank in each
/// region, for the sectors in any shown region's top N) and notes naming each region's data and the focus region's peers.
/// </summary>
public static class CompareReport
{
    public static ReportModel Build(CompareResult c, int topN = 10)
    {
        var focus = c.Regions[c.Focus].Run;
        var shown = new List<int> { c.Focus };
        if (c.Options.FocusOnPeers) shown.AddRange(c.Peers[c.Focus].Select(p => c.IndexOf(p.RegionId)));
        else shown.AddRange(Enumerable.Range(0, c.Regions.Count).Where(i => i != c.Focus));
        var rows = c.SectorOrder.Where(s => shown.Any(i => c.Ranks[s][i] is { } k && k <= c.Options.TopN)).ToArray();
        var table = new ComparisonTable(
            shown.Select(i => c.Regions[i].Label.ToUpperInvariant()).ToArray(),
            rows.Select(s => c.SectorCodes[s] + " " + c.SectorNames[s]).ToArray(),
            rows.Select(s => shown.Select(i => c.Ranks[s][i]).ToArray()).ToArray());

        var measure = c.Options.Similarity == PeersSimilarity.Cosine ? "cosine similarity" : "Krugman distance";
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"Comparison of {c.Regions.Count} regions under spec '{focus.Spec.Name}', {focus.BaseYear}–{focus.Year}: the table under 'Ranks across regions' shows each sector's rank in each region for the sectors in any shown region's top {c.Options.TopN} (n/a = not scored there)."),
            $"Peers of {focus.Region.Name} by {measure} of employment shares in {focus.Year}: "
            + string.Join(", ", c.Peers[c.Focus].Select(p => $"{c.Regions[c.IndexOf(p.RegionId)].Run.Region.Name} ({CompareTables.Num(p.Value)})")) + ".",
        };
        foreach (var r in c.Regions) notes.Add($"{r.Run.Region.Name}: {r.DataDescription}.");
        if (c.Regions.Any(r => r.Approximation))
            notes.Insert(0, "Regions marked ~ (" + string.Join(", ", c.Regions.Where(r => r.Approximation).Select(r => r.Run.Region.Id.ToUpperInvariant())) +
                            ") are not unions of ITL2 areas: their columns describe their ITL2 parent area(s), an approximation, not the region. " +
                            "A district-level BRES download from NOMIS (--bres FILE) gives them exactly.");
        if (c.Regions.Select(r => r.Run.UsesMicroData).Distinct().Count() > 1)
            notes.Add("Regions on published data have no firm counts or technology tags, so their enabling-technologies pillar is re-weighted away: compare ranks across the two kinds of data with care.");
        var model = RunReport.Build(focus, topN);
        return model with { Comparison = table, Notes = notes.Concat(model.Notes).ToArray() };
    }
}
