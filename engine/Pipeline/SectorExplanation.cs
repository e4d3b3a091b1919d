using System.Globalization;
using System.Text;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Reporting;
using CompeteModel.Engine.Scoring;

namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// The contribution breakdown of one scored sector under the spec's base weights. The effective weight of indicator k
/// in pillar p is (w_p / Σ w_p' over the sector's present pillars) × (w_k / Σ w_k' over the pillar's present indicators),
/// exactly as <see cref="CompositeScorer"/> re-weights; the normalised value is read back from the scorer's contribution
/// (contribution / effective weight under arithmetic aggregation; exp(contribution / effective weight) under geometric,
/// where values are on [1, 100]) so that it is the value the score used, after winsorisation and direction.
/// </summary>
public sealed record SectorExplanation(
    CityRegionRunResult Run,
    UnitScore Unit,
    RankBand Band,
    ReportSector Report,
    IReadOnlyList<SectorExplanationRow> Rows,
    string Paragraph)
{
    public static SectorExplanation Build(CityRegionRunResult r, string sectorCode)
    {
        var code = sectorCode.Trim();
        var unit = r.Score.Find(code);
        if (unit is null)
        {
            var unscored = r.Score.Unscored.FirstOrDefault(u => u.Code == code);
            if (unscored is not null) throw new InputException($"sector {code} ({unscored.Name}) is not scored in {r.Region.Name}: {unscored.Reason}", field: "--sector");
            var known = r.SectorNames.ContainsKey(code) ? $"sector {code} has no employment in {r.Region.Name} in {r.Year}, so it is not a unit of the run"
                : $"sector '{code}' is not a {r.Level.ToString().ToLowerInvariant()}-level SIC code of this run (e.g. {string.Join(", ", r.Score.Units.Take(3).Select(u => u.Code))})";
            throw new InputException(known, field: "--sector");
        }
        var report = RunReport.Build(r, topN: r.Score.Units.Count).Sectors.First(s => s.Code == code);
        var band = r.MonteCarlo.Bands.First(b => b.Code == code);

        var spec = r.Spec;
        var inds = spec.Pillars.SelectMany(p => p.Indicators.Select(i => (Pillar: p, Ind: i))).ToArray();
        bool geo = spec.Aggregation == AggregationMethod.Geometric;
        var c = unit.Contributions;
        int K = inds.Length;
        var pillarPresent = new double[spec.Pillars.Count];
        for (int k = 0; k < K; k++)
            if (!double.IsNaN(c[k]) && inds[k].Ind.Weight > 0) pillarPresent[PillarIndex(spec, inds[k].Pillar)] += inds[k].Ind.Weight;
        double pillarSum = 0;
        for (int p = 0; p < spec.Pillars.Count; p++) if (pillarPresent[p] > 0 && spec.Pillars[p].Weight > 0) pillarSum += spec.Pillars[p].Weight;

        int e = IndexOf(r.Matrix.UnitCodes, code);
        var rows = new List<SectorExplanationRow>();
        for (int k = 0; k < K; k++)
        {
            var (pillar, ind) = inds[k];
            int p = PillarIndex(spec, pillar);
            int col = r.Matrix.ColumnOf(ind.Id);
            double raw = col >= 0 ? r.Matrix[e, col] : double.NaN;
            double lo = col >= 0 && r.Uncertainty.Lower is { } l ? l[e * r.Matrix.IndicatorCount + col] : double.NaN;
            double hi = col >= 0 && r.Uncertainty.Upper is { } u ? u[e * r.Matrix.IndicatorCount + col] : double.NaN;
            double eff = !double.IsNaN(c[k]) && pillarPresent[p] > 0 && pillarSum > 0 && ind.Weight > 0
                ? pillar.Weight / pillarSum * (ind.Weight / pillarPresent[p]) : double.NaN;
            double norm = double.IsNaN(eff) || eff == 0 ? double.NaN : geo ? Math.Exp(c[k] / eff) : c[k] / eff;
            var use = r.Score.Indicators.Count > k ? r.Score.Indicators[k] : null;
            string note = use is { Used: false } ? "not used in this run: " + use.Note
                : double.IsNaN(raw) ? "missing for this sector; re-weighted away"
                : pillar.Weight <= 0 || ind.Weight <= 0 ? "weight 0" : "";
            rows.Add(new SectorExplanationRow(ind.Id, RunReport.Label(ind.Id), pillar.Id, raw, lo, hi, norm, ind.Weight, pillar.Weight,
                eff, c[k], unit.GapToNext.Count > k ? unit.GapToNext[k] : double.NaN, note));
        }
        return new SectorExplanation(r, unit, band, report, rows, ReportNarrative.Paragraph(report, r.Benchmark.Name));
    }

    private static int PillarIndex(ModelSpec spec, PillarSpec p)
    {
        for (int i = 0; i < spec.Pillars.Count; i++) if (ReferenceEquals(spec.Pillars[i], p)) return i;
        return -1;
    }

    private static int IndexOf(IReadOnlyList<string> list, string code)
    {
        for (int i = 0; i < list.Count; i++) if (list[i] == code) return i;
        return -1;
    }

    /// <summary>The breakdown as a table: one row per indicator (<c>compete explain --out FILE.csv</c>).</summary>
    public Table ToTable()
    {
        var x = this;
        var rows = x.Rows;
        return new Table(new[]
        {
            TableColumn.Of("sector", rows.Select(_ => (string?)x.Unit.Code).ToArray()),
            TableColumn.Of("rank", rows.Select(_ => x.Unit.Rank).ToArray()),
            TableColumn.Of("pillar", rows.Select(r => (string?)r.PillarId).ToArray()),
            TableColumn.Of("indicator", rows.Select(r => (string?)r.IndicatorId).ToArray()),
            TableColumn.Of("label", rows.Select(r => (string?)r.Label).ToArray()),
            TableColumn.Of("raw", rows.Select(r => r.Raw).ToArray()),
            TableColumn.Of("lower", rows.Select(r => r.Lower).ToArray()),
            TableColumn.Of("upper", rows.Select(r => r.Upper).ToArray()),
            TableColumn.Of("normalised", rows.Select(r => r.Normalised).ToArray()),
            TableColumn.Of("indicator_weight", rows.Select(r => r.IndicatorWeight).ToArray()),
            TableColumn.Of("pillar_weight", rows.Select(r => r.PillarWeight).ToArray()),
            TableColumn.Of("effective_weight", rows.Select(r => r.EffectiveWeight).ToArray()),
            TableColumn.Of("contribution", rows.Select(r => r.Contribution).ToArray()),
            TableColumn.Of("gap_to_next", rows.Select(r => r.GapToNext).ToArray()),
            TableColumn.Of("next_sector", rows.Select(_ => x.Unit.NextCode).ToArray()),
            TableColumn.Of("note", rows.Select(r => (string?)r.Note).ToArray()),
        });
    }

    /// <summary>The breakdown as text: the sector's rank, band and quadrants, one line per indicator, the total and the report's paragraph.</summary>
    public string ToText()
    {
        var x = this;
        var r = x.Run;
        var u = x.Unit;
        var b = x.Band;
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(ci, $"{u.Code} {u.Name} in {r.Region.Name} ({r.Region.Code}), spec '{r.Spec.Name}', {r.BaseYear}-{r.Year}, {(r.UsesMicroData ? "firm-level data" : "published data")}\n");
        sb.Append(ci, $"rank {u.Rank} of {r.Score.Units.Count}; 5-95% band {Math.Floor(b.P05):0}-{Math.Ceiling(b.P95):0}, median rank {b.MedianRank:0.#} over {r.MonteCarlo.Draws:N0} draws\n");
        sb.Append(ci, $"composite {u.Composite:0.00}; specialisation x growth: {Quadrants.Name(u.SpecialisationGrowth)}; relatedness x complexity: {Quadrants.Name(u.RelatednessComplexity)}\n");
        sb.Append(ci, $"next-ranked sector: {(u.NextCode is null ? "none (ranked last)" : u.NextCode + " " + r.SectorNames.GetValueOrDefault(u.NextCode, ""))}\n\n");
        sb.Append("pillar              indicator              raw     normalised  weight  eff.weight  contribution  gap_to_next\n");
        foreach (var row in x.Rows)
        {
            sb.Append(ci, $"{row.PillarId,-19} {row.IndicatorId,-20} {F(row.Raw, "0.###"),9} {F(row.Normalised, "0.00"),11} {F(row.IndicatorWeight, "0.##"),7} {F(row.EffectiveWeight, "0.000"),11} {F(row.Contribution, "0.00"),13} {F(row.GapToNext, "+0.00;-0.00;0.00"),12}");
            if (row.Note.Length > 0) sb.Append("  (").Append(row.Note).Append(')');
            sb.Append('\n');
        }
        double total = x.Rows.Where(z => !double.IsNaN(z.Contribution)).Sum(z => z.Contribution);
        sb.Append(ci, $"{"total",-19} {"",-20} {"",9} {"",11} {"",7} {"",11} {total,13:0.00}\n\n");
        sb.Append(x.Paragraph).Append('\n');
        return sb.ToString();
    }

    private static string F(double v, string format) => double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "n/a";
}
