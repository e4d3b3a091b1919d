namespace CompeteModel.Cli.Infrastructure;

/// <summary>The exit codes of every <c>compete</c> command.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>Bad input: a file, a spec or a value that the user can fix. The message names file, line and field.</summary>
    public const int BadInput = 1;
    /// <summary>Usage error: unknown command or option, missing required option.</summary>
    public const int Usage = 2;
    /// <summary>An internal fault (a bug): the message and a stack trace go to stderr.</summary>
    public const int Internal = 70;
}
