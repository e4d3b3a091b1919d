using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Scoring;

namespace CompeteModel.Engine.Reporting;

/// <summary>
/// The report sections for a stakeholder workshop, each rendered on its own so that sections can be added or moved
/// without touching the others: the interactive weight explorer (HTML only), the weight sets side by side, the
/// sensitivity table and the small yearly series. Each writes nothing when the model has no data for it, and each
/// prints the provenance of its numbers beside them.
/// </summary>
internal static class WorkshopSections
{
    /// <summary>Rows of the weight-set table: every sector in the top N of at least one weight set.</summary>
    public static IReadOnlyList<int> WeightSetRows(WeightExplorer x, int topN) =>
        Enumerable.Range(0, x.Units.Count).Where(e => x.WeightSets.Any(s => s.Ranks[e] <= topN)).OrderBy(e => x.WeightSets[0].Ranks[e]).ToArray();

    /// <summary>"Source: published statistics — lq, density. Generated firm-level data … — tech_intensity." for the used indicators.</summary>
    public static string IndicatorProvenance(WeightExplorer x)
    {
        var parts = x.Indicators.Where(i => i.Used).GroupBy(i => i.Provenance).OrderBy(g => g.Key)
            .Select(g => char.ToUpperInvariant(ReportFormat.ProvenanceKind(g.Key)[0]) + ReportFormat.ProvenanceKind(g.Key)[1..] + " — " + string.Join(", ", g.Select(i => i.Id)));
        return "Source: composites of the normalised indicators. " + string.Join(". ", parts) + ".";
    }

    public static void ExplorerHtml(StringBuilder sb, ReportModel m)
    {
        if (m.Explorer is not { } x) return;
        var b = x.WeightSets[0];
        sb.Append("<section id=\"explorer\" aria-labelledby=\"explorer-heading\">\n<h2 id=\"explorer-heading\">Explore the weights</h2>\n");
        sb.Append("<p>Move a weight and the composites and ranks below are recomputed in this page from the normalised indicator values the run used, ")
          .Append("with the engine's rules: ").Append(x.Aggregation == AggregationMethod.Geometric ? "weighted geometric mean" : "weighted arithmetic mean")
          .Append(" of the indicators within each pillar, then of the pillars; a sector's weights are re-normalised over the indicators (and pillars) it has a value for, ")
          .Append("so a missing value is left out, never counted as zero; ties are broken by sector code. With the spec's weights the ranks are those of rankings.csv; ")
          .Append("each button loads one of the spec's weight sets (the ranks in weight_sets.csv). Weights need not add up to 1: only their ratios matter.</p>\n");
        sb.Append("<div class=\"weight-sets\" role=\"group\" aria-label=\"Weight sets of the spec\">");
        for (int i = 0; i < x.WeightSets.Count; i++)
            sb.Append("<button type=\"button\" data-set=\"").Append(i.ToString(CultureInfo.InvariantCulture)).Append("\">")
              .Append(E(i == 0 ? "base (the spec's weights)" : x.WeightSets[i].Name)).Append("</button>");
        sb.Append("</div>\n<p id=\"explorer-status\" aria-live=\"polite\">Weights: base (the spec's weights).</p>\n<div class=\"sliders\">\n");
        sb.Append("<fieldset><legend>Pillar weights</legend>\n");
        for (int p = 0; p < x.PillarIds.Count; p++)
            Slider(sb, "pw-" + p.ToString(CultureInfo.InvariantCulture), x.PillarIds[p], b.PillarWeights[p], "data-pillar", p, true, null);
        sb.Append("</fieldset>\n");
        for (int p = 0; p < x.PillarIds.Count; p++)
        {
            sb.Append("<fieldset><legend>Indicators in ").Append(E(x.PillarIds[p])).Append("</legend>\n");
            for (int k = 0; k < x.Indicators.Count; k++)
            {
                var ind = x.Indicators[k];
                if (ind.Pillar != p) continue;
                var note = ind.Used ? ReportFormat.ProvenanceKind(ind.Provenance) : "not used in this run: too few sectors have a value";
                Slider(sb, "w-" + k.ToString(CultureInfo.InvariantCulture), ind.Id + " — " + ind.Label, b.IndicatorWeights[k], "data-indicator", k, ind.Used, note);
            }
            sb.Append("</fieldset>\n");
        }
        sb.Append("</div>\n");
        sb.Append("<figure class=\"live-chart\" id=\"explorer-chart\">\n<svg id=\"explorer-svg\" width=\"800\" height=\"60\" viewBox=\"0 0 800 60\" role=\"img\" aria-labelledby=\"explorer-chart-title\">")
          .Append("<title id=\"explorer-chart-title\">Composite score of the top sectors under the weights above</title></svg>\n")
          .Append("<figcaption><strong>Composite score of the top 15 sectors under the weights above.</strong> <span class=\"provenance\">")
          .Append(E(IndicatorProvenance(x))).Append("</span></figcaption>\n</figure>\n");
        sb.Append("<table class=\"explorer\" id=\"explorer-ranks\">\n<caption>Every scored sector under the weights above. <span class=\"provenance\">")
          .Append(E(IndicatorProvenance(x))).Append("</span></caption>\n")
          .Append("<thead><tr><th scope=\"col\">Rank</th><th scope=\"col\">Change against the spec's weights</th><th scope=\"col\">Sector</th><th scope=\"col\">Composite</th></tr></thead>\n<tbody>\n");
        for (int e = 0; e < x.Units.Count; e++)
        {
            var u = x.Units[e];
            sb.Append("<tr data-code=\"").Append(E(u.Code)).Append("\" data-rank=\"").Append(ReportFormat.Int(b.Ranks[e])).Append("\"><td class=\"num\">")
              .Append(ReportFormat.Int(b.Ranks[e])).Append("</td><td class=\"num\">0</td><td>").Append(E(u.Code + " " + u.Name)).Append("</td><td class=\"num\">")
              .Append(ReportFormat.Fixed(b.Composites[e])).Append("</td></tr>\n");
        }
        sb.Append("</tbody>\n</table>\n");
        sb.Append("<script type=\"application/json\" id=\"explorer-data\">").Append(ExplorerJson(x)).Append("</script>\n");
        sb.Append("<script>\n").Append(ExplorerScript.Source).Append("</script>\n</section>\n");
    }

    public static void WeightSetsHtml(StringBuilder sb, ReportModel m)
    {
        if (m.Explorer is not { } x || x.WeightSets.Count < 2) return;
        sb.Append("<h2>Weight sets side by side</h2>\n<p>The rank of each sector under the spec's weights (base) and each weight set of the spec; the rows are the sectors in the top ")
          .Append(ReportFormat.Int(m.TopN)).Append(" of at least one set. <span class=\"provenance\">").Append(E(IndicatorProvenance(x))).Append(" Ranks as in weight_sets.csv.</span></p>\n");
        sb.Append("<table class=\"weight-sets\">\n<thead><tr><th scope=\"col\">Sector</th>");
        foreach (var s in x.WeightSets) sb.Append("<th scope=\"col\">").Append(E(s.Name)).Append("</th>");
        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var e in WeightSetRows(x, m.TopN))
        {
            sb.Append("<tr><td>").Append(E(x.Units[e].Code + " " + x.Units[e].Name)).Append("</td>");
            foreach (var s in x.WeightSets)
                sb.Append(s.Ranks[e] <= m.TopN ? "<td class=\"num top\">" : "<td class=\"num\">").Append(ReportFormat.Int(s.Ranks[e])).Append("</td>");
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody>\n</table>\n");
        if (m.WeightSetPairs.Count == 0) return;
        sb.Append("<table class=\"weight-set-pairs\">\n<caption>How far two weight sets agree: rank correlations over all scored sectors and the sectors both put in their top N.</caption>\n")
          .Append("<thead><tr><th scope=\"col\">Weight sets</th><th scope=\"col\">Spearman ρ</th><th scope=\"col\">Kendall τ</th><th scope=\"col\">Top-N shared</th></tr></thead>\n<tbody>\n");
        foreach (var p in m.WeightSetPairs)
            sb.Append("<tr><td>").Append(E(p.A + " / " + p.B)).Append("</td><td class=\"num\">").Append(ReportFormat.Fixed(p.Spearman)).Append("</td><td class=\"num\">")
              .Append(ReportFormat.Fixed(p.Kendall)).Append("</td><td class=\"num\">").Append(ReportFormat.Int(p.TopNOverlap)).Append(" of ").Append(ReportFormat.Int(p.TopN)).Append("</td></tr>\n");
        sb.Append("</tbody>\n</table>\n");
    }

    public static void WeightSetsMarkdown(StringBuilder sb, ReportModel m, Func<string, string> md)
    {
        if (m.Explorer is not { } x || x.WeightSets.Count < 2) return;
        sb.Append("## Weight sets side by side\n\n");
        sb.Append("| Sector | ").Append(string.Join(" | ", x.WeightSets.Select(s => md(s.Name)))).Append(" |\n");
        sb.Append("| --- |").Append(string.Concat(x.WeightSets.Select(_ => " ---: |"))).Append('\n');
        foreach (var e in WeightSetRows(x, m.TopN))
            sb.Append("| ").Append(md(x.Units[e].Code + " " + x.Units[e].Name)).Append(" | ")
              .Append(string.Join(" | ", x.WeightSets.Select(s => ReportFormat.Int(s.Ranks[e])))).Append(" |\n");
        sb.Append("\n*").Append(md(IndicatorProvenance(x))).Append(" Ranks as in weight\\_sets.csv; report.html lets you move the weights.*\n\n");
    }

    public static void SensitivityHtml(StringBuilder sb, ReportModel m)
    {
        if (m.Sensitivity.Count == 0) return;
        sb.Append("<h2>Which modelling choice moves the ranks most</h2>\n<p>Each factor varied alone, the others at the spec's choices: the mean and largest shift of a sector's rank, and the mean width of the 5–95% rank band. ")
          .Append("<span class=\"provenance\">Source: the Monte Carlo of this run over the same indicators (sensitivity.csv).</span></p>\n");
        sb.Append("<table class=\"sensitivity\">\n<thead><tr><th scope=\"col\">Factor</th><th scope=\"col\">Configurations</th><th scope=\"col\">Mean rank shift</th><th scope=\"col\">Largest rank shift</th><th scope=\"col\">Mean band width (ranks)</th></tr></thead>\n<tbody>\n");
        foreach (var r in m.Sensitivity)
        {
            var row = SensitivityRow(r);
            sb.Append("<tr>");
            for (int i = 0; i < row.Length; i++) sb.Append(i == 0 ? "<td>" : "<td class=\"num\">").Append(E(row[i])).Append("</td>");
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody>\n</table>\n");
    }

    public static void SensitivityMarkdown(StringBuilder sb, ReportModel m, Func<string, string> md)
    {
        if (m.Sensitivity.Count == 0) return;
        sb.Append("## Which modelling choice moves the ranks most\n\n| Factor | Configurations | Mean rank shift | Largest rank shift | Mean band width (ranks) |\n| --- | ---: | ---: | ---: | ---: |\n");
        foreach (var r in m.Sensitivity) sb.Append("| ").Append(string.Join(" | ", SensitivityRow(r).Select(md))).Append(" |\n");
        sb.Append("\n*Source: the Monte Carlo of this run over the same indicators (sensitivity.csv).*\n\n");
    }

    private static string[] SensitivityRow(SensitivityRow r) =>
    [
        r.Factor switch
        {
            MonteCarloFactor.Weights => "Weights",
            MonteCarloFactor.Normalisation => "Normalisation",
            MonteCarloFactor.Aggregation => "Aggregation",
            MonteCarloFactor.Data => "Data (bootstrap)",
            _ => r.Factor.ToString(),
        },
        r.Varied ? ReportFormat.Int(r.Configurations) : "not varied",
        r.Varied ? ReportFormat.Fixed(r.MeanAbsRankShift) : ReportFormat.Missing,
        r.Varied ? ReportFormat.Int(r.MaxAbsRankShift) : ReportFormat.Missing,
        r.Varied ? ReportFormat.Fixed(r.MeanBandWidth) : ReportFormat.Missing,
    ];

    public static void SeriesHtml(StringBuilder sb, ReportModel m)
    {
        if (m.Series.Count == 0) return;
        bool gva = m.Series.Any(s => s.Gva.Any(double.IsFinite));
        sb.Append("<h2>Employment").Append(gva ? " and GVA" : "").Append(" over time</h2>\n<p>The region's employment in each top sector by year")
          .Append(gva ? ", and the GVA of the industry that holds it" : "").Append(" (first and last values printed). <span class=\"provenance\">")
          .Append(E(ReportFormat.ProvenanceLine(m.Provenance, ChartKind.Series))).Append("</span></p>\n<div class=\"series\">\n");
        foreach (var s in m.Series)
        {
            sb.Append("<figure class=\"series-chart\" data-sector=\"").Append(E(s.Code)).Append("\">\n");
            sb.Append(Spark(s.Years, s.Employment, "Employment (jobs)", $"Employment, {s.Code} {s.Name}", "jobs", ReportFormat.Count));
            if (s.Gva.Any(double.IsFinite))
                sb.Append(Spark(s.Years, s.Gva, s.GvaIndustry.Length > 0 ? "GVA (£m) of " + s.GvaIndustry : "GVA (£m)",
                    $"GVA, {(s.GvaIndustry.Length > 0 ? s.GvaIndustry : s.Code + " " + s.Name)}", "£m", ReportFormat.Count));
            sb.Append("<figcaption>").Append(E(s.Code + " " + s.Name)).Append("</figcaption>\n</figure>\n");
        }
        sb.Append("</div>\n");
    }

    /// <summary>A 240×90 line chart of one series: the line over the years, its first and last values printed; gaps for missing years.</summary>
    private static string Spark(IReadOnlyList<int> years, IReadOnlyList<double> v, string heading, string title, string unit, Func<double, string> format)
    {
        const double W = 240, H = 90, L = 8, R = 8, T = 22, B = 20;
        var svg = new Svg(W, H, title, $"{title} by year, {years[0]}–{years[^1]}, {unit}.");
        svg.Text(L, 14, heading.Length > 38 ? heading[..37] + "…" : heading, size: 11, bold: true);
        var finite = v.Where(double.IsFinite).ToArray();
        if (finite.Length == 0) { svg.Text(W / 2, H / 2, "no data", "middle", 11); return svg.ToString().Replace(" xmlns=\"http://www.w3.org/2000/svg\"", "", StringComparison.Ordinal); }
        double lo = Math.Min(0, finite.Min()), hi = finite.Max();
        if (hi <= lo) hi = lo + 1;
        double X(int i) => L + 40 + (years.Count == 1 ? 0 : i * (W - L - R - 80) / (years.Count - 1));
        double Y(double y) => T + (H - T - B) * (1 - (y - lo) / (hi - lo));
        svg.Line(L + 40, Y(lo), W - R - 40, Y(lo), "#999999");
        var pts = new StringBuilder();
        for (int i = 0; i < v.Count; i++)
        {
            if (!double.IsFinite(v[i])) { Flush(); continue; }
            pts.Append(pts.Length > 0 ? " " : "").Append(Svg.F(X(i))).Append(',').Append(Svg.F(Y(v[i])));
        }
        Flush();
        void Flush()
        {
            if (pts.Length > 0) svg.Raw("<polyline fill=\"none\" stroke=\"#0072b2\" stroke-width=\"2\" points=\"" + pts + "\"/>\n");
            pts.Clear();
        }
        int first = Enumerable.Range(0, v.Count).First(i => double.IsFinite(v[i])), last = Enumerable.Range(0, v.Count).Last(i => double.IsFinite(v[i]));
        svg.Circle(X(first), Y(v[first]), 3, "#0072b2", "#0072b2", tooltip: $"{years[first]}: {format(v[first])} {unit}");
        svg.Circle(X(last), Y(v[last]), 3, "#0072b2", "#0072b2", tooltip: $"{years[last]}: {format(v[last])} {unit}");
        svg.Text(X(first) - 5, Y(v[first]) + 4, format(v[first]), "end", 10);
        svg.Text(X(last) + 5, Y(v[last]) + 4, format(v[last]), size: 10);
        svg.Text(X(first), H - 5, years[first].ToString(CultureInfo.InvariantCulture), "middle", 10);
        svg.Text(X(last), H - 5, years[last].ToString(CultureInfo.InvariantCulture), "middle", 10);
        return svg.ToString().Replace(" xmlns=\"http://www.w3.org/2000/svg\"", "", StringComparison.Ordinal);
    }

    private static void Slider(StringBuilder sb, string id, string label, double value, string dataAttribute, int index, bool enabled, string? note)
    {
        var v = value.ToString("0.##", CultureInfo.InvariantCulture);
        sb.Append("<div class=\"slider\"><label for=\"").Append(id).Append("\">").Append(E(label)).Append("</label>")
          .Append("<input type=\"range\" id=\"").Append(id).Append("\" min=\"0\" max=\"1\" step=\"0.01\" value=\"").Append(v).Append("\" ")
          .Append(dataAttribute).Append("=\"").Append(index.ToString(CultureInfo.InvariantCulture)).Append('"').Append(enabled ? "" : " disabled").Append('>')
          .Append("<output for=\"").Append(id).Append("\" id=\"").Append(id).Append("-value\">").Append(ReportFormat.Fixed(value)).Append("</output>");
        if (note is not null) sb.Append("<span class=\"provenance\">").Append(E(note)).Append("</span>");
        sb.Append("</div>\n");
    }

    /// <summary>The explorer's data as JSON: numbers in round-trip form (so the page aggregates exactly the engine's doubles), NaN as null; &lt; &gt; &amp; escaped.</summary>
    internal static string ExplorerJson(WeightExplorer x)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            w.WriteString("aggregation", x.Aggregation == AggregationMethod.Geometric ? "geometric" : "arithmetic");
            w.WriteStartArray("pillars");
            foreach (var p in x.PillarIds) w.WriteStringValue(p);
            w.WriteEndArray();
            w.WriteStartArray("indicators");
            foreach (var i in x.Indicators)
            {
                w.WriteStartObject();
                w.WriteString("id", i.Id);
                w.WriteNumber("pillar", i.Pillar);
                w.WriteBoolean("used", i.Used);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("units");
            foreach (var u in x.Units)
            {
                w.WriteStartObject();
                w.WriteString("code", u.Code);
                w.WriteString("name", u.Name);
                w.WriteStartArray("values");
                foreach (var v in u.Normalised) Number(w, v);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("sets");
            foreach (var s in x.WeightSets)
            {
                w.WriteStartObject();
                w.WriteString("name", s.Name);
                w.WriteStartArray("pillarWeights");
                foreach (var v in s.PillarWeights) Number(w, v);
                w.WriteEndArray();
                w.WriteStartArray("indicatorWeights");
                foreach (var v in s.IndicatorWeights) Number(w, v);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    private static void Number(Utf8JsonWriter w, double v)
    {
        if (double.IsFinite(v)) w.WriteNumberValue(v);
        else w.WriteNullValue();
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
