namespace CompeteModel.Engine.Backtest;

/// <summary>
/// Entry into and exit from specialisation between two years, cell by cell (Neffke, Henning and Boschma 2011;
/// EconGeo's <c>entry_list</c>/<c>exit_list</c>): a cell is at risk of entry when RCA₀ &lt; threshold and enters when
/// RCA₁ ≥ threshold; it is at risk of exit when RCA₀ ≥ threshold and exits when RCA₁ &lt; threshold. Codes:
/// 1 = entered (exited), 0 = at risk and did not, −1 = not at risk or undefined (an RCA is NaN).
/// </summary>
public static class Transitions
{
    public const sbyte NotAtRisk = -1;

    /// <summary>Entry codes from RCA at t0 and t1.</summary>
    public static void Entries(ReadOnlySpan<double> rca0, ReadOnlySpan<double> rca1, double threshold, Span<sbyte> outcome)
    {
        Check(rca0, rca1, outcome);
        for (int i = 0; i < rca0.Length; i++)
            outcome[i] = double.IsNaN(rca0[i]) || double.IsNaN(rca1[i]) || rca0[i] >= threshold ? NotAtRisk : rca1[i] >= threshold ? (sbyte)1 : (sbyte)0;
    }

    /// <summary>Exit codes from RCA at t0 and t1.</summary>
    public static void Exits(ReadOnlySpan<double> rca0, ReadOnlySpan<double> rca1, double threshold, Span<sbyte> outcome)
    {
        Check(rca0, rca1, outcome);
        for (int i = 0; i < rca0.Length; i++)
            outcome[i] = double.IsNaN(rca0[i]) || double.IsNaN(rca1[i]) || rca0[i] < threshold ? NotAtRisk : rca1[i] < threshold ? (sbyte)1 : (sbyte)0;
    }

    private static void Check(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<sbyte> o)
    {
        if (a.Length != b.Length || o.Length != a.Length) throw new ArgumentException("rca0, rca1 and outcome must have the same length");
    }
}
