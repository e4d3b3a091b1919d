using System.Globalization;
using CompeteModel.Engine.Reporting;

namespace CompeteModel.Engine.Backtest;

/// <summary>The backtest's two SVG charts: entry rate by density decile (bars) and the ROC curves of entry.</summary>
public static class BacktestCharts
{
    private const double W = 640, H = 400, Left = 60, Right = 20, Top = 40, Bottom = 50;

    /// <summary>Bars of the entry rate of each density decile (1 = lowest density at t0).</summary>
    public static string DensityDeciles(BacktestEvaluation e)
    {
        var v = e.Variant;
        var svg = new Svg(W, H, $"Entry rate by relatedness-density decile, {v.Label}",
            "Share of region × sector cells not specialised at t0 that became specialised (RCA ≥ 1) by t1, by decile of relatedness density at t0.");
        double max = e.DensityDeciles.Count == 0 ? 0 : e.DensityDeciles.Max(d => double.IsNaN(d.Rate) ? 0 : d.Rate);
        double top = max > 0 ? NiceCeiling(max) : 0.1;
        double pw = W - Left - Right, ph = H - Top - Bottom;
        svg.Text(W / 2, 22, $"Entry into specialisation by density decile ({v.From}→{v.To}, {v.Level.ToString().ToLowerInvariant()})", "middle", 14, bold: true);
        Axes(svg, top, "entry rate", pw, ph, 5, "0.#%");
        int n = e.DensityDeciles.Count;
        for (int i = 0; i < n; i++)
        {
            var d = e.DensityDeciles[i];
            double bw = pw / n, h = double.IsNaN(d.Rate) ? 0 : d.Rate / top * ph;
            svg.Rect(Left + i * bw + 4, Top + ph - h, bw - 8, h, "#2b6cb0", tooltip: string.Format(CultureInfo.InvariantCulture,
                "decile {0}: density {1:0.000}–{2:0.000}, {3} of {4} cells entered ({5:0.0}%)", d.Decile, d.Lower, d.Upper, d.Entries, d.Cells, 100 * d.Rate));
            svg.Text(Left + (i + 0.5) * bw, Top + ph + 16, d.Decile.ToString(CultureInfo.InvariantCulture), "middle", 11);
        }
        svg.Text(Left + pw / 2, H - 12, "relatedness density decile at t0 (1 = lowest)", "middle", 12);
        return svg.ToString();
    }

    /// <summary>ROC curves of entry for each predictor and the placebo, with the chance diagonal.</summary>
    public static string Roc(BacktestEvaluation e)
    {
        var v = e.Variant;
        var svg = new Svg(W, H, $"ROC curves of entry, {v.Label}",
            "True-positive rate against false-positive rate of each indicator at t0 for entry into specialisation by t1; the diagonal is chance.");
        double ph = H - Top - Bottom, pw = ph;
        svg.Text(W / 2, 22, $"Which cells entered specialisation, {v.From}→{v.To}: ROC curves", "middle", 14, bold: true);
        Axes(svg, 1, "true-positive rate", pw, ph, 4, "0.00");
        for (int k = 0; k <= 4; k++)
        {
            double x = Left + k * pw / 4;
            svg.Line(x, Top + ph, x, Top + ph + 4, "#333333");
            svg.Text(x, Top + ph + 16, (k / 4.0).ToString("0.00", CultureInfo.InvariantCulture), "middle", 10);
        }
        svg.Line(Left, Top + ph, Left + pw, Top, "#999999", 1, "4 3");
        svg.Text(Left + pw / 2, H - 12, "false-positive rate", "middle", 12);
        var colours = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["density"] = "#2b6cb0",
            ["cog"] = "#dd6b20",
            ["pci"] = "#38a169",
            ["composite"] = "#805ad5",
            ["lq"] = "#c53030",
            ["placebo"] = "#718096",
        };
        int row = 0;
        foreach (var (id, curve) in e.RocCurves.OrderBy(c => Array.IndexOf(colours.Keys.ToArray(), c.Key)))
        {
            var pts = Thin(curve, 300).Select(p => $"{Svg.F(Left + p.FalsePositiveRate * pw)},{Svg.F(Top + ph - p.TruePositiveRate * ph)}");
            var colour = colours.GetValueOrDefault(id, "#000000");
            svg.Raw($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"{(id == "placebo" ? " stroke-dasharray=\"5 3\"" : "")} points=\"{string.Join(' ', pts)}\"/>\n");
            double auc = id == "placebo" ? e.Placebo.Value : e.Predictor(id).EntryAuc.Value;
            double ly = Top + 10 + row++ * 20;
            svg.Line(Left + pw + 20, ly, Left + pw + 44, ly, colour, 2, id == "placebo" ? "5 3" : null);
            svg.Text(Left + pw + 50, ly + 4, $"{(id == "placebo" ? "placebo (density shuffled)" : id)}  AUC {BacktestMarkdown.N3(auc)}", "start", 12);
        }
        return svg.ToString();
    }

    private static void Axes(Svg svg, double top, string yLabel, double pw, double ph, int ticks, string format)
    {
        svg.Line(Left, Top, Left, Top + ph, "#333333");
        svg.Line(Left, Top + ph, Left + pw, Top + ph, "#333333");
        for (int k = 0; k <= ticks; k++)
        {
            double y = Top + ph - k * ph / ticks, val = top * k / ticks;
            svg.Line(Left - 4, y, Left, y, "#333333");
            svg.Text(Left - 6, y + 4, val.ToString(format, CultureInfo.InvariantCulture), "end", 10);
        }
        svg.Text(16, Top + ph / 2, yLabel, "middle", 12, rotate: -90);
    }

    private static double NiceCeiling(double x)
    {
        double step = Math.Pow(10, Math.Floor(Math.Log10(x)));
        foreach (var m in new[] { 1.0, 2, 2.5, 5, 10 })
            if (m * step >= x) return m * step;
        return 10 * step;
    }

    /// <summary>At most <paramref name="max"/> points, always keeping the first and last.</summary>
    private static IEnumerable<RocPoint> Thin(IReadOnlyList<RocPoint> curve, int max)
    {
        if (curve.Count <= max) return curve;
        var list = new List<RocPoint>();
        for (int k = 0; k < max; k++) list.Add(curve[(int)((long)k * (curve.Count - 1) / (max - 1))]);
        return list;
    }
}
