using CompeteModel.Engine.IO;

namespace CompeteModel.Engine.Scoring;

/// <summary>
/// Scoring results as <see cref="Table"/>s for <see cref="TableFiles.Write"/> (CSV or Parquet). Column order is fixed by
/// the spec (pillar and indicator order) and row order by rank, so the same inputs and seed give the same bytes.
/// Each indicator's provenance (published statistics or generated data) is in <see cref="Indicators"/>.
/// </summary>
public static class ScoreTables
{
    /// <summary>One row per scored unit in rank order: composite, pillar scores, contributions, gaps to the next unit, quadrants.</summary>
    public static Table Scores(ScoreResult r)
    {
        var cols = new List<TableColumn>
        {
            TableColumn.Of("unit", r.Units.Select(u => (string?)u.Code).ToArray()),
            TableColumn.Of("name", r.Units.Select(u => (string?)u.Name).ToArray()),
            TableColumn.Of("weight_set", r.Units.Select(_ => (string?)r.WeightSet).ToArray()),
            TableColumn.Of("rank", r.Units.Select(u => u.Rank).ToArray()),
            TableColumn.Of("composite", r.Units.Select(u => u.Composite).ToArray()),
        };
        for (int p = 0; p < r.PillarIds.Count; p++)
            cols.Add(TableColumn.Of("pillar_" + r.PillarIds[p], r.Units.Select(u => u.PillarScores[p]).ToArray()));
        for (int k = 0; k < r.Indicators.Count; k++)
            cols.Add(TableColumn.Of("contribution_" + r.Indicators[k].Id, r.Units.Select(u => u.Contributions[k]).ToArray()));
        cols.Add(TableColumn.Of("next_unit", r.Units.Select(u => u.NextCode).ToArray()));
        for (int k = 0; k < r.Indicators.Count; k++)
            cols.Add(TableColumn.Of("gap_" + r.Indicators[k].Id, r.Units.Select(u => u.GapToNext.Count > 0 ? u.GapToNext[k] : double.NaN).ToArray()));
        cols.Add(TableColumn.Of("specialisation_growth", r.Units.Select(u => (string?)u.SpecialisationGrowth.ToString()).ToArray()));
        cols.Add(TableColumn.Of("relatedness_complexity", r.Units.Select(u => (string?)u.RelatednessComplexity.ToString()).ToArray()));
        return new Table(cols);
    }

    /// <summary>How each model indicator was used: pillar, family, provenance, availability, used, note.</summary>
    public static Table Indicators(ScoreResult r) => new(
    [
        TableColumn.Of("indicator", r.Indicators.Select(i => (string?)i.Id).ToArray()),
        TableColumn.Of("pillar", r.Indicators.Select(i => (string?)i.PillarId).ToArray()),
        TableColumn.Of("family", r.Indicators.Select(i => i.Family?.ToString()).ToArray()),
        TableColumn.Of("provenance", r.Indicators.Select(i => (string?)i.Provenance.ToString()).ToArray()),
        TableColumn.Of("availability", r.Indicators.Select(i => i.Availability).ToArray()),
        TableColumn.Of("used", r.Indicators.Select(i => i.Used).ToArray()),
        TableColumn.Of("winsorised_values", r.Indicators.Select(i => i.WinsorisedValues).ToArray()),
        TableColumn.Of("note", r.Indicators.Select(i => (string?)i.Note).ToArray()),
    ]);

    /// <summary>The units that were not scored, with the reason.</summary>
    public static Table Unscored(ScoreResult r) => new(
    [
        TableColumn.Of("unit", r.Unscored.Select(u => (string?)u.Code).ToArray()),
        TableColumn.Of("name", r.Unscored.Select(u => (string?)u.Name).ToArray()),
        TableColumn.Of("reason", r.Unscored.Select(u => (string?)u.Reason).ToArray()),
    ]);

    /// <summary>Rank bands in point-rank order.</summary>
    public static Table Bands(MonteCarloResult r) => new(
    [
        TableColumn.Of("unit", r.Bands.Select(b => (string?)b.Code).ToArray()),
        TableColumn.Of("name", r.Bands.Select(b => (string?)b.Name).ToArray()),
        TableColumn.Of("point_rank", r.Bands.Select(b => b.PointRank).ToArray()),
        TableColumn.Of("median_rank", r.Bands.Select(b => b.MedianRank).ToArray()),
        TableColumn.Of("mean_rank", r.Bands.Select(b => b.MeanRank).ToArray()),
        TableColumn.Of("rank_p05", r.Bands.Select(b => b.P05).ToArray()),
        TableColumn.Of("rank_p95", r.Bands.Select(b => b.P95).ToArray()),
    ]);

    /// <summary>The sensitivity table, largest mean rank shift first.</summary>
    public static Table Sensitivity(MonteCarloResult r) => new(
    [
        TableColumn.Of("factor", r.Sensitivity.Select(s => (string?)s.Factor.ToString()).ToArray()),
        TableColumn.Of("varied", r.Sensitivity.Select(s => s.Varied).ToArray()),
        TableColumn.Of("configurations", r.Sensitivity.Select(s => s.Configurations).ToArray()),
        TableColumn.Of("mean_abs_rank_shift", r.Sensitivity.Select(s => s.MeanAbsRankShift).ToArray()),
        TableColumn.Of("max_abs_rank_shift", r.Sensitivity.Select(s => s.MaxAbsRankShift).ToArray()),
        TableColumn.Of("mean_band_width", r.Sensitivity.Select(s => s.MeanBandWidth).ToArray()),
    ]);

    /// <summary>Pairwise agreement of the weight-set rankings.</summary>
    public static Table Comparison(WeightSetComparison c) => new(
    [
        TableColumn.Of("a", c.Pairs.Select(p => (string?)p.A).ToArray()),
        TableColumn.Of("b", c.Pairs.Select(p => (string?)p.B).ToArray()),
        TableColumn.Of("spearman", c.Pairs.Select(p => p.Spearman).ToArray()),
        TableColumn.Of("kendall", c.Pairs.Select(p => p.Kendall).ToArray()),
        TableColumn.Of("top_n", c.Pairs.Select(p => p.TopN).ToArray()),
        TableColumn.Of("top_n_overlap", c.Pairs.Select(p => p.TopNOverlap).ToArray()),
    ]);

    /// <summary>The biggest movers per weight set against the base weights.</summary>
    public static Table Movers(WeightSetComparison c) => new(
    [
        TableColumn.Of("weight_set", c.Movers.Select(m => (string?)m.WeightSet).ToArray()),
        TableColumn.Of("unit", c.Movers.Select(m => (string?)m.Code).ToArray()),
        TableColumn.Of("name", c.Movers.Select(m => (string?)m.Name).ToArray()),
        TableColumn.Of("base_rank", c.Movers.Select(m => m.BaseRank).ToArray()),
        TableColumn.Of("rank", c.Movers.Select(m => m.Rank).ToArray()),
        TableColumn.Of("shift", c.Movers.Select(m => m.Shift).ToArray()),
    ]);
}
