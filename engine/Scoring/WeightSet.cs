namespace CompeteModel.Engine.Scoring;

/// <summary>
/// A named alternative set of weights (what a stakeholder workshop produces, e.g. "productivity-first").
/// <see cref="PillarWeights"/> holds one normalised weight per pillar, in the spec's pillar order;
/// <see cref="IndicatorWeights"/> one normalised weight array per pillar, in the pillar's indicator order.
/// Pillars or indicators the set does not mention keep the spec's base weights.
/// </summary>
public sealed record WeightSet(string Name, IReadOnlyList<double> PillarWeights, IReadOnlyList<IReadOnlyList<double>> IndicatorWeights, long Line);
