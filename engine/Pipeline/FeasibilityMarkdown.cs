using System.Globalization;
using System.Text;

namespace CompeteModel.Engine.Pipeline;

/// <summary>The feasibility report as Markdown: agreement of the rankings at each scale, and where the model stops being reliable.</summary>
public static class FeasibilityMarkdown
{
    public static string Render(FeasibilityStudy.Result r)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"# Feasibility: does the national model carry to {r.Micro.Region.Name}?\n\n");
        sb.Append("Provenance: the national run rests on Eurostat employment by NACE section group (published statistics); ")
          .Append("the city-region runs on ").Append(r.Micro.Region.Name).Append("'s generated firm-level data (calibrated to BRES; not real firms) ")
          .Append("and on published BRES cells, with relatedness and complexity from the 40 GB ITL2 areas (published).\n\n");
        Section(sb, "1. National model (UK among EU-28) vs city-region model", r.NationalVsCityRegion);
        sb.Append("| group | name | national rank | city-region rank | city-region composite | employment |\n|---|---|---:|---:|---:|---:|\n");
        var nat = r.National.Score.Units.ToDictionary(u => u.Code, u => u.Rank);
        foreach (var g in r.CityRegionGroups.OrderBy(g => g.Rank ?? int.MaxValue).ThenBy(g => g.Group, StringComparer.Ordinal))
            sb.Append(inv, $"| {g.Group} | {g.Name} | {(nat.TryGetValue(g.Group, out var nr) ? nr.ToString(inv) : "n/a")} | {(g.Rank?.ToString(inv) ?? "n/a")} | {Num(g.Composite)} | {g.Employment.ToString("N0", inv)} |\n");
        sb.Append('\n');
        Section(sb, "2. Firm-level data vs published aggregates (same spec, same region)", r.MicroVsPublished);
        var moved = r.MicroVsPublished.Agreement.Units.OrderByDescending(u => Math.Abs(u.Difference)).ThenBy(u => u.Unit, StringComparer.Ordinal).Take(10).ToList();
        sb.Append("Sectors whose rank moves most when firm-level data replace published aggregates:\n\n| sector | rank (published) | rank (firm data) |\n|---|---:|---:|\n");
        foreach (var u in moved) sb.Append(inv, $"| {u.Unit} {Name(r, u.Unit)} | {u.NationalRank} | {u.CityRegionRank} |\n");
        sb.Append('\n');
        sb.Append("## 3. Does the model predict at this scale?\n\n")
          .Append("Agreement and reliability say whether the rankings are stable, not whether they foresee anything. The backtest ")
          .Append("(`compete backtest --from 2015 --to 2021 --level division`, report [backtest.md](../backtest-division-2015-2021/backtest.md); ")
          .Append("docs/METHODS.md \"Backtest\") tests relatedness, complexity and the composite against entry, exit and growth across the 40 GB ITL2 areas.\n");
        return sb.ToString();
    }

    private static string Name(FeasibilityStudy.Result r, string code) => r.Micro.SectorNames.TryGetValue(code, out var n) ? n : "";

    private static void Section(StringBuilder sb, string title, FeasibilityReport rep)
    {
        var inv = CultureInfo.InvariantCulture;
        var a = rep.Agreement;
        sb.Append("## ").Append(title).Append("\n\n");
        sb.Append(inv, $"| measure | value |\n|---|---:|\n| units ranked by both | {a.Common} |\n| Spearman ρ | {Num(a.Spearman)} |\n| Kendall τ-b | {Num(a.Kendall)} |\n| top-{a.TopK} overlap | {a.TopKOverlap} |\n\n");
        sb.Append("| scale | units | unscored | mean 5–95% rank band | share of ranking | bands missing the point rank | unreliable cells | complexity reliable |\n|---|---:|---:|---:|---:|---:|---:|---|\n");
        foreach (var s in new[] { rep.National, rep.CityRegion })
            sb.Append(inv, $"| {s.Label} | {s.Units} | {s.Unscored} | {Num(s.MeanBandWidth)} | {Pct(s.RelativeBandWidth)} | {s.BandsExcludingPoint} | {Pct(s.ShareUnreliableCells)} | {(s.Complexity is null ? "n/a" : s.Complexity.Reliable ? "yes" : "no")} |\n");
        sb.Append('\n');
        foreach (var n in rep.Notes) sb.Append("- ").Append(n).Append('\n');
        sb.Append('\n');
    }

    private static string Num(double v) => double.IsNaN(v) ? "n/a" : v.ToString("0.000", CultureInfo.InvariantCulture);
    private static string Pct(double v) => double.IsNaN(v) ? "n/a" : (100 * v).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
