using System.CommandLine;
using System.Globalization;
using System.Text;
using CompeteModel.Cli.Infrastructure;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Pipeline;

namespace CompeteModel.Cli.Commands;

/// <summary>
/// <c>compete explain --sector CODE</c>: runs the model (same options as <c>run</c>) and shows, for one sector, each
/// indicator's raw value, normalised value, weight, contribution and gap to the next-ranked sector, the rank band and
/// quadrants, and the report's plain-English paragraph. <c>--out FILE</c>: <c>.csv</c>/<c>.parquet</c> writes the
/// breakdown table, anything else the text shown on stdout.
/// </summary>
public static class ExplainCommand
{
    public static Command Create()
    {
        var o = new RunOptions();
        var sector = new Option<string>("--sector") { Description = "Sector code at the run's level (e.g. 29 for division 29)", Required = true };
        var output = new Option<string?>("--out") { Description = "Write the breakdown to FILE (.csv or .parquet: the table; otherwise the text)" };
        var cmd = new Command("explain", "Explain one sector's score: each indicator's value, normalised value, weight, contribution and gap to the next-ranked sector");
        o.AddTo(cmd);
        cmd.Options.Add(sector);
        cmd.Options.Add(output);
        cmd.SetAction(pr => Guard.Run(() =>
        {
            var choices = o.Choices(pr);
            using var tx = Outputs.Begin("explain");
            var staged = pr.GetValue(output) is { } given ? tx.File(given) : null;
            var dataDir = DataPaths.Resolve(pr.GetValue(o.Data));
            var uk = o.LoadUk(pr, dataDir);
            var region = uk.Geography.Resolve(pr.GetValue(o.Region)!);
            var specPath = RunSetup.SpecPath(dataDir, pr.GetValue(o.Spec)!);
            var (request, _) = RunSetup.Request(uk, region, specPath, choices);
            var result = CityRegionRun.Execute(uk, request);
            var x = SectorExplanation.Build(result, pr.GetValue(sector)!);
            var text = Text(x);
            if (pr.GetValue(output) is { } file)
            {
                if (file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
                    TableFiles.Write(Table(x), staged!);
                else TextFiles.WriteAllTextAtomic(staged!, text);
                tx.Commit();
                Console.Error.WriteLine("wrote " + Path.GetFullPath(file));
            }
            Console.Out.Write(text);
            return 0;
        }));
        return cmd;
    }

    public static Table Table(SectorExplanation x)
    {
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

    public static string Text(SectorExplanation x)
    {
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
