using System.Diagnostics;
using CompeteModel.Engine.Complexity;
using CompeteModel.Engine.IO;

namespace CompeteModel.Benchmarks;

/// <summary>
/// Where a <c>compete complexity --input</c> run spends its time, stage by stage, in one process: read the long
/// CSV into matrices, the complexity suite for every period, the output table, the CSV file (from the table, and straight from the results as the CLI writes it). Each stage is
/// run <c>repeats</c> times and its fastest time (wall and this process's CPU) printed, so a loaded machine's
/// noise shows as spread, not as the figure.
/// </summary>
public static class ComplexityStages
{
    public static void Run(string input, string loc, string prod, string val, string? time, string output, int repeats)
    {
        ComplexityInput? data = null;
        IReadOnlyList<ComplexityYearResult>? results = null;
        Table? table = null;
        Time("  (decode text)", repeats, () => TextFiles.ReadAllText(input));
        Time("  (cut into fields)", repeats, () =>
        {
            using var csv = CsvReader.Open(input);
            while (csv.Read()) { }
        });
        Time("read CSV → matrices", repeats, () => data = ComplexityInput.Read(input, loc, prod, val, time));
        Time("complexity, all periods", repeats, () => results = ComplexityCalculator.ComputePanel(data!.Years, new ComplexityOptions(), null, null));
        Time("output table", repeats, () => table = ComplexityOutput.ToTable(results!, loc, prod, time));
        foreach (bool parallel in new[] { false, true })
            Time(parallel ? "format CSV, parallel blocks" : "format CSV, one thread", repeats, () => CsvTableWriter.Write(table!, Stream.Null, parallel));
        Time("write CSV file (atomic)", repeats, () => TableFiles.Write(table!, output));
        // What the CLI does since 2026-11-30: the CSV straight from the results, no output table.
        Time("format CSV from results", repeats, () => ComplexityOutput.WriteCsv(results!, loc, prod, time, Stream.Null));
        Time("write CSV file from results", repeats, () => ComplexityOutput.Write(results!, loc, prod, time, output));
    }

    private static void Time(string stage, int repeats, Action run)
    {
        double bestWall = double.MaxValue, bestCpu = double.MaxValue;
        var process = Process.GetCurrentProcess();
        for (int i = 0; i < repeats; i++)
        {
            GC.Collect();
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            run();
            sw.Stop();
            process.Refresh();
            bestWall = Math.Min(bestWall, sw.Elapsed.TotalSeconds);
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu0).TotalSeconds);
        }
        Console.WriteLine($"{stage,-28} best wall {bestWall,7:0.000} s   best CPU {bestCpu,7:0.000} s");
    }
}
