using CompeteModel.Engine.Complexity;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Scoring;

namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// A national run as tables for <see cref="TableFiles.Write"/>. Row order is rank order (rankings) or unit then
/// indicator order (indicators), column order is fixed by the spec, so the same inputs and seed give the same bytes.
/// </summary>
/// <param name="Rankings">One row per scored product in rank order: product, name, rank, composite, pillar_&lt;id&gt;,
/// median_rank, rank_p05, rank_p95, band_contains_point, specialisation_growth, relatedness_complexity.</param>
/// <param name="Indicators">Long: product, name, indicator, value (empty = missing), provenance, source, note (why missing).</param>
/// <param name="Unscored">Products the spec could not score, with the reason.</param>
/// <param name="Sensitivity">Which Monte Carlo factor moves ranks most.</param>
/// <param name="Diagnostics">The complexity diagnostics of the scored period.</param>
/// <param name="Summary">One row: location, time, source, locations, products, scored, unscored, eci, eci_rank, coi,
/// complexity_reliable, seed, draws, most_influential (the Monte Carlo factor that moves ranks most).</param>
public sealed record NationalRunTables(Table Rankings, Table Indicators, Table Unscored, Table Sensitivity, Table Diagnostics, Table Summary)
{
    internal static NationalRunTables From(NationalRunResult r)
    {
        var units = r.Score.Units;
        var bands = r.MonteCarlo.Bands.ToDictionary(b => b.Code, StringComparer.Ordinal);
        RankBand Band(UnitScore u) => bands[u.Code];
        var cols = new List<TableColumn>
        {
            TableColumn.Of(r.ProductColumn, units.Select(u => (string?)u.Code).ToArray()),
            TableColumn.Of("name", units.Select(u => (string?)u.Name).ToArray()),
            TableColumn.Of("rank", units.Select(u => u.Rank).ToArray()),
            TableColumn.Of("composite", units.Select(u => u.Composite).ToArray()),
        };
        for (int p = 0; p < r.Score.PillarIds.Count; p++)
            cols.Add(TableColumn.Of("pillar_" + r.Score.PillarIds[p], units.Select(u => u.PillarScores[p]).ToArray()));
        cols.Add(TableColumn.Of("median_rank", units.Select(u => Band(u).MedianRank).ToArray()));
        cols.Add(TableColumn.Of("rank_p05", units.Select(u => Band(u).P05).ToArray()));
        cols.Add(TableColumn.Of("rank_p95", units.Select(u => Band(u).P95).ToArray()));
        cols.Add(TableColumn.Of("band_contains_point", units.Select(u => Band(u).ContainsPoint).ToArray()));
        cols.Add(TableColumn.Of("specialisation_growth", units.Select(u => (string?)u.SpecialisationGrowth.ToString()).ToArray()));
        cols.Add(TableColumn.Of("relatedness_complexity", units.Select(u => (string?)u.RelatednessComplexity.ToString()).ToArray()));

        var m = r.Matrix;
        int n = m.UnitCount * m.IndicatorCount;
        var code = new string?[n];
        var name = new string?[n];
        var id = new string?[n];
        var value = new double[n];
        var prov = new string?[n];
        var src = new string?[n];
        var note = new string?[n];
        for (int u = 0, i = 0; u < m.UnitCount; u++)
            for (int j = 0; j < m.IndicatorCount; j++, i++)
            {
                code[i] = m.UnitCodes[u];
                name[i] = m.UnitNames[u];
                id[i] = m.IndicatorIds[j];
                value[i] = m[u, j];
                prov[i] = m.Provenance[j].ToString();
                src[i] = r.Source;
                note[i] = r.CellNote(u, j);
            }
        var indicators = new Table(
        [
            TableColumn.Of(r.ProductColumn, code), TableColumn.Of("name", name), TableColumn.Of("indicator", id),
            TableColumn.Of("value", value), TableColumn.Of("provenance", prov), TableColumn.Of("source", src), TableColumn.Of("note", note),
        ]);
        return new NationalRunTables(new Table(cols), indicators, ScoreTables.Unscored(r.Score), ScoreTables.Sensitivity(r.MonteCarlo),
            ComplexityOutput.DiagnosticsTable([r.Complexity]), SummaryTable(r));
    }

    private static Table SummaryTable(NationalRunResult r) => new(
    [
        TableColumn.Of("location", [r.Location]),
        TableColumn.Of("time", [r.Time]),
        TableColumn.Of("source", [r.Source]),
        TableColumn.Of("locations", [r.Complexity.Locations.Count]),
        TableColumn.Of("products", [r.Matrix.UnitCount]),
        TableColumn.Of("scored", [r.Score.Units.Count]),
        TableColumn.Of("unscored", [r.Score.Unscored.Count]),
        TableColumn.Of("eci", [r.Eci]),
        TableColumn.Of("eci_rank", [r.EciRank]),
        TableColumn.Of("coi", [r.Coi]),
        TableColumn.Of("complexity_reliable", [r.Diagnostics.Reliable]),
        TableColumn.Of("seed", [r.MonteCarlo.Seed]),
        TableColumn.Of("draws", [r.MonteCarlo.Draws]),
        TableColumn.Of("most_influential", [r.MonteCarlo.MostInfluential.ToString()]),
    ]);
}
