using System.CommandLine;
using CompeteModel.Cli.Infrastructure;

namespace CompeteModel.Cli;

/// <summary>Wires the commands; each command is its own class under Commands/.</summary>
public static class CommandCatalog
{
    public static RootCommand Build()
    {
        var root = new RootCommand("CompeteModel: which sectors and enabling technologies a city region should build its industrial strategy on.");
        root.Subcommands.Add(Commands.RunCommand.Create());
        root.Subcommands.Add(Commands.FeasibilityCommand.Create());
        root.Subcommands.Add(Commands.IndicatorsCommand.Create());
        root.Subcommands.Add(Commands.TechnologiesCommand.Create());
        root.Subcommands.Add(Commands.ProcurementCommand.Create());
        root.Subcommands.Add(Commands.ComplexityCommand.Create());
        root.Subcommands.Add(Commands.DatasetsCommand.Create());
        root.Subcommands.Add(Commands.DataCheckCommand.Create());
        root.Subcommands.Add(Commands.CompareCommand.Create());
        root.Subcommands.Add(Commands.ExplainCommand.Create());
        root.Subcommands.Add(Commands.BatchCommand.Create(new Engine.Pipeline.CityRegionBatchExecutor(() => DataPaths.Resolve(null), ToolVersion.Value).Execute));
        root.Subcommands.Add(Commands.BacktestCommand.Create());
        return root;
    }

    /// <summary>Parses and runs; parse errors are usage errors (exit 2) reported on stderr.</summary>
    public static int Invoke(string[] args)
    {
        var root = Build();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) Console.Error.WriteLine("usage error: " + e.Message);
            Console.Error.WriteLine("run 'compete --help' for the commands and options");
            return ExitCodes.Usage;
        }
        return parse.Invoke();
    }
}
