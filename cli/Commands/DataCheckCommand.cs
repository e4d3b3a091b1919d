using System.CommandLine;
using System.Globalization;
using CompeteModel.Cli.Infrastructure;
using CompeteModel.Engine.Catalogue;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Ingest;
using CompeteModel.Engine.Ingest.Micro;
using CompeteModel.Engine.Pipeline;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Cli.Commands;

/// <summary>
/// <c>compete data check</c>: reads a firm-level file and prints its row accounting (read, used, rejected by
/// reason); <c>--rejects FILE</c> writes every rejected row with file, line, field, reason and value. Exit 1
/// when the file is malformed (missing column, unreadable), 0 otherwise, even with rejected rows.
/// </summary>
public static class DataCheckCommand
{
    public static Command Create()
    {
        var cmd = new Command("data", "Check input data files.");
        cmd.Subcommands.Add(Check());
        cmd.Subcommands.Add(Sources());
        return cmd;
    }

    /// <summary>
    /// <c>compete data sources</c>: every dataset a run would read, from the catalogue with the user's files laid over it:
    /// id, kind, file, vintage, years, geography, licence, and whether it is shipped, the user's, or missing.
    /// </summary>
    private static Command Sources()
    {
        var data = new Option<string?>("--data") { Description = "The datasets/ folder (default: found from the current directory)" };
        var src = new DataSourceOptions();
        var cmd = new Command("sources", "List every dataset a run would use: file, vintage, years, geography, licence (the data catalogue).");
        cmd.Options.Add(data);
        src.AddTo(cmd);
        cmd.SetAction(pr => Guard.Run(() =>
        {
            var dir = DataPaths.Resolve(pr.GetValue(data));
            var choice = src.Choice(pr);
            var catalogue = choice.Open(dir);
            var rows = catalogue.Sources().ToList();
            if (choice.Bres is not null) rows.Insert(0, RunSetup.UserBresSource(choice.Load(dir).UserBres!));
            Console.Out.Write(DataSourcesText.Build(rows, catalogue.DatasetsDirectory));
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{rows.Count} datasets; {rows.Count(r => r.UserFile)} from your files; catalogue on {catalogue.DatasetsDirectory}"));
            return 0;
        }));
        return cmd;
    }

    private static Command Check()
    {
        var input = new Option<string>("--input") { Description = "Firm-level file (.csv, .csv.gz or .parquet): firm_id, year, lad_code (or, in CSV, postcode), sic, employment, [turnover], [birth_year], [description], [cpc], [itl2]", Required = true };
        var rejects = new Option<string?>("--rejects") { Description = "Write the rejected rows here (.csv or .parquet)" };
        var data = new Option<string?>("--data") { Description = "The datasets/ folder (default: found from the current directory)" };
        var cmd = new Command("check", "Read a firm-level file and report how many rows are used or rejected, and why.");
        foreach (var o in new Option[] { input, rejects, data }) cmd.Options.Add(o);
        cmd.SetAction(pr => Guard.Run(() =>
        {
            using var tx = Outputs.Begin("data check");
            var staged = pr.GetValue(rejects) is { } given ? tx.Table(given, "--rejects") : null;
            var dir = DataPaths.Resolve(pr.GetValue(data));
            var uk = Engine.Ingest.Uk.UkData.Load(dir);
            var (geo, sic) = (uk.Geography, uk.Sic);
            var micro = MicroDataReader.Read(pr.GetValue(input)!, geo, sic, readText: false, postcodes: uk.Postcodes);
            var a = micro.Account;
            if (a.Read == 0) throw new InputException("the file has a header but no rows: nothing to check", pr.GetValue(input)!);
            Console.Out.Write(FirmFileCheckText.Build(micro));
            if (pr.GetValue(rejects) is { } path)
            {
                MicroDataWriter.WriteTable(RowAccount.RejectsTable([a]), staged!);
                tx.Commit();
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {a.Rejected:N0} rejected rows to {path}"));
            }
            return 0;
        }));
        return cmd;
    }
}
