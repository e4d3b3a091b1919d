using CompeteModel.Cli;

namespace CompeteModel.Tests;

/// <summary>
/// The one way tests touch the process-wide console: the CLI runs in-process with stdout and stderr captured, one
/// invocation at a time (a lock, and the test classes that use it belong to the serialised "Console" collection,
/// <see cref="ConsoleCollection"/>), so no test's output leaks into another's capture.
/// </summary>
public static class CliCapture
{
    private static readonly object Gate = new();

    public static (int Code, string Out, string Err) Run(params string[] args) => Capture(() => CommandCatalog.Invoke(args));

    /// <summary>The exit code of <see cref="Run"/>, for tests that check only the code.</summary>
    public static int Invoke(params string[] args) => Run(args).Code;

    /// <summary>Runs any console-writing action (e.g. a command wired to a test executor) under the same capture.</summary>
    public static (int Code, string Out, string Err) Capture(Func<int> action)
    {
        lock (Gate)
        {
            var (oldOut, oldErr) = (Console.Out, Console.Error);
            var (o, e) = (new StringWriter(), new StringWriter());
            Console.SetOut(o);
            Console.SetError(e);
            try { return (action(), o.ToString(), e.ToString()); }
            finally { Console.SetOut(oldOut); Console.SetError(oldErr); }
        }
    }
}

/// <summary>Test classes that run the CLI in-process (through <see cref="CliCapture"/>) run one at a time, apart from the rest.</summary>
[CollectionDefinition("Console", DisableParallelization = true)]
public sealed class ConsoleCollection;
