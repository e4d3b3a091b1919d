using System.Runtime.ExceptionServices;

namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// Work items run side by side whose failures are reported as if they had run in turn: items after a failing one may be
/// skipped, every item before it runs, and once all started items have
/// ended, the error of the lowest-numbered failing item is rethrown as it was thrown (an input error stays an input
/// error, never an <see cref="AggregateException"/>), so what a user sees does not depend on the scheduling.
/// </summary>
internal static class OrderedParallel
{
    public static void For(int count, int maxParallel, Action<int> body)
    {
        var errors = new Exception?[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxParallel) }, (i, state) =>
        {
            try
            {
                body(i);
            }
            catch (Exception e)
            {
                errors[i] = e;
                state.Break(); // every lower item still runs, so the lowest failing one is found whatever the order
            }
        });
        foreach (var e in errors)
            if (e is not null) ExceptionDispatchInfo.Capture(e).Throw();
    }
}
