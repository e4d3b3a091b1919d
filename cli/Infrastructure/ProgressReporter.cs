using Spectre.Console;

namespace CompeteModel.Cli.Infrastructure;

/// <summary>
/// Shows an engine's <see cref="IProgress{T}"/> reports on stderr: a live Spectre.Console progress bar
/// when stderr is a terminal, plain lines ("[3/12] ...") when it is redirected (a log file, a CI job,
/// a Slurm output file). Dispose to finish the display.
/// </summary>
public sealed class ProgressReporter<T> : IProgress<T>, IDisposable
{
    private readonly Func<T, ProgressSnapshot> _describe;
    private readonly TextWriter? _plain;
    private readonly object _gate = new();
    private readonly Queue<string> _lines = new();
    private readonly Task? _live;
    private ProgressSnapshot _latest;
    private volatile bool _stopping;

    /// <param name="title">The bar's label, e.g. "batch".</param>
    /// <param name="describe">Turns a report into done/total and a line to log.</param>
    /// <param name="interactive">Force live (true) or plain (false); null decides by whether stderr is redirected.</param>
    /// <param name="plainWriter">Where plain lines go (stderr by default).</param>
    public ProgressReporter(string title, Func<T, ProgressSnapshot> describe, bool? interactive = null, TextWriter? plainWriter = null)
    {
        _describe = describe;
        if (interactive ?? !Console.IsErrorRedirected)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            _live = Task.Run(() => console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask(Markup.Escape(title), maxValue: 1);
                    while (true)
                    {
                        bool last = _stopping;
                        ProgressSnapshot s;
                        string[] lines;
                        lock (_gate)
                        {
                            s = _latest;
                            lines = _lines.ToArray();
                            _lines.Clear();
                        }
                        foreach (var l in lines) console.MarkupLine(Markup.Escape(l));
                        if (s.Total > 0)
                        {
                            task.MaxValue = s.Total;
                            task.Value = s.Done;
                        }
                        ctx.Refresh();
                        if (last) break;
                        Thread.Sleep(100);
                    }
                }));
        }
        else _plain = plainWriter ?? Console.Error;
    }

    public void Report(T value)
    {
        var s = _describe(value);
        lock (_gate)
        {
            _latest = s;
            if (_plain is not null)
            {
                if (s.Line is not null)
                    _plain.WriteLine(s.Total > 0 ? $"[{s.Done:0}/{s.Total:0}] {s.Line}" : s.Line);
            }
            else if (s.Line is not null) _lines.Enqueue(s.Line);
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _live?.Wait();
        _plain?.Flush();
    }
}
