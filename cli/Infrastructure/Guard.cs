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
        catch (AggregateException e) when (e.Flatten().InnerExceptions is { Count: > 0 } inner && inner.All(x => x is InputException))
        {
            // parallel work (years, regions) that failed on the user's input: the first message, as if it had run alone
            Console.Error.WriteLine("error: " + e.Flatten().InnerExceptions[0].Message);
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
