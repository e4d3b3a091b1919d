using CompeteModel.Cli;

namespace CompeteModel.Tests;

/// <summary>
/// Runs the CLI in-process with stdout and stderr captured. Console redirection is process-wide, so test classes
/// that use it belong to the "Console" collection (they run one at a time).
/// </summary>
public static class CliCapture
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        var (o, e) = (new StringWriter(), new StringWriter());
        Console.SetOut(o);
        Console.SetError(e);
        try { return (CommandCatalog.Invoke(args), o.ToString(), e.ToString()); }
        finally { Console.SetOut(oldOut); Console.SetError(oldErr); }
    }
}
