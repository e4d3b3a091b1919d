using System.Globalization;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Reporting;
using CompeteModel.Engine.Scoring;
using NPOI.SS.UserModel;
using NPOI.XSSF.UserModel;
using static CompeteModel.Tests.Scoring.ScoringFixtures;
using Table = CompeteModel.Engine.IO.Table;
using TableColumn = CompeteModel.Engine.IO.TableColumn;

namespace CompeteModel.Tests.Reporting;

/// <summary>
/// The workbook's "weights model" sheet evaluated by NPOI (the .NET port of Apache POI's formula evaluator): with the
/// weights it was written with it gives the engine's composites and ranks, and after the weight cells are changed it
/// gives what the engine computes with those weights (composites to 1e-9, ranks exactly), missing values included.
/// </summary>
public class WorkbookFormulaTests
{
    private static readonly string[] Ids = ["lq", "cagr", "density", "pci", "employment"];

    private static string Yaml(string aggregation, double[] pillars, double[] indicators)
    {
        string W(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        return $$"""
            name: workbook
            aggregation: {{aggregation}}
            thresholds: {data_availability: 0.5}
            quadrants: {specialisation: none, relatedness: none}
            pillars:
              - id: a
                weight: {{W(pillars[0])}}
                indicators:
                  - {id: lq, direction: "+", weight: {{W(indicators[0])}}, normalisation: minmax}
                  - {id: cagr, direction: "+", weight: {{W(indicators[1])}}, normalisation: minmax}
              - id: b
                weight: {{W(pillars[1])}}
                indicators:
                  - {id: density, direction: "+", weight: {{W(indicators[2])}}, normalisation: minmax}
                  - {id: pci, direction: "+", weight: {{W(indicators[3])}}, normalisation: minmax}
              - id: c
                weight: {{W(pillars[2])}}
                indicators:
                  - {id: employment, direction: "-", weight: {{W(indicators[4])}}, normalisation: minmax}
            """;
    }

    /// <summary>25 seeded units; every 4th misses density, every 7th misses pci and employment, so pillar c is empty for some.</summary>
    private static IndicatorMatrix Data()
    {
        var m = Random(25, Ids, 11);
        var v = m.Values.ToArray();
        for (int u = 0; u < 25; u++)
        {
            if (u % 4 == 1) v[u * 5 + 2] = double.NaN;
            if (u % 7 == 3) { v[u * 5 + 3] = double.NaN; v[u * 5 + 4] = double.NaN; }
        }
        return new IndicatorMatrix(m.UnitCodes.ToArray(), Ids, v, m.Provenance.ToArray());
    }

    private static XSSFWorkbook Workbook(WeightExplorer x)
    {
        var dummy = new Table([TableColumn.Of("sector", new string?[] { "x" })]);
        var bytes = ExcelWriter.ToBytes([("rankings", dummy)], [(WeightsModelSheet.Name, WeightsModelSheet.Build(x))]);
        return new XSSFWorkbook(new MemoryStream(bytes));
    }

    private static (double[] Composite, int[] Rank) Evaluate(XSSFWorkbook wb, WeightExplorer x)
    {
        var ev = new XSSFFormulaEvaluator(wb);
        ev.ClearAllCachedResultValues();
        var sheet = wb.GetSheet(WeightsModelSheet.Name);
        int n = x.Units.Count;
        var comp = new double[n];
        var rank = new int[n];
        var rows = Enumerable.Range(0, n).ToDictionary(i => sheet.GetRow(WeightsModelSheet.FirstUnitRow + i).GetCell(0).StringCellValue, i => sheet.GetRow(WeightsModelSheet.FirstUnitRow + i));
        for (int e = 0; e < n; e++)
        {
            var row = rows[x.Units[e].Code];
            var c = ev.Evaluate(row.GetCell(WeightsModelSheet.CompositeColumn(x)));
            comp[e] = c.CellType == CellType.Numeric ? c.NumberValue : double.NaN;
            var r = ev.Evaluate(row.GetCell(WeightsModelSheet.RankColumn(x)));
            Assert.Equal(CellType.Numeric, r.CellType);
            rank[e] = (int)r.NumberValue;
        }
        return (comp, rank);
    }

    private static void SetWeights(XSSFWorkbook wb, WeightExplorer x, IReadOnlyList<double> pillars, IReadOnlyList<double> indicators)
    {
        var row = wb.GetSheet(WeightsModelSheet.Name).GetRow(WeightsModelSheet.WeightRow);
        for (int p = 0; p < pillars.Count; p++) row.GetCell(WeightsModelSheet.PillarColumn(x, p)).SetCellValue(pillars[p]);
        for (int k = 0; k < indicators.Count; k++) row.GetCell(WeightsModelSheet.IndicatorColumn(k)).SetCellValue(indicators[k]);
    }

    private static void AssertMatches(ScoreResult engine, WeightExplorer x, (double[] Composite, int[] Rank) sheet)
    {
        for (int e = 0; e < x.Units.Count; e++)
        {
            var u = engine.Find(x.Units[e].Code)!;
            if (double.IsNaN(u.Composite)) Assert.True(double.IsNaN(sheet.Composite[e]), u.Code + ": the engine has no composite, the sheet has " + sheet.Composite[e]);
            else Assert.True(Math.Abs(u.Composite - sheet.Composite[e]) <= 1e-9, $"{u.Code}: engine {u.Composite:R}, sheet {sheet.Composite[e]:R}");
            Assert.True(u.Rank == sheet.Rank[e], $"{u.Code}: engine rank {u.Rank}, sheet rank {sheet.Rank[e]}");
        }
    }

    [Theory]
    [InlineData("arithmetic")]
    [InlineData("geometric")]
    public void ChangingAWeightInTheWorkbook_ReproducesTheEngineWithThatWeight(string aggregation)
    {
        var matrix = Data();
        var spec = ModelSpec.Parse(Yaml(aggregation, [0.5, 0.3, 0.2], [0.6, 0.4, 0.5, 0.5, 1]), "workbook.yaml");
        var x = WeightExplorer.From(CompositeScorer.ScoreWeightSets(spec, matrix), id => id);
        Assert.Contains(x.Units, u => double.IsNaN(u.Normalised[2]));
        Assert.Contains(x.Units, u => double.IsNaN(u.PillarScores[2])); // a pillar with nothing in it is re-weighted away
        var wb = Workbook(x);
        AssertMatches(CompositeScorer.Score(spec, matrix), x, Evaluate(wb, x));

        // new weights, one of them zero (left out like a missing value)
        var changed = ModelSpec.Parse(Yaml(aggregation, [0.1, 0.7, 0.2], [0, 1, 0.25, 0.75, 1]), "workbook.yaml");
        var engine = CompositeScorer.Score(changed, matrix);
        SetWeights(wb, x, engine.PillarWeights, engine.IndicatorWeights);
        var sheet = Evaluate(wb, x);
        AssertMatches(engine, x, sheet);
        Assert.NotEqual(x.WeightSets[0].Ranks, sheet.Rank); // the change moved the ranking
    }

    [Fact]
    public void AUnitLeftWithoutAnyWeightedValue_RanksLastInCodeOrder()
    {
        var matrix = Data();
        var spec = ModelSpec.Parse(Yaml("arithmetic", [0.5, 0.3, 0.2], [0.6, 0.4, 0.5, 0.5, 1]), "workbook.yaml");
        var x = WeightExplorer.From(CompositeScorer.ScoreWeightSets(spec, matrix), id => id);
        var wb = Workbook(x);
        // only pci and employment weighted: units missing both (every 7th from 3) have no composite
        SetWeights(wb, x, [0, 1, 1], [0, 0, 0, 1, 1]);
        var (comp, rank) = Evaluate(wb, x);
        var missing = Enumerable.Range(0, x.Units.Count).Where(e => double.IsNaN(comp[e])).OrderBy(e => x.Units[e].Code, StringComparer.Ordinal).ToArray();
        // U003, U010, U024 (U017 also misses density: 2 of 5 values, below data_availability, so it is not scored at all)
        Assert.Equal(["U003", "U010", "U024"], missing.Select(e => x.Units[e].Code));
        Assert.Equal(Enumerable.Range(x.Units.Count - 2, 3), missing.Select(e => rank[e]));
        Assert.Equal(Enumerable.Range(1, x.Units.Count), rank.Order());
    }
}
