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
            var text = x.ToText();
            if (pr.GetValue(output) is { } file)
            {
                if (file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
                    TableFiles.Write(x.ToTable(), staged!);
                else TextFiles.WriteAllTextAtomic(staged!, text);
                tx.Commit();
                Console.Error.WriteLine("wrote " + Path.GetFullPath(file));
            }
            Console.Out.Write(text);
            return 0;
        }));
        return cmd;
    }
}
