using System.Globalization;
using CompeteModel.Engine.Batch;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.Pipeline;

namespace CompeteModel.Cli.Infrastructure;

/// <summary>
/// Runs one batch plan entry as <c>compete run</c> would: region × spec × years × option set, seeded with the plan's
/// seed, writing every run output (<see cref="RunOutputs"/>) into the run's work folder. The UK data are loaded once
/// and shared by parallel runs. Option-set keys: <c>draws</c>, <c>level</c>, <c>micro</c> (a firm-data file),
/// <c>no_micro</c> (true/false), <c>bootstrap_draws</c>; any other key fails the run with the list of keys.
/// Years "FIRST-LAST" set the base and end year; a single year sets the end year (base year from the spec).
/// </summary>
public sealed class BatchExecutor
{
    public static readonly string[] OptionKeys = ["bootstrap_draws", "draws", "generated_firms", "level", "micro", "no_micro"];

    private readonly Lazy<(string DataDir, UkData Uk)> _data;

    /// <param name="dataDir">The datasets/ folder; null finds it as the other commands do.</param>
    public BatchExecutor(string? dataDir = null)
    {
        _data = new Lazy<(string, UkData)>(() =>
        {
            var dir = DataPaths.Resolve(dataDir);
            return (dir, UkData.Load(dir));
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public BatchRunOutcome Execute(BatchRun run, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        foreach (var kv in run.Options.Values)
            if (!OptionKeys.Contains(kv.Key))
                throw new InputException($"unknown option '{kv.Key}' in option set '{run.Options.Name}'; the keys are: {string.Join(", ", OptionKeys)}",
                    field: "options." + run.Options.Name + "." + kv.Key);
        var (dataDir, uk) = _data.Value;
        var region = uk.Geography.Resolve(run.Region);
        var choices = new RunChoices(
            Level: run.Options.Get("level"),
            Year: run.Years.Last,
            BaseYear: run.Years.First == run.Years.Last ? null : run.Years.First,
            MicroFile: run.Options.Get("micro"),
            NoMicro: Bool(run, "no_micro"),
            Draws: Int(run, "draws"),
            Seed: run.Seed,
            Jobs: 1) { GeneratedFirms = Bool(run, "generated_firms") };
        if (choices.MicroFile is not null && choices.NoMicro)
            throw new InputException($"option set '{run.Options.Name}' gives both micro and no_micro", field: "options." + run.Options.Name);
        var (request, inputs) = RunSetup.Request(uk, region, run.SpecFile, choices);
        if (Int(run, "bootstrap_draws") is { } bd) request = request with { BootstrapDraws = bd };
        var result = CityRegionRun.Execute(uk, request);
        ct.ThrowIfCancellationRequested();
        RunOutputs.Write(result, run.WorkDirectory, new RunManifestInfo(RunSetup.Version, run.SpecFile, inputs, dataDir));
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
