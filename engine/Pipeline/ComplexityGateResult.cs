namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// The non-circular diagnostics that decide whether complexity indicators enter the composite (spec
/// <c>complexity_gate</c>): per end-window year, Pearson(ECI, diversity) after the productivity anchor (positive = the
/// diversity rule and the anchor agree); the Spearman correlation of PCI between the end year and the year before;
/// whether both pass; and which indicators were taken out of the composite because they did not.
/// </summary>
public sealed record ComplexityGateResult(
    IReadOnlyList<int> Years,
    IReadOnlyList<double> CorrDiversity,
    double YearStability,
    double MinYearStability,
    bool SignsAgree,
    bool Stable,
    IReadOnlyList<string> Excluded)
{
    /// <summary>True when both diagnostics pass and the complexity indicators are scored.</summary>
    public bool Passed => SignsAgree && Stable;
}
