using CompeteModel.Engine.Reporting;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Scoring;
using NPOI.SS.UserModel;
using NPOI.XSSF.UserModel;

namespace CompeteModel.Tests.EndToEnd;

/// <summary>
/// The workbook of a real <c>compete run</c>: its formulas, evaluated by NPOI, give the run's composites (rankings.csv)
/// under the spec's weights, and typing each weight set of the shipped spec into the weight cells gives that set's
/// ranks in weight_sets.csv.
/// </summary>
[Collection("EndToEnd")]
public sealed class WorkbookEndToEndTests
{
    [Fact]
    public void TypingAWeightSetIntoTheWorkbook_GivesTheClisRanksOfThatSet()
    {
        var cwd = Compete.TempDir("workbook");
        var run = Compete.Run(cwd, "run", "--draws", "20", "--out", "r");
        Assert.True(run.ExitCode == 0, run.ToString());
        var dir = Path.Combine(cwd, "r");
        var specPath = Path.Combine(TestData.Root, "datasets", "specs", "city-region.yaml");
        var spec = ModelSpec.Parse(File.ReadAllText(specPath), specPath);
        var sets = TableFiles.ReadCsv(Path.Combine(dir, "weight_sets.csv"));
        var rankings = TableFiles.ReadCsv(Path.Combine(dir, "rankings.csv"));

        XSSFWorkbook wb;
        using (var f = File.OpenRead(Path.Combine(dir, "workbook.xlsx"))) wb = new XSSFWorkbook(f);
        var sheet = wb.GetSheet(WeightsModelSheet.Name);
        var header = sheet.GetRow(0);
        int Column(string name) => Enumerable.Range(0, header.LastCellNum).Single(c => header.GetCell(c)?.StringCellValue == name);
        bool Has(string name) => Enumerable.Range(0, header.LastCellNum).Any(c => header.GetCell(c)?.StringCellValue == name);
        int comp = Column("composite"), rank = Column("rank");
        int n = sets.RowCount;
        Assert.Equal(n, sheet.LastRowNum - WeightsModelSheet.FirstUnitRow + 1);

        (Dictionary<string, double> Composite, Dictionary<string, int> Rank) Evaluate()
        {
            var ev = new XSSFFormulaEvaluator(wb);
            ev.ClearAllCachedResultValues();
            var c = new Dictionary<string, double>(StringComparer.Ordinal);
            var r = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < n; i++)
            {
                var row = sheet.GetRow(WeightsModelSheet.FirstUnitRow + i);
                var code = row.GetCell(0).StringCellValue;
                c[code] = ev.Evaluate(row.GetCell(comp)).NumberValue;
                r[code] = (int)ev.Evaluate(row.GetCell(rank)).NumberValue;
            }
            return (c, r);
        }

        // the spec's weights: the composites of rankings.csv
        var (baseComposite, _) = Evaluate();
        var sector = rankings.Column("sector");
        var composite = rankings.Column("composite");
        int checkedRows = 0;
        for (int i = 0; i < rankings.RowCount; i++)
        {
            var code = rankings.GetText(sector, i)!;
            if (!baseComposite.TryGetValue(code, out var v)) continue;
            Assert.True(Math.Abs(v - rankings.GetDouble(composite, i)) <= 1e-9, $"{code}: workbook {v:R}, rankings.csv {rankings.GetDouble(composite, i):R}");
            checkedRows++;
        }
        Assert.Equal(n, checkedRows);

        Assert.NotEmpty(spec.WeightSets);
        var weightRow = sheet.GetRow(WeightsModelSheet.WeightRow);
        foreach (var set in spec.WeightSets)
        {
            // a pillar or indicator the run could not score (e.g. technologies without firm data) is not in the sheet: the
            // run hands its weight to the others in proportion, which leaves the ratios of the rest, and so the ranks, as typed
            for (int p = 0; p < spec.Pillars.Count; p++)
            {
                if (!Has(spec.Pillars[p].Id)) continue;
                weightRow.GetCell(Column(spec.Pillars[p].Id)).SetCellValue(set.PillarWeights[p]);
                for (int k = 0; k < spec.Pillars[p].Indicators.Count; k++)
                    if (Has(spec.Pillars[p].Indicators[k].Id)) weightRow.GetCell(Column(spec.Pillars[p].Indicators[k].Id)).SetCellValue(set.IndicatorWeights[p][k]);
            }
            var (_, ranks) = Evaluate();
            var column = sets.Column("rank_" + set.Name);
            for (int i = 0; i < n; i++)
            {
                var code = sets.GetText(sets.Column("sector"), i)!;
                Assert.True(ranks[code] == (int)sets.GetDouble(column, i), $"weight set {set.Name}, sector {code}: workbook rank {ranks[code]}, CLI rank {sets.GetDouble(column, i)}");
            }
        }
    }
}
