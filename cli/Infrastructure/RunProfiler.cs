using System.Diagnostics;
using CompeteModel.Engine.Pipeline;

namespace CompeteModel.Cli.Infrastructure;

/// <summary>
/// Records, for <c>--profile</c>, the wall time since the command started and the process's peak working set at the start
/// of each stage: the data load, every typed <see cref="RunStage"/> the engine reports, and the writing of the outputs.
/// The clock is read here, never in the engine; the records go into run.json only when asked for.
/// </summary>
public sealed class RunProfiler
{
    /// <summary>The stage before the engine's: reading the datasets.</summary>
    public const string Load = "load";

    /// <summary>The stage after the engine's: writing the run's files.</summary>
    public const string Outputs = "outputs";

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<RunProfileEntry> _entries = [];
    private readonly object _gate = new();

    /// <summary>Seconds since the command started.</summary>
    public double Elapsed => _clock.Elapsed.TotalSeconds;

    public IReadOnlyList<RunProfileEntry> Entries
    {
        get { lock (_gate) return _entries.ToArray(); }
    }

    public void Mark(RunStage stage) => Mark(stage.ToString().ToLowerInvariant());

    public void Mark(string stage)
    {
        using var self = Process.GetCurrentProcess();
        var entry = new RunProfileEntry(stage, _clock.Elapsed.TotalSeconds, self.PeakWorkingSet64 / (1024.0 * 1024.0));
        lock (_gate) _entries.Add(entry);
    }
}
