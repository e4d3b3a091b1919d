namespace CompeteModel.Engine.Scoring;

/// <summary>
/// Run options that are not part of the model. <see cref="MaxDegreeOfParallelism"/> only changes speed: Monte Carlo
/// output is byte-identical for any value (−1 = the runtime's default). <see cref="TopN"/> is the "top N" of the
/// weight-set comparison and <see cref="Movers"/> how many biggest movers per weight set are listed.
/// </summary>
public sealed record ScoringOptions(int MaxDegreeOfParallelism = -1, int TopN = 10, int Movers = 5)
{
    /// <summary>The defaults.</summary>
    public static ScoringOptions Default { get; } = new();
}
