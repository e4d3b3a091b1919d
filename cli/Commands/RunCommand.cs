using System.CommandLine;
using System.Globalization;
using CompeteModel.Cli.Infrastructure;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.Pipeline;

namespace CompeteModel.Cli.Commands;

/// <summary>
/// <c>compete run</c>: one region, one spec, one period. With no options: the shipped city-region spec for WMCA on the
/// shipped UK data (BRES, ONS GVA) and the shipped generated firm-level data, written to <c>out/&lt;region&gt;-&lt;year&gt;/</c>.
/// </summary>
public static class RunCommand
{
    public static Command Create()
    {
        var o = new RunOptions();
        var top = new Option<int>("--top") { Description = "How many top sectors to print and headline in the report", DefaultValueFactory = _ => 10 };
        var output = new Option<string?>("--out") { Description = "Output folder; default out/<region>-<year>" };
        var cmd = new Command("run", "Score a city region's sectors with a model spec: ranked, classified, explained, with rank bands, and a report");
        o.AddTo(cmd);
        cmd.Options.Add(top);
        cmd.Options.Add(output);
        cmd.SetAction(pr => Guard.Run(() =>
        {
            var dataDir = DataPaths.Resolve(pr.GetValue(o.Data));
            var uk = UkData.Load(dataDir);
            var region = uk.Geography.Resolve(pr.GetValue(o.Region)!);
            var specPath = RunSetup.SpecPath(dataDir, pr.GetValue(o.Spec)!);
            var (request, inputs) = RunSetup.Request(uk, region, specPath, o.Choices(pr));
            string[] stages = ["indicators", "complexity", "technologies", "scoring"];
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var progress = new ProgressReporter<string>("compete run", s => new ProgressSnapshot(Array.IndexOf(stages, s), stages.Length,
                string.Create(CultureInfo.InvariantCulture, $"{s} (at {clock.Elapsed.TotalSeconds:0.0} s)")));
            var result = CityRegionRun.Execute(uk, request, progress);
            var dir = pr.GetValue(output) ?? Path.Combine("out", string.Create(CultureInfo.InvariantCulture, $"{region.Id.ToLowerInvariant()}-{result.Year}"));
            var written = RunOutputs.Write(result, dir, new RunManifestInfo(RunSetup.Version, specPath, inputs, dataDir));
            foreach (var a in result.Accounts) Console.Error.WriteLine(a.Summary());
            foreach (var w in result.Warnings.Distinct()) Console.Error.WriteLine("warning: " + w);
            PrintTop(result, pr.GetValue(top));
            Console.Error.WriteLine($"wrote {written.Count} files to {Path.GetFullPath(dir)}");
            return 0;
        }));
        return cmd;
    }

    /// <summary>The headline table on stdout: rank, 5–95% band, sector, composite, quadrant.</summary>
    public static void PrintTop(CityRegionRunResult r, int n)
    {
        var bands = r.MonteCarlo.Bands.ToDictionary(b => b.Code, StringComparer.Ordinal);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{r.Region.Name} ({r.Region.Code}), spec '{r.Spec.Name}', {r.Level.ToString().ToLowerInvariant()} level, {r.BaseYear}-{r.Year}, {(r.UsesMicroData ? "firm-level data" : "published data")}"));
        Console.Out.WriteLine("rank  band     sector  composite  quadrant            name");
        foreach (var u in r.Score.Units.Take(n))
        {
            var b = bands[u.Code];
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{u.Rank,4}  {Math.Floor(b.P05),3:0}-{Math.Ceiling(b.P95),-3:0}  {u.Code,-6}  {u.Composite,9:0.00}  {Quadrants.Name(u.SpecialisationGrowth),-18}  {u.Name}"));
        }
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
    public Option<string?> Micro { get; } = new("--micro") { Description = "Firm-level data (CSV or Parquet) for the region; default: the shipped generated file for WMCA, else generated for the region's ITL2 areas" };
    public Option<bool> NoMicro { get; } = new("--no-micro") { Description = "Use published aggregates only (BRES), no firm-level data" };
    public Option<int?> Draws { get; } = new("--draws") { Description = "Monte Carlo draws (default: the spec's, 1,000)" };
    public Option<int?> Seed { get; } = new("--seed") { Description = "Seed of every random draw (default: the spec's)" };
    public Option<int?> Jobs { get; } = new("--jobs") { Description = "Threads for Monte Carlo (results are identical for any value)" };
    public Option<string?> Data { get; } = new("--data") { Description = "The datasets/ folder (default: found from the current or program folder)" };

    public void AddTo(Command cmd)
    {
        foreach (var o in new Option[] { Region, Spec, Level, Year, BaseYear, Micro, NoMicro, Draws, Seed, Jobs, Data }) cmd.Options.Add(o);
    }

    public RunChoices Choices(ParseResult pr)
    {
        if (pr.GetValue(Micro) is not null && pr.GetValue(NoMicro)) throw new UsageException("give either --micro FILE or --no-micro, not both");
        return new RunChoices(pr.GetValue(Level), pr.GetValue(Year), pr.GetValue(BaseYear), pr.GetValue(Micro), pr.GetValue(NoMicro),
            pr.GetValue(Draws), pr.GetValue(Seed), pr.GetValue(Jobs));
    }
}
