namespace CompeteModel.Engine.Reporting;

/// <summary>
/// One set of weights in the weight explorer: pillar weights (spec pillar order), indicator weights (model indicator
/// order), and the engine's rank and composite of each unit under them (in <see cref="WeightExplorer.Units"/> order).
/// </summary>
public sealed record ExplorerWeightSet(string Name, IReadOnlyList<double> PillarWeights, IReadOnlyList<double> IndicatorWeights, IReadOnlyList<int> Ranks, IReadOnlyList<double> Composites);
