using CompeteModel.Engine.Scoring;

namespace CompeteModel.Engine.Reporting;

/// <summary>
/// What the report's weight explorer and the workbook's formulas recompute from: the normalised indicator values the
/// engine aggregated (one row per scored unit, in the model's indicator order), the weights of the base run and of every
/// named weight set, and each set's ranks as the engine computed them. The numbers are taken from the
/// <see cref="ScoreResult"/>s, never recomputed, so that a change to the model flows into the page and the workbook.
/// </summary>
/// <param name="Aggregation">Arithmetic or geometric, as in the spec.</param>
/// <param name="PillarIds">The spec's pillars, in order.</param>
/// <param name="Indicators">The model's indicators, in pillar order (the order of <see cref="ExplorerUnit.Normalised"/>).</param>
/// <param name="Units">Scored units, in base rank order.</param>
/// <param name="WeightSets">"base" first, then each named weight set, with its weights and the engine's ranks.</param>
public sealed record WeightExplorer(
    AggregationMethod Aggregation,
    IReadOnlyList<string> PillarIds,
    IReadOnlyList<ExplorerIndicator> Indicators,
    IReadOnlyList<ExplorerUnit> Units,
    IReadOnlyList<ExplorerWeightSet> WeightSets)
{
    /// <summary>Builds the explorer from a weight-set comparison (its first result is the base run).</summary>
    /// <param name="label">A plain-English label for an indicator id.</param>
    public static WeightExplorer From(WeightSetComparison sets, Func<string, string> label)
    {
        var b = sets.Results[0];
        var pillarIndex = b.PillarIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        var indicators = b.Indicators.Select((u, k) => new ExplorerIndicator(u.Id, label(u.Id), pillarIndex[u.PillarId], u.Provenance, u.Used)).ToArray();
        var units = b.Units.Select(u => new ExplorerUnit(u.Code, u.Name, u.Normalised.ToArray(), u.PillarScores.ToArray())).ToArray();
        var weightSets = sets.Results.Select(r =>
        {
            var rank = r.Units.ToDictionary(u => u.Code, u => u.Rank, StringComparer.Ordinal);
            var composite = r.Units.ToDictionary(u => u.Code, u => u.Composite, StringComparer.Ordinal);
            return new ExplorerWeightSet(r.WeightSet, r.PillarWeights.ToArray(), r.IndicatorWeights.ToArray(),
                units.Select(u => rank[u.Code]).ToArray(), units.Select(u => composite[u.Code]).ToArray());
        }).ToArray();
        return new WeightExplorer(b.Aggregation, b.PillarIds.ToArray(), indicators, units, weightSets);
    }
}
