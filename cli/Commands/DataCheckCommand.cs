using System.CommandLine;
using System.Globalization;
using CompeteModel.Cli.Infrastructure;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Ingest;
using CompeteModel.Engine.Ingest.Micro;
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
            var dir = DataPaths.Resolve(pr.GetValue(data));
            var geo = GeographyReader.Read(Path.Combine(dir, "uk", "geography_lad_itl_cityregion.csv"));
            var sic = SicReader.Read(Path.Combine(dir, "uk", "sic2007_hierarchy.csv"));
            var postcodes = PostcodeLookup.Read(Path.Combine(dir, "uk", "postcode_ranges_lad.csv.gz"), geo);
            var micro = MicroDataReader.Read(pr.GetValue(input)!, geo, sic, readText: false, postcodes: postcodes);
            var a = micro.Account;
            var w = Console.Out;
            w.WriteLine(a.Summary());
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read\t{a.Read}"));
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"used\t{a.Used}"));
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rejected\t{a.Rejected}"));
            foreach (var (reason, n) in a.RejectedByReason)
                w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rejected: {reason}\t{n}"));
            if (pr.GetValue(rejects) is { } path)
            {
                MicroDataWriter.WriteTable(RowAccount.RejectsTable([a]), path);
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {a.Rejected:N0} rejected rows to {path}"));
            }
            return 0;
        }));
        return cmd;
    }
}
