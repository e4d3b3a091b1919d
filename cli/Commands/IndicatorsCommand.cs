using System.CommandLine;
using System.Globalization;
using CompeteModel.Cli.Infrastructure;
using CompeteModel.Engine.Indicators;
using CompeteModel.Engine.Ingest;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Panels;

namespace CompeteModel.Cli.Commands;

/// <summary>
/// <c>compete indicators</c>: the specialisation and growth-orientation indicators of a region (LQ, presence,
/// growth, shift-share, concentration) as one long table: region, sector, year, indicator, value, lower,
/// upper, reliable, firms, reason.
/// </summary>
public static class IndicatorsCommand
{
    public static Command Create()
    {
        var input = new Option<string?>("--input") { Description = "A long table (CSV or Parquet) with one row per region × sector × year and a value" };
        var regionCol = new Option<string>("--region-col") { Description = "Column of --input holding the region", DefaultValueFactory = _ => "region" };
        var sectorCol = new Option<string>("--sector-col") { Description = "Column of --input holding the sector", DefaultValueFactory = _ => "sector" };
        var yearCol = new Option<string>("--year-col") { Description = "Column of --input holding the year", DefaultValueFactory = _ => "year" };
        var valueCol = new Option<string>("--value-col") { Description = "Column of --input holding the value", DefaultValueFactory = _ => "value" };
        var benchmark = new Option<string?>("--benchmark") { Description = "Benchmark region (e.g. the nation's row); default: the sum of all regions in the data" };
        var peers = new Option<string?>("--peers") { Description = "Benchmark = the sum of these regions (comma-separated ids)" };
        var region = new Option<string[]>("--region") { Description = "Region(s) to report; default: every region except the benchmark", AllowMultipleArgumentsPerToken = true };
        var year = new Option<int>("--year") { Description = "Year of the levels and end of the growth period", Required = true };
        var baseYear = new Option<int>("--base-year") { Description = "Start of the growth and shift-share period", Required = true };
        var measure = new Option<string>("--measure") { Description = "What the values count: employment, enterprises, gva or value", DefaultValueFactory = _ => "value" };
        var threshold = new Option<double>("--threshold") { Description = "Presence threshold: present where LQ ≥ this", DefaultValueFactory = _ => 1.0 };
        var minFirms = new Option<int>("--min-firms") { Description = "Cells behind fewer firms are flagged unreliable", DefaultValueFactory = _ => 10 };
        var output = new Option<string?>("--out") { Description = "Output file, .csv or .parquet; default: CSV on stdout" };

        var cmd = new Command("indicators", "Location quotients, growth, shift-share and concentration of regions against a benchmark, as a long table");
        foreach (var o in new Option[] { input, regionCol, sectorCol, yearCol, valueCol, benchmark, peers, region, year, baseYear, measure, threshold, minFirms, output })
            cmd.Options.Add(o);

        cmd.SetAction(pr => Guard.Run(() =>
        {
            var m = ParseMeasure(pr.GetValue(measure)!);
            string? bench = pr.GetValue(benchmark), peerList = pr.GetValue(peers);
            if (bench is not null && peerList is not null) throw new UsageException("give either --benchmark or --peers, not both");
            var regions = pr.GetValue(region);
            var options = new IndicatorOptions
            {
                Measure = m,
                Year = pr.GetValue(year),
                BaseYear = pr.GetValue(baseYear),
                Benchmark = bench is not null ? BenchmarkConvention.NamedRegion : peerList is not null ? BenchmarkConvention.PeerGroup : BenchmarkConvention.AllRegions,
                BenchmarkRegion = bench,
                PeerRegions = peerList?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? Array.Empty<string>(),
                Regions = regions is { Length: > 0 } ? regions : null,
                PresenceThreshold = pr.GetValue(threshold),
                MinFirms = pr.GetValue(minFirms),
            };
            var source = new PanelSource(pr.GetValue(input), pr.GetValue(regionCol)!, pr.GetValue(sectorCol)!, pr.GetValue(yearCol)!, pr.GetValue(valueCol)!, m);
            var panel = GetPanel(source);
            var result = IndicatorSuite.Compute(panel, options);

            string? outPath = pr.GetValue(output);
            if (outPath is null) TableFiles.WriteCsv(result.ToTable(), Console.Out);
            else Write(result.ToTable(), outPath);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"indicators: {result.RowCount:N0} rows{(outPath is null ? "" : " written to " + outPath)}"));
            foreach (var u in result.UndefinedCounts)
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  undefined {u.Indicator}: {u.Count:N0} ({u.Reason})"));
            return ExitCodes.Success;
        }));
        return cmd;
    }

    /// <summary>Where the panel comes from: a user's long table, or (no --input) the shipped UK data.</summary>
    private sealed record PanelSource(string? Input, string RegionCol, string SectorCol, string YearCol, string ValueCol, Measure Measure);

    /// <summary>
    /// The one place that obtains the panel. With --input: the user's long table, every row accounted for on stderr.
    /// Without: the shipped UK data (BRES, GVA), which this command does not read yet.
    /// </summary>
    private static Panel GetPanel(PanelSource source)
    {
        if (source.Input is null)
            throw new UsageException("--input is required: the shipped UK data path (--region WMCA on BRES) is not wired into this command yet");
        var table = TableFiles.Read(source.Input);
        var account = new RowAccount(source.Input);
        var panel = LongTablePanel.FromTable(table, source.RegionCol, source.SectorCol, source.YearCol, source.ValueCol, account, source.Measure);
        Console.Error.WriteLine(account.Summary());
        foreach (var r in account.Rejects.Take(20))
            Console.Error.WriteLine($"  rejected {r.File}:{r.Line} field '{r.Field}': {r.Reason} ({r.Value})");
        if (account.Rejects.Count > 20) Console.Error.WriteLine($"  ... and {account.Rejects.Count - 20} more rejected rows");
        return panel;
    }

    /// <summary>
    /// CSV or Parquet by extension. CSV goes through a writer that leaves the stream open: the shared
    /// TableFiles.WriteCsv(table, path) disposes the stream before TextFiles.WriteAtomic flushes it.
    /// </summary>
    private static void Write(Table table, string path)
    {
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            TextFiles.WriteAtomic(path, s =>
            {
                using var w = new StreamWriter(s, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
                TableFiles.WriteCsv(table, w);
            });
        else TableFiles.Write(table, path);
    }

    private static Measure ParseMeasure(string text) => text.Trim().ToLowerInvariant() switch
    {
        "employment" => Measure.Employment,
        "enterprises" => Measure.Enterprises,
        "gva" => Measure.GvaCurrent,
        "value" => Measure.Value,
        _ => throw new UsageException($"--measure must be employment, enterprises, gva or value, not '{text}'"),
    };
}
