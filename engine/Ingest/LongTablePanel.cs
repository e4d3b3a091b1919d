using System.Collections.Immutable;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Engine.Ingest;

/// <summary>
/// Builds a <see cref="Panel"/> from a user's long table (one row per region × sector × year with a value),
/// such as a published example, a foreign region's employment or world trade. Regions and sectors keep the
/// order in which they first appear; years are sorted. Every row is accounted for: used; unknown (an empty or
/// missing-marker value such as "..", kept as NaN, never 0); or rejected with file, line, field and reason
/// (no region or sector, a year that is not a whole number, a value that is not a number, a second row for
/// a cell already given). Cells no row mentions are unknown too. Values are exact: Lower = Upper = Value.
/// </summary>
public static class LongTablePanel
{
    public static Panel FromTable(Table table, string regionCol, string sectorCol, string yearCol, string valueCol, RowAccount account,
        Measure measure = Measure.Value, string? source = null)
    {
        var cr = table.Column(regionCol);
        var cs = table.Column(sectorCol);
        var cy = table.Column(yearCol);
        var cv = table.Column(valueCol);
        string file = table.SourceFile ?? account.Source;

        var regionIds = new List<string>();
        var sectorCodes = new List<string>();
        var regionIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var sectorIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var yearSet = new SortedSet<int>();
        var rows = new List<(int R, int S, int Y, double V)>();
        var seen = new HashSet<(int, int, int)>();

        for (int i = 0; i < table.RowCount; i++)
        {
            account.CountRead();
            long line = table.LineOf(i);
            string? region = table.GetText(cr, i)?.Trim();
            string? sector = table.GetText(cs, i)?.Trim();
            if (string.IsNullOrEmpty(region)) { account.Reject(file, line, cr.Name, "no region", region); continue; }
            if (string.IsNullOrEmpty(sector)) { account.Reject(file, line, cs.Name, "no sector", sector); continue; }
            string? yearText = table.GetText(cy, i)?.Trim();
            if (!Numbers.TryParse(yearText ?? "", out var yv) || yv != Math.Floor(yv) || yv < 1 || yv > 9999)
            { account.Reject(file, line, cy.Name, "year is not a whole number", yearText); continue; }
            int year = (int)yv;

            double value;
            if (cv.Data is string?[] texts)
            {
                if (MissingTokens.IsMissing(texts[i], out var token)) value = double.NaN;
                else if (!Numbers.TryParse(texts[i], out value)) { account.Reject(file, line, cv.Name, "value is not a number", texts[i]); continue; }
            }
            else value = table.GetDouble(cv, i);

            if (!regionIndex.TryGetValue(region, out int r)) { r = regionIds.Count; regionIndex[region] = r; regionIds.Add(region); }
            if (!sectorIndex.TryGetValue(sector, out int s)) { s = sectorCodes.Count; sectorIndex[sector] = s; sectorCodes.Add(sector); }
            if (!seen.Add((r, s, year))) { account.Reject(file, line, "*", "second row for the same region, sector and year", $"{region} / {sector} / {year}"); continue; }
            yearSet.Add(year);
            if (double.IsNaN(value))
            {
                MissingTokens.IsMissing(table.GetText(cv, i), out var token);
                account.CountUnknown(token);
                continue;
            }
            account.CountUsed();
            rows.Add((r, s, year, value));
        }
        account.Check();
        if (rows.Count == 0)
            throw new InputException($"no usable rows ({account.Summary()})", file);

        var regions = regionIds.Select(id => new Region(id, id, id, RegionKind.Custom, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty)).ToList();
        var sectors = sectorCodes.Select(c => new Sector(c, c, null)).ToList();
        var years = yearSet.ToList();
        var yearIndex = new Dictionary<int, int>();
        for (int t = 0; t < years.Count; t++) yearIndex[years[t]] = t;
        var builder = new PanelBuilder(regions, sectors, years);
        builder.AddMeasure(measure, Provenance.UserTable, source ?? $"{Path.GetFileName(file)}, column {cv.Name}");
        foreach (var (r, s, y, v) in rows) builder.Add(measure, r, s, yearIndex[y], v, v, v);
        return builder.Build();
    }
}
