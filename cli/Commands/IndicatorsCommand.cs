using System.CommandLine;
using System.Globalization;
using CompeteModel.Cli.Infrastructure;
using CompeteModel.Engine.Indicators;
using CompeteModel.Engine.Ingest;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Cli.Commands;

/// <summary>
/// <c>compete indicators</c>: the specialisation and growth-orientation indicators of a region (LQ, presence,
/// growth, shift-share, concentration) as one long table: region, sector, year, indicator, value, lower,
/// upper, reliable, firms, reason. Without <c>--input</c> it runs on the shipped UK data (<see cref="UkIndicators"/>):
/// BRES employment and ONS regional GVA for a region that is a union of ITL2 areas against Great Britain.
/// </summary>
public static class IndicatorsCommand
{
    public static Command Create()
    {
        var input = new Option<string?>("--input") { Description = "A long table (CSV or Parquet) with one row per region × sector × year and a value; default: the shipped UK data (BRES, ONS GVA)" };
        var regionCol = new Option<string>("--region-col") { Description = "Column of --input holding the region", DefaultValueFactory = _ => "region" };
        var sectorCol = new Option<string>("--sector-col") { Description = "Column of --input holding the sector", DefaultValueFactory = _ => "sector" };
        var yearCol = new Option<string>("--year-col") { Description = "Column of --input holding the year", DefaultValueFactory = _ => "year" };
        var valueCol = new Option<string>("--value-col") { Description = "Column of --input holding the value", DefaultValueFactory = _ => "value" };
        var benchmark = new Option<string?>("--benchmark") { Description = "Benchmark region (e.g. the nation's row); default: Great Britain (gb) on the UK data, the sum of all regions with --input" };
        var peers = new Option<string?>("--peers") { Description = "Benchmark = the sum of these regions (comma-separated ids; --input only)" };
        var region = new Option<string[]>("--region") { Description = "Region(s) to report (UK data: wmca, E47000007, TLG3, \"West Midlands\"...); with --input default every region except the benchmark", AllowMultipleArgumentsPerToken = true };
        var year = new Option<int?>("--year") { Description = "Year of the levels and end of the growth period; UK data default: the latest (2021)" };
        var baseYear = new Option<int?>("--base-year") { Description = "Start of the growth and shift-share period; UK data default: the earliest (2015)" };
        var measure = new Option<string?>("--measure") { Description = "What the values count: employment, enterprises, gva or value; default employment on the UK data, value with --input" };
        var level = new Option<string>("--level") { Description = "SIC level of the sectors on the UK data: section, division, group, class or subclass", DefaultValueFactory = _ => "division" };
        var threshold = new Option<double>("--threshold") { Description = "Presence threshold: present where LQ ≥ this", DefaultValueFactory = _ => 1.0 }.Above(0);
        var minFirms = new Option<int>("--min-firms") { Description = "Cells behind fewer firms are flagged unreliable", DefaultValueFactory = _ => 10 }.AtLeast(0);
        var data = new Option<string?>("--data") { Description = "The datasets/ folder (default: found from the current or program folder)" };
        var output = new Option<string?>("--out") { Description = "Output file, .csv or .parquet; default: CSV on stdout" };

        var sources = new DataSourceOptions();
        var cmd = new Command("indicators", "Location quotients, growth, shift-share, concentration and productivity of regions against a benchmark, as a long table");
        foreach (var o in new Option[] { input, regionCol, sectorCol, yearCol, valueCol, benchmark, peers, region, year, baseYear, measure, level, threshold, minFirms, data, output })
            cmd.Options.Add(o);
        sources.AddTo(cmd);

        cmd.SetAction(pr => Guard.Run(() =>
        {
            string? bench = pr.GetValue(benchmark), peerList = pr.GetValue(peers);
            if (bench is not null && peerList is not null) throw new UsageException("give either --benchmark or --peers, not both");
            using var tx = Outputs.Begin("indicators");
            string? staged = pr.GetValue(output) is { } given ? tx.Table(given) : null;
            var regions = pr.GetValue(region);
            IndicatorTable result;
            if (pr.GetValue(input) is { } inputPath)
            {
                if (pr.GetValue(sources.Bres) is not null) throw new UsageException("give either --input (a long table) or --bres (a NOMIS download), not both");
                int y = pr.GetValue(year) ?? throw new UsageException("--year is required with --input");
                int y0 = pr.GetValue(baseYear) ?? throw new UsageException("--base-year is required with --input");
                var m = ParseMeasure(pr.GetValue(measure) ?? "value");
                var options = new IndicatorOptions
                {
                    Measure = m,
                    Year = y,
                    BaseYear = y0,
                    Benchmark = bench is not null ? BenchmarkConvention.NamedRegion : peerList is not null ? BenchmarkConvention.PeerGroup : BenchmarkConvention.AllRegions,
                    BenchmarkRegion = bench,
                    PeerRegions = peerList?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? Array.Empty<string>(),
                    Regions = regions is { Length: > 0 } ? regions : null,
                    PresenceThreshold = pr.GetValue(threshold),
                    MinFirms = pr.GetValue(minFirms),
                };
                var source = new PanelSource(inputPath, pr.GetValue(regionCol)!, pr.GetValue(sectorCol)!, pr.GetValue(yearCol)!, pr.GetValue(valueCol)!, m);
                result = IndicatorSuite.Compute(GetPanel(source), options);
            }
            else
            {
                if (peerList is not null) throw new UsageException("--peers works with --input only; on the UK data give --benchmark REGION");
                if (regions is not { Length: > 0 }) throw new UsageException("give --region (e.g. --region wmca) to report on the shipped UK data, or --input FILE");
                var uk = sources.Choice(pr).Load(DataPaths.Resolve(pr.GetValue(data)));
                var request = new UkIndicatorRequest
                {
                    Regions = regions.Select(uk.Geography.Resolve).ToList(),
                    Benchmark = uk.Geography.Resolve(bench ?? "gb"),
                    Level = ParseLevel(pr.GetValue(level)!),
                    Measure = ParseMeasure(pr.GetValue(measure) ?? "employment"),
                    Year = pr.GetValue(year),
                    BaseYear = pr.GetValue(baseYear),
                    PresenceThreshold = pr.GetValue(threshold),
                    MinFirms = pr.GetValue(minFirms),
                };
                var run = UkIndicators.Compute(uk, request);
                foreach (var a in run.Accounts) Console.Error.WriteLine(a.Summary());
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"indicators: {string.Join(", ", request.Regions.Select(r => r.ToString()))} against {request.Benchmark}, {run.BaseYear}–{run.Year}"));
                foreach (var note in run.Notes) Console.Error.WriteLine("  note: " + note);
                result = run.Table;
            }

            string? outPath = pr.GetValue(output);
            if (outPath is null) TableFiles.WriteCsv(result.ToTable(), Console.Out);
            else
            {
                TableFiles.Write(result.ToTable(), staged!);
                tx.Commit();
            }
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"indicators: {result.RowCount:N0} rows{(outPath is null ? "" : " written to " + outPath)}"));
            foreach (var u in result.UndefinedCounts)
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  undefined {u.Indicator}: {u.Count:N0} ({u.Reason})"));
            return ExitCodes.Success;
        }));
        return cmd;
    }

    /// <summary>Where the panel comes from: a user's long table.</summary>
    private sealed record PanelSource(string Input, string RegionCol, string SectorCol, string YearCol, string ValueCol, Measure Measure);

    /// <summary>
    /// The user's long table as a panel, every row accounted for on stderr. (Without --input the shipped UK data
    /// are assembled by <see cref="UkIndicators"/> instead.)
    /// </summary>
    private static Panel GetPanel(PanelSource source)
    {
        var table = TableFiles.Read(source.Input);
        var account = new RowAccount(source.Input);
        var panel = LongTablePanel.FromTable(table, source.RegionCol, source.SectorCol, source.YearCol, source.ValueCol, account, source.Measure);
        Console.Error.Write(account.Report());
        return panel;
    }

    private static SectorLevel ParseLevel(string text) => text.Trim().ToLowerInvariant() switch
    {
        "section" => SectorLevel.Section,
        "division" => SectorLevel.Division,
        "group" => SectorLevel.Group,
        "class" => SectorLevel.Class,
        "subclass" => SectorLevel.Subclass,
        _ => throw new UsageException($"--level must be section, division, group, class or subclass, not '{text}'"),
    };

    private static Measure ParseMeasure(string text) => text.Trim().ToLowerInvariant() switch
    {
        "employment" => Measure.Employment,
        "enterprises" => Measure.Enterprises,
        "gva" => Measure.GvaCurrent,
        "value" => Measure.Value,
        _ => throw new UsageException($"--measure must be employment, enterprises, gva or value, not '{text}'"),
    };
}
