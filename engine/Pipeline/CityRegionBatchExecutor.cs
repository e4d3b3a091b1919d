using System.Globalization;
using CompeteModel.Engine.Batch;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Ingest.Uk;

namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// Runs one batch plan entry (<see cref="BatchRunner"/>'s executor) as <c>compete run</c> would: region × spec × years × option set, seeded with the plan's
/// seed, writing every run output (<see cref="RunOutputs"/>) into the run's work folder. The UK data are loaded once
/// and shared by parallel runs. Option-set keys: <c>draws</c>, <c>level</c>, <c>micro</c> (a firm-data file),
/// <c>no_micro</c> (true/false), <c>bootstrap_draws</c>, <c>bres</c> (a NOMIS BRES download, as <c>--bres</c>),
/// <c>bres_status</c>, <c>bres_measure</c>; any other key fails the run with the list of keys.
/// Years "FIRST-LAST" set the base and end year; a single year sets the end year (base year from the spec).
/// </summary>
public sealed class CityRegionBatchExecutor
{
    public static readonly string[] OptionKeys = ["bootstrap_draws", "bres", "bres_measure", "bres_status", "draws", "generated_firms", "level", "micro", "no_micro"];

    private readonly Lazy<(string DataDir, UkData Uk)> _data;
    private readonly string _toolVersion;

    /// <param name="dataDir">Finds the datasets/ folder when the first run needs it (the CLI resolves <c>--data</c> or the current folder).</param>
    /// <param name="toolVersion">The version recorded in each run's run.json.</param>
    public CityRegionBatchExecutor(Func<string> dataDir, string toolVersion)
    {
        _toolVersion = toolVersion;
        _data = new Lazy<(string, UkData)>(() =>
        {
            var dir = dataDir();
            return (dir, UkData.Load(dir));
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <param name="dataDir">The datasets/ folder.</param>
    /// <param name="toolVersion">The version recorded in each run's run.json.</param>
    public CityRegionBatchExecutor(string dataDir, string toolVersion) : this(() => Path.GetFullPath(dataDir), toolVersion) { }

    public BatchRunOutcome Execute(BatchRun run, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        foreach (var kv in run.Options.Values)
            if (!OptionKeys.Contains(kv.Key))
                throw new InputException($"unknown option '{kv.Key}' in option set '{run.Options.Name}'; the keys are: {string.Join(", ", OptionKeys)}",
                    field: "options." + run.Options.Name + "." + kv.Key);
        var (dataDir, uk) = _data.Value;
        if (run.Options.Get("bres") is { } bres)
            uk = new DataChoice(bres, run.Options.Get("bres_status"), run.Options.Get("bres_measure")).Load(dataDir);
        else if (run.Options.Get("bres_status") is not null || run.Options.Get("bres_measure") is not null)
            throw new InputException($"option set '{run.Options.Name}' gives bres_status or bres_measure without bres", field: "options." + run.Options.Name);
        var region = uk.Geography.Resolve(run.Region);
        var choices = new RunChoices(
            Level: run.Options.Get("level"),
            Year: run.Years.Last,
            BaseYear: run.Years.First == run.Years.Last ? null : run.Years.First,
            MicroFile: run.Options.Get("micro"),
            NoMicro: Bool(run, "no_micro"),
            Draws: Int(run, "draws"),
            Seed: run.Seed,
            Jobs: 1)
        { GeneratedFirms = Bool(run, "generated_firms") };
        if (choices.MicroFile is not null && choices.NoMicro)
            throw new InputException($"option set '{run.Options.Name}' gives both micro and no_micro", field: "options." + run.Options.Name);
        var (request, inputs) = RunSetup.Request(uk, region, run.SpecFile, choices);
        if (Int(run, "bootstrap_draws") is { } bd) request = request with { BootstrapDraws = bd };
        var result = CityRegionRun.Execute(uk, request);
        ct.ThrowIfCancellationRequested();
        RunOutputs.Write(result, run.WorkDirectory, RunSetup.Manifest(uk, result, run.SpecFile, inputs, dataDir, _toolVersion));
        return BatchRunOutcome.Success(result.Warnings.Distinct().ToArray());
    }

    private static int? Int(BatchRun run, string key)
    {
        if (run.Options.Get(key) is not { } v) return null;
        if (int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0) return n;
        throw new InputException($"option '{key}' must be a positive whole number (got '{v}')", field: "options." + run.Options.Name + "." + key);
    }

    private static bool Bool(BatchRun run, string key)
    {
        if (run.Options.Get(key) is not { } v) return false;
        if (bool.TryParse(v, out var b)) return b;
        throw new InputException($"option '{key}' must be true or false (got '{v}')", field: "options." + run.Options.Name + "." + key);
    }
}
