using System.Net;
using System.Text;

namespace CompeteModel.Engine.Reporting;

/// <summary>
/// Renders a <see cref="ReportModel"/> as Markdown (charts linked as <c>charts/*.svg</c>, written by
/// <see cref="ReportFiles"/>) or as one self-contained HTML page (charts inline as SVG, CSS and the weight explorer's
/// script inline; no fonts, images or links to anything outside the file, no network request). Every number comes
/// from the model through <see cref="ReportFormat"/>; the workshop sections are rendered by
/// <see cref="WorkshopSections"/>, one method each.
/// </summary>
public static class ReportRenderer
{
    public static string Markdown(ReportModel m)
    {
        var sb = new StringBuilder();
        sb.Append("# Sector priorities for ").Append(MdCell(m.RegionName)).Append(" (").Append(MdCell(m.RegionCode)).Append(")\n\n");
        sb.Append(MdCell(Subtitle(m))).Append("\n\n");
        foreach (var w in m.Warnings) sb.Append("> **Warning:** ").Append(MdCell(w)).Append("\n\n");

        sb.Append("## Top ").Append(ReportFormat.Int(m.Top.Count)).Append(" sectors\n\n");
        var header = HeadlineHeader();
        sb.Append("| ").Append(string.Join(" | ", header)).Append(" |\n");
        sb.Append('|').Append(string.Concat(header.Select((_, i) => i is 2 or 3 ? " --- |" : " ---: |"))).Append('\n');
        foreach (var s in m.Top) sb.Append("| ").Append(string.Join(" | ", HeadlineRow(s).Select(MdCell))).Append(" |\n");
        sb.Append('\n');

        sb.Append("## Why these sectors\n\n");
        foreach (var s in m.Top) sb.Append(MdCell(ReportNarrative.Paragraph(s, m.BenchmarkName))).Append("\n\n");

        foreach (var section in m.Sections)
        {
            sb.Append("## ").Append(MdCell(section.Title)).Append("\n\n");
            foreach (var p in section.Paragraphs) sb.Append(MdCell(p)).Append("\n\n");
            if (section.Rows.Count == 0) continue;
            sb.Append("| ").Append(string.Join(" | ", section.Header.Select(MdCell))).Append(" |\n");
            sb.Append('|').Append(string.Concat(section.Numeric.Select(n => n ? " ---: |" : " --- |"))).Append('\n');
            foreach (var row in section.Rows) sb.Append("| ").Append(string.Join(" | ", row.Select(MdCell))).Append(" |\n");
            sb.Append('\n');
        }

        WorkshopSections.WeightSetsMarkdown(sb, m, MdCell);
        WorkshopSections.SensitivityMarkdown(sb, m, MdCell);

        sb.Append("## Charts\n\n");
        foreach (var c in ReportCharts.All(m))
        {
            sb.Append("### ").Append(c.Title).Append("\n\n");
            sb.Append("![").Append(c.Title).Append("](charts/").Append(c.FileName).Append(")\n\n");
            sb.Append('*').Append(MdCell(ReportFormat.ProvenanceLine(m.Provenance, c.Kind))).Append("*\n\n");
        }

        if (m.Comparison is { } cmp)
        {
            sb.Append("## Ranks across regions\n\n");
            sb.Append("| Sector | ").Append(string.Join(" | ", cmp.Regions.Select(MdCell))).Append(" |\n");
            sb.Append("| --- |").Append(string.Concat(cmp.Regions.Select(_ => " ---: |"))).Append('\n');
            for (int i = 0; i < cmp.SectorLabels.Count; i++)
                sb.Append("| ").Append(MdCell(cmp.SectorLabels[i])).Append(" | ")
                  .Append(string.Join(" | ", cmp.Ranks[i].Select(r => r is { } v ? ReportFormat.Int(v) : ReportFormat.Missing))).Append(" |\n");
            sb.Append('\n');
        }

        if (m.Notes.Count > 0)
        {
            sb.Append("## Feasibility notes\n\n");
            foreach (var n in m.Notes) sb.Append("- ").Append(MdCell(n)).Append('\n');
            sb.Append('\n');
        }

        sb.Append("## Data sources\n\n");
        foreach (var p in m.Provenance)
            sb.Append("- **").Append(MdCell(p.Source)).Append("** — ").Append(MdCell(ReportFormat.ProvenanceKind(p.Kind)))
              .Append(p.Detail.Length > 0 ? ". " + MdCell(p.Detail) : "").Append('\n');
        sb.Append('\n').Append(FormatNote).Append('\n');
        return sb.ToString();
    }

    public static string Html(ReportModel m)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<title>").Append(E($"Sector priorities for {m.RegionName} ({m.RegionCode})")).Append("</title>\n");
        sb.Append("<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n");
        sb.Append("<h1>").Append(E($"Sector priorities for {m.RegionName} ({m.RegionCode})")).Append("</h1>\n");
        sb.Append("<p class=\"subtitle\">").Append(E(Subtitle(m))).Append("</p>\n");
        foreach (var w in m.Warnings) sb.Append("<p class=\"warning\"><strong>Warning:</strong> ").Append(E(w)).Append("</p>\n");

        sb.Append("<h2>Top ").Append(ReportFormat.Int(m.Top.Count)).Append(" sectors</h2>\n<table class=\"headline\">\n<thead><tr>");
        foreach (var h in HeadlineHeader()) sb.Append("<th>").Append(E(h)).Append("</th>");
        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var s in m.Top)
        {
            sb.Append("<tr data-sector=\"").Append(E(s.Code)).Append("\">");
            var row = HeadlineRow(s);
            for (int i = 0; i < row.Length; i++) sb.Append(i is 2 or 3 ? "<td>" : "<td class=\"num\">").Append(E(row[i])).Append("</td>");
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody>\n</table>\n");

        sb.Append("<h2>Why these sectors</h2>\n");
        foreach (var s in m.Top) sb.Append("<p class=\"explanation\">").Append(E(ReportNarrative.Paragraph(s, m.BenchmarkName))).Append("</p>\n");

        foreach (var section in m.Sections)
        {
            sb.Append("<section id=\"").Append(E(section.Id)).Append("\">\n<h2>").Append(E(section.Title)).Append("</h2>\n");
            foreach (var p in section.Paragraphs) sb.Append("<p>").Append(E(p)).Append("</p>\n");
            if (section.Rows.Count > 0)
            {
                sb.Append("<table class=\"section\">\n<thead><tr>");
                foreach (var h in section.Header) sb.Append("<th>").Append(E(h)).Append("</th>");
                sb.Append("</tr></thead>\n<tbody>\n");
                foreach (var row in section.Rows)
                {
                    sb.Append("<tr>");
                    for (int i = 0; i < row.Count; i++) sb.Append(section.Numeric[i] ? "<td class=\"num\">" : "<td>").Append(E(row[i])).Append("</td>");
                    sb.Append("</tr>\n");
                }
                sb.Append("</tbody>\n</table>\n");
            }
            sb.Append("</section>\n");
        }

        WorkshopSections.ExplorerHtml(sb, m);
        WorkshopSections.WeightSetsHtml(sb, m);
        WorkshopSections.SensitivityHtml(sb, m);

        sb.Append("<h2>Charts</h2>\n");
        foreach (var c in ReportCharts.All(m))
        {
            sb.Append("<figure class=\"chart\" id=\"").Append(c.FileName[..^4]).Append("\">\n");
            sb.Append(c.Svg.Replace(" xmlns=\"http://www.w3.org/2000/svg\"", "", StringComparison.Ordinal));
            sb.Append("<figcaption><strong>").Append(E(c.Title)).Append(".</strong> <span class=\"provenance\">")
              .Append(E(ReportFormat.ProvenanceLine(m.Provenance, c.Kind))).Append("</span></figcaption>\n</figure>\n");
        }

        WorkshopSections.SeriesHtml(sb, m);

        if (m.Comparison is { } cmp)
        {
            sb.Append("<h2>Ranks across regions</h2>\n<table class=\"comparison\">\n<thead><tr><th>Sector</th>");
            foreach (var r in cmp.Regions) sb.Append("<th>").Append(E(r)).Append("</th>");
            sb.Append("</tr></thead>\n<tbody>\n");
            for (int i = 0; i < cmp.SectorLabels.Count; i++)
            {
                sb.Append("<tr><td>").Append(E(cmp.SectorLabels[i])).Append("</td>");
                foreach (var r in cmp.Ranks[i]) sb.Append("<td class=\"num\">").Append(r is { } v ? ReportFormat.Int(v) : ReportFormat.Missing).Append("</td>");
                sb.Append("</tr>\n");
            }
            sb.Append("</tbody>\n</table>\n");
        }

        if (m.Notes.Count > 0)
        {
            sb.Append("<h2>Feasibility notes</h2>\n<ul>\n");
            foreach (var n in m.Notes) sb.Append("<li>").Append(E(n)).Append("</li>\n");
            sb.Append("</ul>\n");
        }

        sb.Append("<h2>Data sources</h2>\n<ul class=\"sources\">\n");
        foreach (var p in m.Provenance)
            sb.Append("<li><strong>").Append(E(p.Source)).Append("</strong> — ").Append(E(ReportFormat.ProvenanceKind(p.Kind)))
              .Append(p.Detail.Length > 0 ? ". " + E(p.Detail) : "").Append("</li>\n");
        sb.Append("</ul>\n<p class=\"note\">").Append(E(FormatNote)).Append("</p>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>The headline table's columns.</summary>
    public static string[] HeadlineHeader() =>
        ["Rank", "Band (5–95%)", "Sector", "Quadrant", "Composite", "LQ", "Growth vs GB (pp/yr)", "Employment", "Density", "PCI"];

    /// <summary>One headline row, formatted.</summary>
    public static string[] HeadlineRow(ReportSector s) =>
    [
        ReportFormat.Int(s.Rank), ReportFormat.Band(s.BandLow, s.BandHigh), s.Code + " " + s.Name, ReportFormat.Quadrant(s.Quadrant),
        ReportFormat.Fixed(s.Composite), ReportFormat.Fixed(s.Lq), ReportFormat.Signed(s.GrowthVsBenchmark), ReportFormat.Count(s.Employment),
        ReportFormat.Fixed(s.Density), ReportFormat.Signed(s.Pci),
    ];

    private const string FormatNote =
        "Numbers are rounded for display: composite, LQ and density to 2 decimals; growth vs benchmark (percentage points a year) " +
        "and PCI signed to 2 decimals; employment to whole people; n/a = not available. The unrounded values are in rankings.csv.";

    private const string Css = """
        body { font-family: Helvetica, Arial, sans-serif; color: #000; background: #fff; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
        h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
        h2 { font-size: 1.25rem; border-bottom: 1px solid #999; padding-bottom: 0.2rem; margin-top: 2rem; }
        .subtitle { color: #333; margin-top: 0; }
        .warning { border-left: 4px solid #d55e00; padding: 0.4rem 0.8rem; background: #fff4ec; }
        table { border-collapse: collapse; font-size: 0.9rem; width: 100%; }
        th, td { border-bottom: 1px solid #ccc; padding: 0.25rem 0.4rem; text-align: left; vertical-align: top; }
        th { border-bottom: 2px solid #333; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        figure.chart { margin: 1.5rem 0; }
        figure.chart svg { max-width: 100%; height: auto; }
        figcaption { font-size: 0.9rem; color: #222; margin-top: 0.3rem; }
        .note { font-size: 0.85rem; color: #333; }
        .provenance { color: #333; }
        caption { text-align: left; font-size: 0.9rem; padding: 0.3rem 0; }
        td.top { font-weight: bold; }
        .weight-sets button { font: inherit; margin: 0 0.4rem 0.4rem 0; padding: 0.3rem 0.7rem; border: 1px solid #333; background: #f2f2f2; color: #000; cursor: pointer; }
        .weight-sets button:focus-visible, input[type=range]:focus-visible { outline: 3px solid #0072b2; outline-offset: 2px; }
        .sliders { display: flex; flex-wrap: wrap; gap: 0.8rem; }
        .sliders fieldset { flex: 1 1 17rem; border: 1px solid #999; }
        .slider { display: grid; grid-template-columns: 1fr 8rem 3rem; align-items: center; gap: 0.4rem; font-size: 0.9rem; margin: 0.2rem 0; }
        .slider .provenance { grid-column: 1 / 4; font-size: 0.8rem; }
        .slider output { text-align: right; font-variant-numeric: tabular-nums; }
        figure.live-chart svg { max-width: 100%; height: auto; }
        .series { display: flex; flex-wrap: wrap; gap: 0.6rem; }
        figure.series-chart { margin: 0; border: 1px solid #ccc; padding: 0.3rem; }
        figure.series-chart figcaption { font-size: 0.8rem; }
        @media print {
          body { margin: 0; max-width: none; }
          figure.chart, table, p.explanation { break-inside: avoid; }
          h2 { break-after: avoid; }
        }

        """;

    private static string Subtitle(ReportModel m) =>
        $"Spec: {m.SpecName}. Years: {m.FirstYear}–{m.LastYear}. Benchmark: {m.BenchmarkName}. Sectors scored: {ReportFormat.Int(m.Sectors.Count)}.";

    private static string E(string s) => WebUtility.HtmlEncode(s);

    /// <summary>Backslash-escapes the ASCII punctuation that Markdown would read as markup or HTML (CommonMark allows this for any ASCII punctuation).</summary>
    private static string MdCell(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#') sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }
}
