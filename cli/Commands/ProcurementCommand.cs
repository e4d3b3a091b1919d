using System.CommandLine;
using System.Globalization;
using CompeteModel.Cli.Infrastructure;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Procurement;

namespace CompeteModel.Cli.Commands;

/// <summary>
/// <c>compete procurement ingest|profile|scenario</c>: public contract notices (OCDS or Contracts
/// Finder CSV) → processes classified by SIC division and technology, placed by buyer and supplier;
/// regional demand measures; a technology demand scenario against local capacity.
/// </summary>
public static class ProcurementCommand
{
    public static Command Create()
    {
        var cmd = new Command("procurement", "Public procurement as a demand-side lever: contract notices → local demand by sector and technology, supplier capacity, demand scenarios.");
        cmd.Subcommands.Add(Ingest());
        cmd.Subcommands.Add(Profile());
        cmd.Subcommands.Add(Scenario());
        return cmd;
    }

    private static Option<string?> InputOption(bool required) => new("--input")
    {
        Description = "OCDS release/record package (.json, .json.gz), JSON Lines (.jsonl, .ndjson), Contracts Finder CSV export, or a folder of such files" +
                      (required ? "" : "; default: the shipped sample of Contracts Finder notices (compete data sources)"),
        Required = required,
    };

    private static Option<string?> DataOption() => new("--data") { Description = "the datasets/ folder (default: found from the current or program folder)" };

    private static Option<double?> EurOption() => new("--eur-to-gbp")
    {
        Description = "pounds per euro to convert EUR notices at one fixed rate (default: EUR notices are rejected as 'currency not convertible')",
    };

    private static Command Ingest()
    {
        var input = InputOption(required: true);
        var outDir = new Option<string>("--out") { Description = "output folder: processes.csv and rejects.csv are written there", Required = true };
        var data = DataOption();
        var eur = EurOption();
        var cmd = new Command("ingest", "Read notices, compile each contracting process once, classify (SIC division, technology), place buyer and suppliers; write processes.csv and rejects.csv.");
        cmd.Options.Add(input);
        cmd.Options.Add(outDir);
        cmd.Options.Add(data);
        cmd.Options.Add(eur);
        cmd.SetAction(pr => Guard.Run(() =>
        {
            using var tx = Outputs.Begin("procurement ingest");
            var dir = pr.GetValue(outDir)!;
            var staged = tx.Folder(dir);
            var d = ProcurementData.Load(DataPaths.Resolve(pr.GetValue(data)));
            var (compiled, classified) = d.Ingest(pr.GetValue(input)!, Options(pr.GetValue(eur)));
            Write(ProcurementTables.Processes(classified, d.Geography), Path.Combine(staged, "processes.csv"));
            Write(ProcurementTables.Rejects(compiled.Rejects), Path.Combine(staged, "rejects.csv"));
            tx.Commit();
            Console.Error.Write(ProcurementText.Ingest(compiled, classified));
            Console.Error.WriteLine($"wrote {Path.Combine(dir, "processes.csv")} and {Path.Combine(dir, "rejects.csv")}");
            return ExitCodes.Success;
        }));
        return cmd;
    }

    private static Command Profile()
    {
        var region = new Option<string>("--region") { Description = "region: city-region id (wmca), ONS/ITL code or name", Required = true };
        var input = InputOption(required: false);
        var output = new Option<string?>("--out") { Description = "output file (.csv or .parquet); default: CSV on stdout" };
        var data = DataOption();
        var eur = EurOption();
        var cmd = new Command("profile", "Public demand placed by the region's buyers per SIC division and per technology: value, annualised value, processes, local-supplier and SME shares, demand per job.");
        foreach (var o in new Option[] { region, input, output, data, eur }) cmd.Options.Add(o);
        cmd.SetAction(pr => Guard.Run(() =>
        {
            using var tx = Outputs.Begin("procurement profile");
            var staged = pr.GetValue(output) is { } given ? tx.Table(given) : null;
            var d = ProcurementData.Load(DataPaths.Resolve(pr.GetValue(data)));
            var r = d.Geography.Resolve(pr.GetValue(region)!);
            var (compiled, classified) = d.Ingest(pr.GetValue(input) ?? d.DefaultInput, Options(pr.GetValue(eur)));
            Console.Error.Write(ProcurementText.Ingest(compiled, classified));
            var capacity = r.IsItl2Union ? d.Capacity(r) : null;
            if (capacity is null) Console.Error.WriteLine($"note: {r.Name} is not a union of ITL2 areas; employment and demand intensity are left empty");
            var rows = ProcurementProfile.Compute(classified, r, capacity, d.TechnologyNames);
            Console.Error.Write(ProcurementText.BuyersInside(classified, r));
            Write(ProcurementTables.Profile(rows), staged);
            tx.Commit();
            return ExitCodes.Success;
        }));
        return cmd;
    }

    private static Command Scenario()
    {
        var region = new Option<string>("--region") { Description = "region: city-region id (wmca), ONS/ITL code or name; must be a union of ITL2 areas", Required = true };
        var tech = new Option<string>("--technology") { Description = "technology id from the shipped taxonomy or tag id from the retrofit lexicon (compete data sources), e.g. heat_pumps_retrofit, retrofit_insulation", Required = true };
        var uplift = new Option<double>("--uplift") { Description = "multiplier on the baseline annual demand (2 = doubled)", DefaultValueFactory = _ => 2.0 };
        var baseline = new Option<double?>("--baseline") { Description = "annual baseline demand in pounds, replacing the demand observed in the notices (the notices still give the sector mix)" };
        var method = new Option<LocalSupplyMethod>("--local-supply")
        {
            Description = "how local supply is estimated: flq (Flegg's location quotient, the default) or slq (simple location quotient, overstates local supply)",
            DefaultValueFactory = _ => LocalSupplyMethod.Flq,
        };
        var delta = new Option<double>("--flq-delta") { Description = "the FLQ's δ, 0 ≤ δ < 1 (Flegg & Webber 1997)", DefaultValueFactory = _ => LocalSupply.DefaultDelta };
        var input = InputOption(required: false);
        var output = new Option<string?>("--out") { Description = "output file (.csv or .parquet); default: CSV on stdout" };
        var data = DataOption();
        var eur = EurOption();
        var cmd = new Command("scenario", "Scale a region's public demand for one technology, spread it over the SIC divisions that supply it and set it against local capacity: which divisions' demand would leak out of the region.");
        foreach (var o in new Option[] { region, tech, uplift, baseline, method, delta, input, output, data, eur }) cmd.Options.Add(o);
        cmd.SetAction(pr => Guard.Run(() =>
        {
            using var tx = Outputs.Begin("procurement scenario");
            var staged = pr.GetValue(output) is { } given ? tx.Table(given) : null;
            var d = ProcurementData.Load(DataPaths.Resolve(pr.GetValue(data)));
            var r = d.Geography.Resolve(pr.GetValue(region)!);
            var techId = pr.GetValue(tech)!;
            if (!d.TechnologyNames.ContainsKey(techId))
                throw new InputException($"unknown technology '{techId}'; known: {string.Join(", ", d.TechnologyNames.Keys)}", field: "--technology");
            var (compiled, classified) = d.Ingest(pr.GetValue(input) ?? d.DefaultInput, Options(pr.GetValue(eur)));
            Console.Error.Write(ProcurementText.Ingest(compiled, classified));
            var capacity = d.Capacity(r);
            var result = DemandScenario.Run(classified, r, techId, capacity,
                new ScenarioOptions(pr.GetValue(uplift), pr.GetValue(baseline), pr.GetValue(method), pr.GetValue(delta)), d.GvaPerJobOf(capacity));
            Console.Error.Write(ProcurementText.Scenario(result, r, techId));
            Write(ProcurementTables.Scenario(result), staged);
            tx.Commit();
            return ExitCodes.Success;
        }));
        return cmd;
    }

    private static ProcurementReadOptions Options(double? eur)
    {
        if (eur is { } rate && !(rate > 0)) throw new InputException($"--eur-to-gbp must be a positive rate, not {rate}", field: "--eur-to-gbp");
        return new ProcurementReadOptions(EurToGbp: eur);
    }

    private static void Write(Table table, string? path)
    {
        if (path is null)
        {
            TableFiles.WriteCsv(table, Console.Out);
            Console.Out.Flush();
        }
        else TableFiles.Write(table, path);
    }
}
