using System.CommandLine;
using CompeteModel.Cli.Infrastructure;
using CompeteModel.Engine.Backtest;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Pipeline;
using CompeteModel.Engine.Scoring;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Cli.Commands;

/// <summary>
/// <c>compete backtest</c>: does the model predict? Relatedness density, COG, PCI and the composite measured at
/// <c>--from</c> against entry, exit and relative growth by <c>--to</c> over the 40 GB ITL2 areas (issue 19;
/// <see cref="UkBacktest"/>). Writes backtest.md/.html, backtest.csv and two SVG charts; prints the key numbers.
/// </summary>
public static class BacktestCommand
{
    public static Command Create()
    {
        var from = new Option<int>("--from") { Description = "t0: the BRES year the indicators are measured in.", DefaultValueFactory = _ => 2015 };
        var to = new Option<int>("--to") { Description = "t1: the BRES year entry, exit and growth are read at.", DefaultValueFactory = _ => 2021 };
        var level = new Option<string>("--level") { Description = "SIC level of the sectors (the robustness check adds the other of division and subclass).", DefaultValueFactory = _ => "division" };
        level.AcceptOnlyFromAmong("division", "group", "class", "subclass");
        var spec = new Option<string>("--spec") { Description = "The spec whose composite is tested (file or shipped name).", DefaultValueFactory = _ => "city-region" };
        var draws = new Option<int>("--draws") { Description = "Cluster-bootstrap draws behind each 95% interval.", DefaultValueFactory = _ => 1000 };
        var seed = new Option<long?>("--seed") { Description = "Seed of the bootstrap and the placebo shuffle (default: the spec's)." };
        var minJobs = new Option<double>("--min-jobs") { Description = "Robustness: drop cells with fewer jobs than this at t0 or t1.", DefaultValueFactory = _ => 50 };
        var window = new Option<int>("--window") { Description = "Robustness: years averaged at each endpoint.", DefaultValueFactory = _ => 2 };
        var noRobustness = new Option<bool>("--no-robustness") { Description = "Only the main variant (faster)." };
        var data = new Option<string?>("--data") { Description = "The datasets/ folder (default: found from the current directory)." };
        var output = new Option<string?>("--out") { Description = "Output folder; default out/backtest-<level>-<from>-<to>." };
        var cmd = new Command("backtest", "Does the model predict? Entry AUCs, logits and growth correlations of density, COG, PCI and the composite over the 40 GB ITL2 areas, with a placebo and robustness checks.");
        foreach (var o in new Option[] { from, to, level, spec, draws, seed, minJobs, window, noRobustness, data, output }) cmd.Options.Add(o);
        cmd.SetAction(pr => Guard.Run(() =>
        {
            if (pr.GetValue(draws) < 0) throw new UsageException("--draws must be 0 or more");
            if (pr.GetValue(window) < 1) throw new UsageException("--window must be at least 1");
            if (!(pr.GetValue(minJobs) >= 0)) throw new UsageException("--min-jobs must be 0 or more");
            using var tx = Outputs.Begin("backtest");
            string? staged = pr.GetValue(output) is { } given ? tx.Folder(given) : null;
            var dataDir = DataPaths.Resolve(pr.GetValue(data));
            var uk = UkData.Load(dataDir);
            var model = ModelSpec.Load(RunSetup.SpecPath(dataDir, pr.GetValue(spec)!));
            var lvl = Enum.Parse<SectorLevel>(pr.GetValue(level)!, ignoreCase: true);
            var request = new BacktestRequest
            {
                From = pr.GetValue(from),
                To = pr.GetValue(to),
                Level = lvl,
                Spec = model,
                Draws = pr.GetValue(draws),
                Seed = pr.GetValue(seed) ?? model.Seed,
                MinJobs = pr.GetValue(minJobs),
                Window = pr.GetValue(window),
                Robustness = !pr.GetValue(noRobustness),
            };
            var result = UkBacktest.Run(uk, request, new Progress<string>(s => Console.Error.WriteLine("backtest: " + s)));
            var dir = pr.GetValue(output) ?? Path.Combine("out", $"backtest-{pr.GetValue(level)}-{request.From}-{request.To}");
            var written = BacktestFiles.Write(result, staged ?? tx.Folder(dir));
            tx.Commit();
            Console.Out.Write(BacktestMarkdown.Summary(result));
            Console.Error.WriteLine("wrote " + string.Join(", ", written.Select(Path.GetFileName)) + " to " + Path.GetFullPath(dir));
            return ExitCodes.Success;
        }));
        return cmd;
    }
}
