namespace CompeteModel.Engine.Complexity;

/// <summary>
/// When a year's eigenvector ECI is called reliable. All four must hold; each failing one adds a
/// sentence to the year's warning. The defaults are documented choices, not published constants:
/// <list type="bullet">
/// <item><see cref="MinProducts"/> = 30: with 10–20 economic sections the second eigenvector is
/// decided by a handful of sectors and its sign is not identified (METHODS.md).</item>
/// <item><see cref="MinEigengap"/> = 1.05: λ2/λ3 close to 1 means the second and third eigenvectors
/// nearly tie, so small changes in M can swap them.</item>
/// <item><see cref="MinSignCorrelation"/> = 0.3: the correlation that fixed the sign (with diversity,
/// with the anchor, or — for previous-year alignment — the weakest link of the chain back to the first
/// year's diversity correlation) must be clear, or the orientation of the ranking is a coin toss.</item>
/// <item><see cref="MinReflectionsAgreement"/> = 0.8: |Spearman| between the eigenvector ECI and the
/// method-of-reflections ECI after the configured iterations; reflections are power iteration on the
/// same operator, so low agreement means the eigenvector is not dominant.</item>
/// </list>
/// </summary>
public sealed record ReliabilityThresholds
{
    public int MinProducts { get; init; } = 30;
    public double MinEigengap { get; init; } = 1.05;
    public double MinSignCorrelation { get; init; } = 0.3;
    public double MinReflectionsAgreement { get; init; } = 0.8;
}
