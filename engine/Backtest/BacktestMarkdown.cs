using System.Globalization;
using System.Text;

namespace CompeteModel.Engine.Backtest;

/// <summary>
/// The backtest as markdown (<c>backtest.md</c>): the plain-language reading first, then the tables of entry and exit,
/// logits, growth, placebo and robustness, and how the composite was formed. Also the few lines printed to the console.
/// Formulas: docs/METHODS.md "Backtest".
/// </summary>
public static class BacktestMarkdown
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(BacktestResult r, string? chartFile = null, string? rocFile = null)
    {
        var m = r.Main;
        var sb = new StringBuilder();
        sb.Append(Inv, $"# Does the model predict? Backtest {m.Variant.From}→{m.Variant.To}, {Level(m)} level, {m.Regions} GB ITL2 areas\n\n");
        sb.Append("## Reading\n\n");
        foreach (var line in Reading(r)) sb.Append("- ").Append(line).Append('\n');
        sb.Append('\n');
        if (chartFile is not null) sb.Append("![Entry rate by density decile](").Append(chartFile).Append(")\n\n");
        if (rocFile is not null) sb.Append("![ROC curves of entry](").Append(rocFile).Append(")\n\n");

        sb.Append(Inv, $"## 1. Entry and exit ({m.Regions} regions × {m.Sectors} sectors)\n\n");
        sb.Append(Inv, $"Cells at risk of entry (RCA < 1 at t0): {m.EntryAtRisk:N0}, of which {m.Entries:N0} entered (RCA ≥ 1 at t1). ");
        sb.Append(Inv, $"Cells at risk of exit (RCA ≥ 1 at t0): {m.ExitAtRisk:N0}, of which {m.Exits:N0} exited.\n\n");
        sb.Append("| indicator at t0 | entry AUC | 95% interval | within-region entry AUC | 95% interval | cells | exit AUC | 95% interval | cells |\n|---|---:|---|---:|---|---:|---:|---|---:|\n");
        foreach (var p in m.Predictors)
            sb.Append(Inv, $"| {p.Name} | {N3(p.EntryAuc.Value)} | {Ci(p.EntryAuc)} | {N3(p.WithinRegionEntryAuc.Value)} | {Ci(p.WithinRegionEntryAuc)} | {p.EntryAuc.N:N0} | {N3(p.ExitAuc.Value)} | {Ci(p.ExitAuc)} | {p.ExitAuc.N:N0} |\n");
        sb.Append(Inv, $"| placebo: density shuffled within regions | {N3(m.Placebo.Value)} | {Ci(m.Placebo)} | {N3(m.PlaceboWithinRegion.Value)} | {Ci(m.PlaceboWithinRegion)} | {m.Placebo.N:N0} | | | |\n\n");
        sb.Append("AUC: the probability that a cell that entered (exited) had a higher value than one at risk that did not, ties counted half; 0.5 = no information. ");
        sb.Append("Within-region AUC: the same, comparing only cells of the same region. An exit AUC below 0.5 means high values protect against exit; ");
        sb.Append("COG has no exit AUC (it is defined for sectors a region does not yet hold). ");
        sb.Append("The location quotient is shown as a yardstick, not as a forecast: among cells below RCA 1 those just below cross most easily, so its entry AUC is partly mechanical.\n\n");

        sb.Append("## 2. Logit of entry\n\n");
        sb.Append("β is the change in the log-odds of entry per standard deviation of the indicator (over the cells at risk); exp(β) the odds ratio.\n\n");
        sb.Append("| indicator | pooled β | s.e. | fixed effects | FE β | s.e. | FE β, own RCA at t0 held | s.e. | cells used | cells dropped (no variation in their group) |\n|---|---:|---:|---|---:|---:|---:|---:|---:|---:|\n");
        foreach (var p in m.Predictors)
        {
            if (p.Logit is null || p.FixedEffectsLogit is null) continue;
            var fe = p.FixedEffectsLogit;
            var c = p.ControlledLogit;
            sb.Append(Inv, $"| {p.Name} | {N3(p.Logit.Beta)} | {N3(p.Logit.Se)} | {p.FixedEffects} | {N3(fe.Beta)} | {N3(fe.Se)} | {(c is null ? "—" : N3(c.Beta))} | {(c is null ? "—" : N3(c.Se))} | {fe.N:N0} | {fe.Dropped:N0} |\n");
        }
        sb.Append('\n');
        foreach (var p in m.Predictors)
            foreach (var f in new[] { p.Logit, p.FixedEffectsLogit, p.ControlledLogit })
                if (f is not null && f.Note.Length > 0) sb.Append("- ").Append(p.Name).Append(": ").Append(f.Note).Append('\n');
        sb.Append("Fixed effects: region and sector dummies in a maximum-likelihood logit (IRLS); groups in which no cell entered (or every cell did) are left out, as a conditional logit leaves them out. ");
        sb.Append("\"Own RCA at t0 held\": the same with the cell's standardised RCA at t0 as a control, because a cell just below 1 crosses it most easily.\n\n");

        sb.Append("## 3. Growth relative to Great Britain\n\n");
        sb.Append(Inv, $"Relative growth of a cell = its employment growth {m.Variant.From}→{m.Variant.To} minus Great Britain's growth in the sector (growth_vs_benchmark).\n\n");
        sb.Append("| indicator at t0 | Spearman ρ | 95% interval | median growth, top decile | median growth, rest | difference | 95% interval | cells |\n|---|---:|---|---:|---:|---:|---|---:|\n");
        foreach (var p in m.Predictors)
            sb.Append(Inv, $"| {p.Name} | {N3(p.GrowthRho.Value)} | {Ci(p.GrowthRho)} | {Pct(p.TopDecileMedian)} | {Pct(p.RestMedian)} | {Pts(p.TopMinusRest.Value)} | {CiPts(p.TopMinusRest)} | {p.GrowthRho.N:N0} |\n");
        sb.Append('\n');

        sb.Append("## 4. Entry rate by density decile\n\n| decile | density from | to | cells | entries | entry rate |\n|---:|---:|---:|---:|---:|---:|\n");
        foreach (var d in m.DensityDeciles)
            sb.Append(Inv, $"| {d.Decile} | {N3(d.Lower)} | {N3(d.Upper)} | {d.Cells:N0} | {d.Entries:N0} | {Pct(d.Rate)} |\n");
        sb.Append('\n');

        if (r.Robustness.Count > 0)
        {
            sb.Append("## 5. Robustness\n\n| variant | entry AUC density | within-region density | entry AUC COG | entry AUC PCI | placebo, within-region | placebo, pooled | composite ρ with growth | entries / at risk |\n|---|---|---|---|---|---|---|---|---:|\n");
            foreach (var e in new[] { m }.Concat(r.Robustness))
                sb.Append(Inv, $"| {e.Variant.Label} | {WithCi(e.Predictor("density").EntryAuc)} | {WithCi(e.Predictor("density").WithinRegionEntryAuc)} | {WithCi(e.Predictor("cog").EntryAuc)} | {WithCi(e.Predictor("pci").EntryAuc)} | {WithCi(e.PlaceboWithinRegion)} | {WithCi(e.Placebo)} | {WithCi(e.Predictor("composite").GrowthRho)} | {e.Entries:N0} / {e.EntryAtRisk:N0} |\n");
            sb.Append('\n');
        }

        sb.Append("## Cells left out\n\n");
        foreach (var e in new[] { m }.Concat(r.Robustness))
            foreach (var (reason, cells) in e.Excluded)
                if (cells > 0) sb.Append(Inv, $"- {e.Variant.Label}: {cells:N0} cells — {reason}\n");
        sb.Append("\n## Composite\n\n").Append(r.CompositeDescription).Append("\n\n## Notes\n\n");
        foreach (var n in r.Notes) sb.Append("- ").Append(n).Append('\n');
        foreach (var e in new[] { m }.Concat(r.Robustness))
            foreach (var n in e.Notes.Distinct()) sb.Append("- ").Append(e.Variant.Label).Append(": ").Append(n).Append('\n');
        return sb.ToString();
    }

    /// <summary>The plain-language reading of the main evaluation, one sentence per finding.</summary>
    public static IReadOnlyList<string> Reading(BacktestResult r)
    {
        var m = r.Main;
        var list = new List<string>();
        var d = m.Predictor("density");
        list.Add(string.Format(Inv, "In Great Britain's {0} ITL2 areas, a sector (at {1} level) in the top decile of relatedness density in {2} entered specialisation by {3} {4} times as often as one in the bottom decile ({5} against {6} of the cells at risk).",
            m.Regions, Level(m), m.Variant.From, m.Variant.To, N1(m.TopBottomEntryRatio),
            m.DensityDeciles.Count == 10 ? Pct(m.DensityDeciles[9].Rate) : "n/a", m.DensityDeciles.Count == 10 ? Pct(m.DensityDeciles[0].Rate) : "n/a"));
        list.Add(string.Format(Inv, "Density's entry AUC is {0} (95% interval {1}): {2}", N3(d.EntryAuc.Value), Ci(d.EntryAuc), Verdict(d.EntryAuc)));
        if (d.ControlledLogit is { } held && !double.IsNaN(held.Beta))
            list.Add(string.Format(Inv, "With region and sector fixed effects and the cell's own RCA at t0 held, one standard deviation more density {0} the odds of entry by a factor {1} (β = {2}, s.e. {3}, z = {4}).",
                held.Beta >= 0 ? "raises" : "lowers", Math.Exp(held.Beta).ToString("0.00", Inv), N3(held.Beta), N3(held.Se), held.Z.ToString("0.0", Inv)));
        foreach (var id in new[] { "cog", "pci" })
        {
            var p = m.Predictor(id);
            list.Add(string.Format(Inv, "{0}: entry AUC {1} ({2}) — {3}", Capital(p.Name), N3(p.EntryAuc.Value), Ci(p.EntryAuc), Verdict(p.EntryAuc)));
        }
        list.Add(string.Format(Inv, "Comparing only sectors of the same region, density's entry AUC is {0} ({1}); the placebo — density shuffled among each region's sectors — has within-region AUC {2} ({3}){4}",
            N3(d.WithinRegionEntryAuc.Value), Ci(d.WithinRegionEntryAuc), N3(m.PlaceboWithinRegion.Value), Ci(m.PlaceboWithinRegion),
            m.PlaceboWithinRegion.Contains(0.5) ? ": no power, as it must have, so density's power comes from which sectors are related." : ": its interval misses 0.5, which a shuffle should not do — read the other results with care."));
        list.Add(string.Format(Inv, "Pooled over regions the placebo's AUC is {0} ({1}){2}", N3(m.Placebo.Value), Ci(m.Placebo),
            m.Placebo.Contains(0.5)
                ? ": regional differences in density levels alone carry no detectable power."
                : ": above 0.5, because regions with denser portfolios (the more diversified ones) enter more sectors whatever the sector — this part of the pooled AUC is about regions, not relatedness."));
        var c = m.Predictor("composite");
        list.Add(string.Format(Inv, "The composite at t0 and subsequent growth relative to GB: Spearman ρ = {0} ({1}); the top decile by composite grew by a median {2} against {3} for the rest (difference {4}, {5}). {6}",
            N3(c.GrowthRho.Value), Ci(c.GrowthRho), Pct(c.TopDecileMedian), Pct(c.RestMedian), Pts(c.TopMinusRest.Value), CiPts(c.TopMinusRest),
            c.GrowthRho.Contains(0) ? "The ranking carries no detectable information about which sectors outgrow GB." :
            c.GrowthRho.Value < 0 ? "Higher-ranked sectors grew more slowly afterwards relative to GB (consistent with specialised sectors drifting back towards the national mix; the backtest does not separate the causes)." :
            "Higher-ranked sectors grew faster afterwards."));
        list.Add("For the spec's weights: " + Implication(m));
        return list;
    }

    /// <summary>The key numbers for the console.</summary>
    public static string Summary(BacktestResult r)
    {
        var m = r.Main;
        var sb = new StringBuilder();
        sb.Append(Inv, $"backtest {m.Variant.Label}: {m.Regions} regions × {m.Sectors} sectors; entries {m.Entries:N0} of {m.EntryAtRisk:N0} at risk, exits {m.Exits:N0} of {m.ExitAtRisk:N0}\n");
        foreach (var p in m.Predictors)
            sb.Append(Inv, $"  entry AUC {p.Id,-9} {N3(p.EntryAuc.Value)} (95% {Ci(p.EntryAuc)})   exit AUC {N3(p.ExitAuc.Value)} (95% {Ci(p.ExitAuc)})\n");
        sb.Append(Inv, $"  within-region entry AUC density {N3(m.Predictor("density").WithinRegionEntryAuc.Value)} (95% {Ci(m.Predictor("density").WithinRegionEntryAuc)})\n");
        sb.Append(Inv, $"  placebo (density shuffled within regions): within-region AUC {N3(m.PlaceboWithinRegion.Value)} (95% {Ci(m.PlaceboWithinRegion)}){(m.PlaceboWithinRegion.Contains(0.5) ? ", contains 0.5" : ", does NOT contain 0.5")}; pooled AUC {N3(m.Placebo.Value)} (95% {Ci(m.Placebo)})\n");
        foreach (var p in m.Predictors)
            sb.Append(Inv, $"  growth ρ {p.Id,-9} {N3(p.GrowthRho.Value)} (95% {Ci(p.GrowthRho)})   top decile − rest {Pts(p.TopMinusRest.Value)} (95% {CiPts(p.TopMinusRest)})\n");
        sb.Append(Inv, $"  top density decile entered {N1(m.TopBottomEntryRatio)}× as often as the bottom decile\n");
        foreach (var e in r.Robustness)
            sb.Append(Inv, $"  robustness {e.Variant.Label}: density AUC {WithCi(e.Predictor("density").EntryAuc)}, within-region placebo {WithCi(e.PlaceboWithinRegion)}, composite ρ {WithCi(e.Predictor("composite").GrowthRho)}\n");
        return sb.ToString();
    }

    private static string Implication(BacktestEvaluation m)
    {
        var d = m.Predictor("density").EntryAuc;
        var pci = m.Predictor("pci").EntryAuc;
        var rho = m.Predictor("composite").GrowthRho;
        var parts = new List<string>();
        parts.Add(d.Lower > 0.5
            ? "relatedness density is the indicator with evidence behind it at this scale — its weight in the capability pillar is supported and could be raised"
            : "relatedness density shows no predictive power at this scale — its weight rests on the literature only");
        parts.Add(pci.Contains(0.5)
            ? "PCI does not predict entry, so the complexity pillar is a statement of preference (aim at complex sectors), not a forecast"
            : pci.Value > 0.5 ? "PCI is associated with entry" : "complex sectors are entered less often, so the complexity pillar pulls against feasibility — keep it as an explicit ambition, not a forecast");
        parts.Add(rho.Contains(0)
            ? "the composite does not forecast relative growth, so rank bands and weights should be read as priorities, not predictions"
            : rho.Value < 0 ? "the composite's ranking runs against subsequent relative growth, so a high rank should not be read as a growth forecast" + LqClause(m)
            : "the composite's ranking is associated with subsequent relative growth");
        return string.Join("; ", parts) + ".";
    }

    private static string LqClause(BacktestEvaluation m)
    {
        var lq = m.Predictor("lq").GrowthRho;
        return lq.Upper < 0
            ? string.Format(Inv, "; the specialisation pillar is the likely source, since lq at t0 itself has ρ = {0} ({1}) with later relative growth (already-specialised sectors fell back towards the national mix)", N3(lq.Value), Ci(lq))
            : "";
    }

    private static string Verdict(Estimate e) =>
        e.Lower > 0.5 ? "better than chance." : e.Upper < 0.5 ? "below chance: higher values went with less entry." : "not distinguishable from chance.";

    private static string Level(BacktestEvaluation m) => m.Variant.Level.ToString().ToLowerInvariant();
    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
    internal static string N3(double v) => double.IsNaN(v) ? "n/a" : v.ToString("0.000", Inv);
    private static string N1(double v) => double.IsNaN(v) ? "n/a" : v.ToString("0.0", Inv);
    private static string Pct(double v) => double.IsNaN(v) ? "n/a" : (100 * v).ToString("0.0", Inv) + "%";
    private static string Pts(double v) => double.IsNaN(v) ? "n/a" : (100 * v).ToString("+0.0;−0.0;0.0", Inv) + " pts";
    internal static string Ci(Estimate e) => double.IsNaN(e.Lower) ? "n/a" : e.Lower < 0 ? $"{N3(e.Lower)} to {N3(e.Upper)}" : $"{N3(e.Lower)}–{N3(e.Upper)}";
    private static string CiPts(Estimate e) => double.IsNaN(e.Lower) ? "n/a" : $"{Pts(e.Lower)} to {Pts(e.Upper)}";
    private static string WithCi(Estimate e) => $"{N3(e.Value)} ({Ci(e)})";
}
