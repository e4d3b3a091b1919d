using CompeteModel.Engine.Errors;

namespace CompeteModel.Cli.Infrastructure;

/// <summary>Runs a command's handler and turns its outcome into an exit code: the one place errors are decided.</summary>
public static class Guard
{
    public static int Run(Func<int> handler)
    {
        try
        {
            return handler();
        }
        catch (InputException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return ExitCodes.BadInput;
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine("usage error: " + e.Message);
            return ExitCodes.Usage;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine("internal error (please report): " + e);
            return ExitCodes.Internal;
        }
    }
}

/// <summary>A usage error found after parsing (options that conflict, a value of the wrong form).</summary>
public sealed class UsageException(string message) : Exception(message);
