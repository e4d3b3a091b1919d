using System.CommandLine;
using System.Globalization;
using CompeteModel.Cli.Infrastructure;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.Pipeline;

namespace CompeteModel.Cli.Commands;

/// <summary>
/// <c>compete run</c>: one region, one spec, one period. With no options: the shipped city-region spec for WMCA on the
/// shipped published UK data (BRES, ONS GVA), written to <c>out/&lt;region&gt;-&lt;year&gt;/</c>. Firm-level data only with
/// <c>--micro FILE</c> (the user's) or <c>--generated-firms</c> (a labelled demonstration).
/// </summary>
public static class RunCommand
{
    public static Command Create()
    {
        var o = new RunOptions();
        var top = new Option<int>("--top") { Description = "How many top sectors to print and headline in the report", DefaultValueFactory = _ => 10 }.AtLeast(0);
        var output = new Option<string?>("--out") { Description = "Output folder; default out/<region>-<year>" };
        var input = new Option<string?>("--input") { Description = "National run: a long table (CSV or Parquet) of location × product (× time) values, e.g. the shipped world trade reference (compete data sources); --region then names a location in it" };
        var loc = new Option<string>("--loc") { Description = "National run: location column", DefaultValueFactory = _ => "country" };
        var prod = new Option<string>("--prod") { Description = "National run: product column", DefaultValueFactory = _ => "product" };
        var val = new Option<string>("--val") { Description = "National run: value column", DefaultValueFactory = _ => "value" };
        var time = new Option<string?>("--time") { Description = "National run: time column (default: the file is one period)" };
        var profile = new Option<bool>("--profile") { Description = "Record in run.json the wall time and peak memory at the start of each stage (load, indicators, complexity, technologies, scoring, outputs); off by default so reruns stay byte-identical" };
        var sectorSet = new Option<string?>("--sector-set") { Description = "Score clusters instead of sectors: is8 (the Industrial Strategy's eight growth-driving sectors), wmca (West Midlands priority clusters) or a CSV of cluster,cluster_name,sic,share,reason,source" };
        var cmd = new Command("run", "Score a city region's sectors with a model spec: ranked, classified, explained, with rank bands, and a report");
        o.AddTo(cmd);
        cmd.Options.Add(top);
        cmd.Options.Add(output);
        foreach (var x in new Option[] { input, loc, prod, val, time, sectorSet, profile }) cmd.Options.Add(x);
        cmd.SetAction(pr => Guard.Run(() =>
        {
            var profiler = new RunProfiler();
            profiler.Mark(RunProfiler.Load);
            using var tx = Outputs.Begin("run");
            string? staged = pr.GetValue(output) is { } given ? tx.Folder(given) : null;
            var dataDir = DataPaths.Resolve(pr.GetValue(o.Data));
            if (pr.GetValue(input) is { } inputPath)
            {
                if (pr.GetValue(profile)) throw new UsageException("--profile records the stages of a city-region run in its run.json; the national run (--input) writes no run.json");
                return National(pr, o, dataDir, inputPath, pr.GetValue(loc)!, pr.GetValue(prod)!, pr.GetValue(val)!, pr.GetValue(time), pr.GetValue(output), pr.GetValue(top), tx, staged);
            }
            var uk = o.LoadUk(pr, dataDir);
            var region = uk.Geography.Resolve(pr.GetValue(o.Region)!);
            var specPath = RunSetup.SpecPath(dataDir, pr.GetValue(o.Spec)!);
            var (request, inputs) = RunSetup.Request(uk, region, specPath, o.Choices(pr));
            string suffix = "";
            if (pr.GetValue(sectorSet) is { } setName)
            {
                var (set, setPath) = SectorSets.Load(dataDir, setName);
                request = request with { SectorSet = set };
                inputs.Add(setPath);
                suffix = "-" + set.Name;
            }
            var clock = System.Diagnostics.Stopwatch.StartNew();
            CityRegionRunResult result;
            using (var progress = new ProgressReporter<RunStage>("compete run", s =>
                   {
                       profiler.Mark(s);
                       return new ProgressSnapshot((int)s, Enum.GetValues<RunStage>().Length,
                           string.Create(CultureInfo.InvariantCulture, $"{s.ToString().ToLowerInvariant()} (at {clock.Elapsed.TotalSeconds:0.0} s)"));
                   }))
                result = CityRegionRun.Execute(uk, request, progress);
            var dir = pr.GetValue(output) ?? Path.Combine("out", string.Create(CultureInfo.InvariantCulture, $"{region.Id.ToLowerInvariant()}-{result.Year}{suffix}"));
            profiler.Mark(RunProfiler.Outputs);
            var info = RunSetup.Manifest(uk, result, specPath, inputs, dataDir, ToolVersion.Value);
            if (pr.GetValue(profile)) info = info with { Profile = profiler.Entries };
            var written = RunOutputs.Write(result, staged ?? tx.Folder(dir), info);
            tx.Commit();
            foreach (var a in result.Accounts) Console.Error.WriteLine(a.Summary());
            foreach (var w in result.Warnings.Distinct()) Console.Error.WriteLine("warning: " + w);
            Console.Out.Write(RunSummaryText.Top(result, pr.GetValue(top)));
            if (result.Clusters is { } clusters) Console.Out.Write(RunSummaryText.Clusters(clusters));
            Console.Error.WriteLine($"wrote {written.Count} files to {Path.GetFullPath(dir)}");
            return 0;
        }));
        return cmd;
    }

    /// <summary>
    /// The national model on a long table (trade data): units are the products of one location, indicators from the
    /// complexity engine over all locations (rca, density, pci, cog), scored with the spec (default: national).
    /// </summary>
    private static int National(ParseResult pr, RunOptions o, string dataDir, string inputPath, string loc, string prod, string val, string? time, string? output, int top,
        Engine.IO.OutputTransaction tx, string? staged)
    {
        var specText = pr.GetResult(o.Spec) is { Implicit: false } ? pr.GetValue(o.Spec)! : "national";
        var specPath = RunSetup.SpecPath(dataDir, specText);
        var spec = Engine.Scoring.ModelSpec.Load(specPath);
        var location = pr.GetValue(o.Region)!;
        var table = Engine.IO.TableFiles.Read(inputPath);
        var result = NationalRun.Execute(table, loc, prod, val, location, spec, new NationalRunOptions
        {
            TimeColumn = time,
            Draws = pr.GetValue(o.Draws),
            Seed = pr.GetValue(o.Seed),
            Source = Path.GetFileName(inputPath),
            Scoring = new Engine.Scoring.ScoringOptions(pr.GetValue(o.Jobs) ?? -1),
        });
        var dir = output ?? Path.Combine("out", "national-" + location.ToLowerInvariant());
        NationalRunOutputs.Write(result, staged ?? tx.Folder(dir));
        tx.Commit();
        Console.Error.WriteLine(result.Account.Summary());
        foreach (var n in result.Notes) Console.Error.WriteLine("note: " + n);
        if (!result.Diagnostics.Reliable) Console.Error.WriteLine("warning: " + result.Diagnostics.Warning);
        Console.Out.Write(RunSummaryText.National(result, location, spec, top));
        Console.Error.WriteLine("wrote the national run to " + Path.GetFullPath(dir));
        return 0;
    }
}

/// <summary>The options shared by run, compare and explain.</summary>
public sealed class RunOptions
{
    public Option<string> Region { get; } = new("--region") { Description = "Region: short id (wmca), ONS code (E47000007), ITL code (TLG3) or name", DefaultValueFactory = _ => "wmca" };
    public Option<string> Spec { get; } = new("--spec") { Description = "Model spec: a YAML file or a shipped spec name (city-region)", DefaultValueFactory = _ => "city-region" };
    public Option<string?> Level { get; } = new("--level") { Description = "Sector level: section, division, group, class or subclass (default: the spec's)" };
    public Option<int?> Year { get; } = new("--year") { Description = "End year (default: the spec's target year)" };
    public Option<int?> BaseYear { get; } = new("--base-year") { Description = "Start year of growth (default: the spec's base year)" };
    public Option<string?> Micro { get; } = new("--micro") { Description = "Your firm-level data (CSV or Parquet) for the region: specialisation, growth and the technology pillar rest on it" };
    public Option<bool> NoMicro { get; } = new("--no-micro") { Description = "Use published statistics only (the default; kept for scripts that say so)" };
    public Option<bool> GeneratedFirms { get; } = new("--generated-firms") { Description = "Demonstration only: use GENERATED firm-level data (the shipped WMCA file, else generated for the region's ITL2 areas); every output says so" };
    public Option<int?> Draws { get; } = new Option<int?>("--draws") { Description = "Monte Carlo draws (default: the spec's, 1,000)" }.AtLeast(1);
    public Option<int?> Seed { get; } = new("--seed") { Description = "Seed of every random draw (default: the spec's)" };
    public Option<int?> Jobs { get; } = new Option<int?>("--jobs") { Description = "Threads for Monte Carlo; in compare, also the regions run at once (default 2). Results are identical for any value" }.AtLeast(1);
    public Option<string?> Data { get; } = new("--data") { Description = "The datasets/ folder (default: found from the current or program folder)" };
    public DataSourceOptions Sources { get; } = new();

    public void AddTo(Command cmd)
    {
        foreach (var o in new Option[] { Region, Spec, Level, Year, BaseYear, Micro, NoMicro, GeneratedFirms, Draws, Seed, Jobs, Data }) cmd.Options.Add(o);
        Sources.AddTo(cmd);
    }

    /// <summary>The UK data as the options choose them: the catalogue (with --catalogue) and --bres first in line.</summary>
    public Engine.Ingest.Uk.UkData LoadUk(ParseResult pr, string dataDir) => Sources.Choice(pr).Load(dataDir);

    public RunChoices Choices(ParseResult pr)
    {
        int sources = (pr.GetValue(Micro) is not null ? 1 : 0) + (pr.GetValue(NoMicro) ? 1 : 0) + (pr.GetValue(GeneratedFirms) ? 1 : 0);
        if (sources > 1) throw new UsageException("give at most one of --micro FILE, --no-micro and --generated-firms");
        return new RunChoices(pr.GetValue(Level), pr.GetValue(Year), pr.GetValue(BaseYear), pr.GetValue(Micro), pr.GetValue(NoMicro),
            pr.GetValue(Draws), pr.GetValue(Seed), pr.GetValue(Jobs))
        { GeneratedFirms = pr.GetValue(GeneratedFirms) };
    }
}
