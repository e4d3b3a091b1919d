namespace CompeteModel.Engine.Reporting;

/// <summary>
/// The report's charts as self-contained SVG (no scripts, fonts or links; black text on white, sizes
/// for A4 print). Hand-written rather than drawn by a plotting library so that the same model gives
/// the same bytes. Colours are the Okabe–Ito palette, distinguishable with colour-vision deficiency.
/// </summary>
public static class ReportCharts
{
    private const string Axis = "#333333", Grid = "#dddddd", Reference = "#000000";
    private const int LabelChars = 34;

    /// <summary>The charts the model has data for, in report order.</summary>
    public static IReadOnlyList<RenderedChart> All(ReportModel m)
    {
        var list = new List<RenderedChart>
        {
            new(ChartKind.SpecialisationGrowth, "specialisation-growth.svg", SpecialisationGrowthTitle, SpecialisationGrowth(m)),
            new(ChartKind.RelatednessComplexity, "relatedness-complexity.svg", RelatednessComplexityTitle, RelatednessComplexity(m)),
            new(ChartKind.RankBands, "rank-bands.svg", RankBandsTitle, RankBands(m)),
        };
        if (TechnologyHeatMap(m) is { } heat) list.Add(new(ChartKind.TechnologyHeatMap, "technology-heatmap.svg", TechnologyHeatMapTitle, heat));
        return list;
    }

    public const string SpecialisationGrowthTitle = "Specialisation and growth";
    public const string RelatednessComplexityTitle = "Relatedness and complexity";
    public const string RankBandsTitle = "Ranks and their 5–95% bands";
    public const string TechnologyHeatMapTitle = "Enabling technologies by sector";

    public static string QuadrantColour(ReportQuadrant q) => q switch
    {
        ReportQuadrant.Strength => "#0072B2",
        ReportQuadrant.Emerging => "#009E73",
        ReportQuadrant.DecliningStrength => "#E69F00",
        ReportQuadrant.Underrepresented => "#999999",
        _ => "#CCCCCC",
    };

    /// <summary>
    /// Bubble chart: x = location quotient on a log scale with a line at 1, y = growth vs benchmark
    /// (percentage points a year) with a line at 0, bubble area ∝ employment (radius = 28·√(E/Emax),
    /// at least 2 px), colour = quadrant, the top-N sectors labelled. Sectors without LQ or growth are
    /// counted in a footnote, not drawn.
    /// </summary>
    public static string SpecialisationGrowth(ReportModel m)
    {
        const double W = 800, H = 540, L = 70, R = 200, T = 50, B = 80, RMax = 28;
        var pts = m.Sectors.Where(s => s.Lq > 0 && double.IsFinite(s.Lq) && double.IsFinite(s.GrowthVsBenchmark)).ToList();
        var svg = new Svg(W, H, SpecialisationGrowthTitle + ", " + m.RegionName,
            $"Location quotient (log scale) against growth relative to {m.BenchmarkName}; bubble area proportional to employment; {pts.Count} sectors.");
        svg.Text(W / 2, 26, $"{SpecialisationGrowthTitle}: {m.RegionName}, {m.FirstYear}–{m.LastYear}", "middle", 15, bold: true);
        if (pts.Count == 0) return Empty(svg, W, H, "No sector has both a location quotient and a growth rate.");

        var (xt, xlo, xhi) = ChartAxis.Log(Math.Min(pts.Min(p => p.Lq), 1) / 1.2, Math.Max(pts.Max(p => p.Lq), 1) * 1.2);
        var (yt, ylo, yhi) = ChartAxis.Linear(Padded(Math.Min(pts.Min(p => p.GrowthVsBenchmark), 0), Math.Max(pts.Max(p => p.GrowthVsBenchmark), 0)));
        double pw = W - L - R, ph = H - T - B;
        double X(double v) => L + (Math.Log10(v) - Math.Log10(xlo)) / (Math.Log10(xhi) - Math.Log10(xlo)) * pw;
        double Y(double v) => T + (yhi - v) / (yhi - ylo) * ph;

        Frame(svg, L, T, pw, ph);
        foreach (var t in xt) { svg.Line(X(t), T, X(t), T + ph, Grid); svg.Text(X(t), T + ph + 16, ChartAxis.Label(t), "middle"); }
        foreach (var t in yt) { svg.Line(L, Y(t), L + pw, Y(t), Grid); svg.Text(L - 6, Y(t) + 4, ChartAxis.Label(t), "end"); }
        svg.Line(X(1), T, X(1), T + ph, Reference, 1.5, "6 3");
        svg.Line(L, Y(0), L + pw, Y(0), Reference, 1.5, "6 3");
        svg.Text(L + pw - 6, T + 16, "Strengths", "end", 13, true, fill: "#555555");
        svg.Text(L + 6, T + 16, "Emerging", "start", 13, true, fill: "#555555");
        svg.Text(L + pw - 6, T + ph - 8, "Declining strengths", "end", 13, true, fill: "#555555");
        svg.Text(L + 6, T + ph - 8, "Under-represented", "start", 13, true, fill: "#555555");
        svg.Text(L + pw / 2, H - B + 40, $"Location quotient (log scale; 1 = same share as {m.BenchmarkName})", "middle", 13);
        svg.Text(18, T + ph / 2, "Growth vs benchmark (percentage points a year)", "middle", 13, rotate: -90);

        double maxEmp = pts.Where(p => p.Employment > 0).Select(p => p.Employment).DefaultIfEmpty(double.NaN).Max();
        double Radius(double e) => e > 0 && maxEmp > 0 ? Math.Max(2, RMax * Math.Sqrt(e / maxEmp)) : 3;
        var topCodes = m.Top.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var p in pts.OrderByDescending(p => double.IsNaN(p.Employment) ? -1 : p.Employment).ThenBy(p => p.Code, StringComparer.Ordinal))
        {
            var colour = QuadrantColour(p.Quadrant);
            bool known = p.Employment > 0;
            svg.Circle(X(p.Lq), Y(p.GrowthVsBenchmark), Radius(p.Employment), known ? colour : "none", known ? "#333333" : colour, 0.7,
                $"{p.Name} ({p.Code}): LQ {ReportFormat.Fixed(p.Lq)}, growth vs benchmark {ReportFormat.Signed(p.GrowthVsBenchmark)} pp a year, employment {ReportFormat.Count(p.Employment)}",
                "bubble");
        }
        // top sectors are numbered by rank on the chart and named in the key: full names collide in the dense middle
        foreach (var p in pts.Where(p => topCodes.Contains(p.Code)))
            svg.Text(X(p.Lq) + Radius(p.Employment) + 2, Y(p.GrowthVsBenchmark) + 4, ReportFormat.Int(p.Rank), size: 11, bold: true, halo: true);

        double lx = W - R + 16, ly = T + 10;
        svg.Text(lx, ly, "Quadrant", bold: true);
        foreach (var q in new[] { ReportQuadrant.Strength, ReportQuadrant.Emerging, ReportQuadrant.DecliningStrength, ReportQuadrant.Underrepresented })
        {
            ly += 20;
            svg.Circle(lx + 6, ly - 4, 6, QuadrantColour(q), "#333333", 0.7);
            svg.Text(lx + 18, ly, ReportFormat.Quadrant(q));
        }
        if (maxEmp > 0)
        {
            ly += 34;
            svg.Text(lx, ly, "Employment", bold: true);
            foreach (var f in new[] { 1.0, 0.25 })
            {
                double r = Radius(maxEmp * f);
                ly += 2 * r + 8;
                svg.Circle(lx + RMax, ly - r, r, "none", "#333333");
                svg.Text(lx + 2 * RMax + 8, ly - r + 4, ReportFormat.Count(maxEmp * f));
            }
        }
        TopKey(svg, lx, ly + 30, m.Top.Where(s => pts.Any(p => p.Code == s.Code)).ToList());
        int hidden = m.Sectors.Count - pts.Count;
        if (hidden > 0) svg.Text(L, H - 10, $"{hidden} sector(s) without a location quotient or growth rate are not shown.", size: 11);
        return svg.ToString();
    }

    /// <summary>
    /// Scatter: x = relatedness density, y = PCI, a line at the median density of the sectors shown and
    /// at PCI 0; quadrants after Balland et al. (2019), "Smart specialization policy in the European
    /// Union", Regional Studies 53(9): high density and high complexity = low risk, high return.
    /// </summary>
    public static string RelatednessComplexity(ReportModel m)
    {
        const double W = 800, H = 540, L = 70, R = 200, T = 50, B = 80;
        var pts = m.Sectors.Where(s => double.IsFinite(s.Density) && double.IsFinite(s.Pci)).ToList();
        var svg = new Svg(W, H, RelatednessComplexityTitle + ", " + m.RegionName,
            $"Relatedness density against product complexity index; {pts.Count} sectors; top {m.TopN} highlighted.");
        svg.Text(W / 2, 26, $"{RelatednessComplexityTitle}: {m.RegionName}, {m.LastYear}", "middle", 15, bold: true);
        if (pts.Count == 0) return Empty(svg, W, H, "No sector has both a relatedness density and a complexity index.");

        var (xt, xlo, xhi) = ChartAxis.Linear(Padded(pts.Min(p => p.Density), pts.Max(p => p.Density)));
        var (yt, ylo, yhi) = ChartAxis.Linear(Padded(Math.Min(pts.Min(p => p.Pci), 0), Math.Max(pts.Max(p => p.Pci), 0)));
        double pw = W - L - R, ph = H - T - B;
        double X(double v) => L + (v - xlo) / (xhi - xlo) * pw;
        double Y(double v) => T + (yhi - v) / (yhi - ylo) * ph;
        var sorted = pts.Select(p => p.Density).Order().ToArray();
        double median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;

        Frame(svg, L, T, pw, ph);
        foreach (var t in xt) { svg.Line(X(t), T, X(t), T + ph, Grid); svg.Text(X(t), T + ph + 16, ChartAxis.Label(t), "middle"); }
        foreach (var t in yt) { svg.Line(L, Y(t), L + pw, Y(t), Grid); svg.Text(L - 6, Y(t) + 4, ChartAxis.Label(t), "end"); }
        svg.Line(X(median), T, X(median), T + ph, Reference, 1.5, "6 3");
        svg.Line(L, Y(0), L + pw, Y(0), Reference, 1.5, "6 3");
        svg.Text(L + pw - 6, T + 16, "Low risk, high return", "end", 13, true, fill: "#555555");
        svg.Text(L + 6, T + 16, "High risk, high return", "start", 13, true, fill: "#555555");
        svg.Text(L + pw - 6, T + ph - 8, "Low risk, low return", "end", 13, true, fill: "#555555");
        svg.Text(L + 6, T + ph - 8, "High risk, low return", "start", 13, true, fill: "#555555");
        svg.Text(L + pw / 2, H - B + 40, $"Relatedness density (dashed line: median {ReportFormat.Fixed(median)})", "middle", 13);
        svg.Text(18, T + ph / 2, "Complexity (PCI, standardised)", "middle", 13, rotate: -90);

        var top = m.Top.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var p in pts.OrderBy(p => top.Contains(p.Code)).ThenBy(p => p.Code, StringComparer.Ordinal))
        {
            bool isTop = top.Contains(p.Code);
            svg.Circle(X(p.Density), Y(p.Pci), isTop ? 6 : 4, isTop ? "#0072B2" : "#bbbbbb", isTop ? "#333333" : "#888888", 1,
                $"{p.Name} ({p.Code}): density {ReportFormat.Fixed(p.Density)}, PCI {ReportFormat.Signed(p.Pci)}", "point");
        }
        foreach (var p in pts.Where(p => top.Contains(p.Code)))
            svg.Text(X(p.Density) + 8, Y(p.Pci) + 4, ReportFormat.Int(p.Rank), size: 11, bold: true, halo: true);

        double lx = W - R + 16, ly = T + 10;
        svg.Text(lx, ly, "Sectors", bold: true);
        svg.Circle(lx + 6, ly + 16, 6, "#0072B2", "#333333");
        svg.Text(lx + 18, ly + 20, $"Top {m.TopN}");
        svg.Circle(lx + 6, ly + 36, 4, "#bbbbbb", "#888888");
        svg.Text(lx + 18, ly + 40, "Other sectors");
        TopKey(svg, lx, ly + 76, m.Top.Where(s => pts.Any(p => p.Code == s.Code)).ToList());
        int hidden = m.Sectors.Count - pts.Count;
        if (hidden > 0) svg.Text(L, H - 10, $"{hidden} sector(s) without a density or complexity value are not shown.", size: 11);
        return svg.ToString();
    }

    /// <summary>
    /// One row per top sector, in rank order: a bar from the 5th to the 95th percentile rank over the
    /// Monte Carlo draws, a dot at the point rank and a tick at the median rank.
    /// </summary>
    public static string RankBands(ReportModel m)
    {
        var rows = m.Top;
        const double W = 800, L = 290, R = 40, T = 60, B = 100, Row = 26;
        double H = T + Math.Max(1, rows.Count) * Row + B;
        var svg = new Svg(W, H, RankBandsTitle + ", " + m.RegionName,
            $"Point rank, median rank and 5–95% rank band of the top {rows.Count} sectors.");
        svg.Text(W / 2, 26, $"{RankBandsTitle}: top {rows.Count}, {m.RegionName}", "middle", 15, bold: true);
        if (rows.Count == 0) return Empty(svg, W, H, "No sector was scored.");

        int maxRank = Math.Max(rows.Max(r => Math.Max(r.BandHigh, r.Rank)), 2);
        double pw = W - L - R, ph = rows.Count * Row;
        double X(double v) => L + (v - 0.5) / maxRank * pw;
        var (ticks, _, _) = ChartAxis.Linear(1, maxRank, 8);
        Frame(svg, L, T, pw, ph);
        foreach (var t in ticks.Where(t => t >= 1 && t <= maxRank && t == Math.Floor(t)))
        {
            svg.Line(X(t), T, X(t), T + ph, Grid);
            svg.Text(X(t), T + ph + 16, ChartAxis.Label(t), "middle");
        }
        for (int i = 0; i < rows.Count; i++)
        {
            var s = rows[i];
            double y = T + i * Row + Row / 2;
            svg.Text(L - 8, y + 4, ReportFormat.Int(s.Rank) + ". " + Short(s.Name), "end");
            double x0 = X(s.BandLow) - 4, x1 = X(s.BandHigh) + 4;
            svg.Rect(x0, y - 6, Math.Max(2, x1 - x0), 12, QuadrantColour(s.Quadrant), "#333333",
                $"{s.Name}: rank {ReportFormat.Int(s.Rank)}, band {ReportFormat.Band(s.BandLow, s.BandHigh)}, median {ReportFormat.Fixed(s.MedianRank, 1)}", "band");
            if (double.IsFinite(s.MedianRank)) svg.Line(X(s.MedianRank), y - 9, X(s.MedianRank), y + 9, "#000000", 2.5);
            svg.Circle(X(s.Rank), y, 4.5, "#ffffff", "#000000");
        }
        svg.Text(L + pw / 2, T + ph + 38, "Rank (1 = highest priority)", "middle", 13);
        double ly = T + ph + 62;
        svg.Rect(L, ly - 10, 24, 10, "#bbbbbb", "#333333");
        svg.Text(L + 30, ly, "5–95% band over the Monte Carlo draws (colour = quadrant)", size: 11);
        ly += 18;
        svg.Circle(L + 12, ly - 4, 4.5, "#ffffff", "#000000");
        svg.Text(L + 30, ly, "point rank", size: 11);
        svg.Line(L + 112, ly - 11, L + 112, ly + 3, "#000000", 2.5);
        svg.Text(L + 120, ly, "median rank", size: 11);
        return svg.ToString();
    }

    /// <summary>
    /// Heat map of <see cref="ReportModel.Technologies"/>: cell colour on a white-to-blue scale from the
    /// matrix minimum to its maximum, the value printed in each cell (2 decimals), "n/a" on grey for
    /// missing cells. Null when the model has no technology matrix.
    /// </summary>
    public static string? TechnologyHeatMap(ReportModel m)
    {
        var t = m.Technologies;
        if (t is null || t.SectorLabels.Count == 0 || t.Technologies.Count == 0) return null;
        const double L = 270, T = 150, Cell = 60, RowH = 24, B = 70, R = 30;
        double W = Math.Max(760, L + t.Technologies.Count * Cell + R), H = T + t.SectorLabels.Count * RowH + B;
        var finite = t.Values.SelectMany(r => r).Where(double.IsFinite).ToArray();
        double lo = finite.Length > 0 ? finite.Min() : 0, hi = finite.Length > 0 ? finite.Max() : 1;
        var svg = new Svg(W, H, TechnologyHeatMapTitle + ", " + m.RegionName,
            $"{t.SectorLabels.Count} sectors by {t.Technologies.Count} technologies: {t.ValueLabel}.");
        svg.Text(W / 2, 26, $"{TechnologyHeatMapTitle}: {m.RegionName}", "middle", 15, bold: true);
        svg.Text(W / 2, 44, t.ValueLabel, "middle", 12);

        for (int c = 0; c < t.Technologies.Count; c++)
            svg.Text(L + c * Cell + Cell / 2, T - 8, Short(t.Technologies[c]), size: 11, rotate: -40);
        for (int r = 0; r < t.SectorLabels.Count; r++)
        {
            double y = T + r * RowH;
            svg.Text(L - 8, y + RowH / 2 + 4, Short(t.SectorLabels[r]), "end");
            for (int c = 0; c < t.Technologies.Count; c++)
            {
                double v = t.Values[r][c];
                double x = L + c * Cell;
                var tip = $"{t.SectorLabels[r]} × {t.Technologies[c]}: {ReportFormat.Fixed(v)}";
                if (!double.IsFinite(v))
                {
                    svg.Rect(x, y, Cell, RowH, "#eeeeee", "#ffffff", tip, "cell");
                    svg.Text(x + Cell / 2, y + RowH / 2 + 4, ReportFormat.Missing, "middle", 10, fill: "#777777");
                    continue;
                }
                double f = hi > lo ? (v - lo) / (hi - lo) : 0.5;
                svg.Rect(x, y, Cell, RowH, Blue(f), "#ffffff", tip, "cell");
                svg.Text(x + Cell / 2, y + RowH / 2 + 4, ReportFormat.Fixed(v), "middle", 10, fill: f > 0.55 ? "#ffffff" : "#000000");
            }
        }
        double ly = T + t.SectorLabels.Count * RowH + 30;
        svg.Text(L - 8, ly + 12, "Scale", "end", bold: true);
        for (int i = 0; i < 5; i++)
        {
            double f = i / 4.0;
            svg.Rect(L + i * 70, ly, 70, 16, Blue(f), "#ffffff");
            svg.Text(L + i * 70 + 35, ly + 30, ReportFormat.Fixed(lo + f * (hi - lo)), "middle", 10);
        }
        return svg.ToString();
    }

    /// <summary>Linear blend from #f7fbff (f = 0) to #08306b (f = 1).</summary>
    private static string Blue(double f)
    {
        f = Math.Clamp(f, 0, 1);
        int r = (int)Math.Round(0xf7 + f * (0x08 - 0xf7)), g = (int)Math.Round(0xfb + f * (0x30 - 0xfb)), b = (int)Math.Round(0xff + f * (0x6b - 0xff));
        return "#" + r.ToString("x2", System.Globalization.CultureInfo.InvariantCulture) + g.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)
               + b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The range widened by 4% of its width on each side, so marks at the extremes are not cut by the frame.</summary>
    private static (double Min, double Max) Padded(double min, double max)
    {
        double pad = (max - min) * 0.04;
        return (min - pad, max + pad);
    }

    private static void Frame(Svg svg, double x, double y, double w, double h) => svg.Rect(x, y, w, h, "#ffffff", Axis);

    private static string Empty(Svg svg, double w, double h, string message)
    {
        svg.Text(w / 2, h / 2, message, "middle", 13);
        return svg.ToString();
    }

    /// <summary>The key to the numbered points: "rank  code name", one line each, in the chart's right margin.</summary>
    private static void TopKey(Svg svg, double x, double y, IReadOnlyList<ReportSector> top)
    {
        if (top.Count == 0) return;
        svg.Text(x, y, "Top sectors (rank)", bold: true);
        foreach (var s in top)
        {
            y += 15;
            svg.Text(x + 14, y, ReportFormat.Int(s.Rank), "end", 11, bold: true);
            svg.Text(x + 20, y, Short(s.Code + " " + s.Name, KeyChars), size: 11);
        }
    }

    private const int KeyChars = 27;

    private static string Short(string s, int chars) => s.Length <= chars ? s : s[..(chars - 1)].TrimEnd() + "…";

    private static string Short(string s) => s.Length <= LabelChars ? s : s[..(LabelChars - 1)].TrimEnd() + "…";
}
