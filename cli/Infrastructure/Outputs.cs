using System.Globalization;
using CompeteModel.Engine.IO;

namespace CompeteModel.Cli.Infrastructure;

/// <summary>
/// Starts a command's output transaction (<see cref="OutputTransaction"/>) in the name of this process, so a second
/// writer to the same folder or file is told which command, process and machine holds it, and since when.
/// </summary>
public static class Outputs
{
    public static OutputTransaction Begin(string command) => OutputTransaction.Begin(Holder(command));

    /// <summary>Adds a table output (.csv or .parquet, checked before anything is locked) and returns where to write it.</summary>
    public static string Table(this OutputTransaction tx, string path, string field = "--out")
    {
        if (!TableFiles.IsParquet(path) && !path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            throw new Engine.Errors.InputException("output must end in .csv or .parquet", path, field: field);
        return tx.File(path, field);
    }

    /// <summary>"compete run, process 1234 on host, since 2026-11-30 18:00:00Z".</summary>
    public static string Holder(string command) => string.Create(CultureInfo.InvariantCulture,
        $"compete {command}, process {Environment.ProcessId} on {Environment.MachineName}, since {DateTime.UtcNow:u}");
}
