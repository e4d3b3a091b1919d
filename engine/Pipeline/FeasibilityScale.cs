using CompeteModel.Engine.Complexity;
using CompeteModel.Engine.Indicators;
using CompeteModel.Engine.Scoring;

namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// The reliability numbers of one run (the nation, or the city region) for the feasibility report.
/// <see cref="MeanBandWidth"/> = mean over scored units of the 5–95% Monte Carlo rank band width (P95 − P05);
/// <see cref="RelativeBandWidth"/> = that divided by (units − 1), so scales with different numbers of units compare;
/// <see cref="ShareUnreliableCells"/> = unreliable cells / all cells of the model's indicators, where
/// <see cref="UnreliableCellsRule"/> says what counted (missing values, rounding, eigenvector results the
/// diagnostics reject); <see cref="Complexity"/> the complexity diagnostics of the run (null when none was computed).
/// </summary>
public sealed record FeasibilityScale(
    string Label,
    int Units,
    int Unscored,
    double MeanBandWidth,
    double RelativeBandWidth,
    int BandsExcludingPoint,
    double ShareUnreliableCells,
    string UnreliableCellsRule,
    ComplexityDiagnostics? Complexity)
{
    /// <summary>Indicators that rest on the eigenvector (PCI, and COG through PCI): unreliable when the diagnostics are.</summary>
    public static IReadOnlyList<string> EigenvectorIndicators { get; } = [IndicatorIds.Pci, IndicatorIds.Cog, "eci", "coi"];

    /// <summary>
    /// The national side: a cell of a model indicator is unreliable when it is missing, or when it is one of
    /// <see cref="EigenvectorIndicators"/> and the complexity diagnostics are not reliable (trade and Eurostat
    /// aggregates carry no disclosure rounding, so nothing else counts).
    /// </summary>
    public static FeasibilityScale FromNational(NationalRunResult run, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        var m = run.Matrix;
        var ids = run.Score.Indicators.Select(i => i.Id).ToArray();
        bool eigenOk = run.Diagnostics.Reliable;
        long cells = 0, bad = 0;
        foreach (var id in ids)
        {
            int j = m.ColumnOf(id);
            bool eigen = EigenvectorIndicators.Contains(id);
            for (int u = 0; u < m.UnitCount; u++)
            {
                cells++;
                if (double.IsNaN(m[u, j]) || (eigen && !eigenOk)) bad++;
            }
        }
        var rule = "missing values" + (eigenOk ? "" : "; and every " + string.Join("/", ids.Where(EigenvectorIndicators.Contains)) + " value, because the complexity diagnostics reject the eigenvector");
        return FromBands(label ?? run.Location + (run.Time.Length > 0 ? " " + run.Time : ""), run.MonteCarlo, run.Score.Unscored.Count,
            cells == 0 ? double.NaN : (double)bad / cells, rule, run.Diagnostics);
    }

    /// <summary>Band statistics from a Monte Carlo result, with the caller's unreliable-cell share and diagnostics.</summary>
    public static FeasibilityScale FromBands(string label, MonteCarloResult monteCarlo, int unscored, double shareUnreliableCells, string unreliableCellsRule, ComplexityDiagnostics? complexity)
    {
        ArgumentNullException.ThrowIfNull(monteCarlo);
        var bands = monteCarlo.Bands;
        int n = bands.Count;
        double mean = n == 0 ? double.NaN : bands.Average(b => b.Width);
        return new FeasibilityScale(label, n, unscored, mean, n > 1 ? mean / (n - 1) : double.NaN, bands.Count(b => !b.ContainsPoint),
            shareUnreliableCells, unreliableCellsRule, complexity);
    }
}
