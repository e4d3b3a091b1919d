using System.Globalization;
using CompeteModel.Engine.Scoring;

namespace CompeteModel.Engine.Reporting;

/// <summary>
/// The workbook's "weights model" sheet: the normalised indicator values the engine aggregated, the weights as cells
/// (row 3, yellow) and the pillar scores, composites and ranks as live Excel formulas with the engine's rules
/// (<see cref="WeightExplorer"/>), so that changing a weight in Excel reproduces <c>compete run</c> with that weight.
/// <list type="bullet">
/// <item>pillar p of unit r: Σ w·v / Σ w over the pillar's indicators with a value and w &gt; 0 —
/// <c>SUMPRODUCT(W, V) / SUMIFS(W, V, "&lt;&gt;", W, "&gt;0")</c>, a missing value an empty cell (left out, never 0);
/// geometric: <c>EXP(SUMPRODUCT(W, LN V) / …)</c> over helper columns of ln v;</item>
/// <item>composite: the same over the pillars with a score (a number: criterion "&gt;-1E+300") and a weight &gt; 0;
/// empty text when nothing is left;</item>
/// <item>rank: <c>RANK</c> (highest first) plus the tied units above (the rows are in sector-code order, so ties go
/// by code, as in the engine); units without a composite after every unit with one, in code order.</item>
/// </list>
/// Weights must be ≥ 0, as in a spec. Cached values are the engine's own (base weights), so a viewer that does not
/// recalculate still shows the run's numbers; Excel recalculates on load.
/// </summary>
public static class WeightsModelSheet
{
    /// <summary>The sheet's name in the workbook.</summary>
    public const string Name = "weights model";

    /// <summary>Row (0-based) of the weight cells.</summary>
    public const int WeightRow = 2;

    /// <summary>First row (0-based) of the units, which follow in ordinal sector-code order.</summary>
    public const int FirstUnitRow = 4;

    /// <summary>Column (0-based) of indicator k's weight and values.</summary>
    public static int IndicatorColumn(int k) => 3 + k;

    /// <summary>Column (0-based) of pillar p's weight and scores.</summary>
    public static int PillarColumn(WeightExplorer x, int p) => 3 + x.Indicators.Count * (Geo(x) ? 2 : 1) + p;

    /// <summary>Column (0-based) of the composite.</summary>
    public static int CompositeColumn(WeightExplorer x) => 3 + (x.Indicators.Count + x.PillarIds.Count) * (Geo(x) ? 2 : 1);

    /// <summary>Column (0-based) of the rank.</summary>
    public static int RankColumn(WeightExplorer x) => CompositeColumn(x) + 2;

    public static FormulaSheet Build(WeightExplorer x)
    {
        int K = x.Indicators.Count, P = x.PillarIds.Count, n = x.Units.Count;
        bool geo = Geo(x);
        var b = x.WeightSets[0];
        var sheet = new FormulaSheet(FirstUnitRow);
        int lnInd = 3 + K, lnPil = PillarColumn(x, 0) + P, comp = CompositeColumn(x), scored = comp + 1, rank = comp + 2;
        int first = FirstUnitRow + 1, last = FirstUnitRow + n; // 1-based rows of the units
        string Col(int c) => ExcelWriter.ColumnName(c);
        string Abs(int c, int row1) => "$" + Col(c) + "$" + row1.ToString(CultureInfo.InvariantCulture);
        string R(int row1) => row1.ToString(CultureInfo.InvariantCulture);

        sheet.Text(0, 0, "sector", 1);
        sheet.Text(0, 1, "name", 1);
        sheet.Text(0, 2, "rank under the spec's weights", 1);
        sheet.Text(1, 0, "pillar", 1);
        sheet.Text(WeightRow, 0, "weight (edit the yellow cells)", 1);
        sheet.Text(3, 0, (geo ? "Weighted geometric" : "Weighted arithmetic") + " means with the engine's rules: weights are re-normalised over the values a sector has (a missing value is an empty cell, left out, never 0); "
            + "weights must be ≥ 0 and need not add up to 1. With the spec's weights the composites and ranks are those of rankings.csv.");
        for (int k = 0; k < K; k++)
        {
            var ind = x.Indicators[k];
            sheet.Text(0, IndicatorColumn(k), ind.Id, 1);
            sheet.Text(1, IndicatorColumn(k), x.PillarIds[ind.Pillar]);
            sheet.Number(WeightRow, IndicatorColumn(k), b.IndicatorWeights[k], 2);
            if (geo) sheet.Text(0, lnInd + k, "ln " + ind.Id, 1);
        }
        for (int p = 0; p < P; p++)
        {
            sheet.Text(0, PillarColumn(x, p), x.PillarIds[p], 1);
            sheet.Text(1, PillarColumn(x, p), "pillar score");
            sheet.Number(WeightRow, PillarColumn(x, p), b.PillarWeights[p], 2);
            if (geo) sheet.Text(0, lnPil + p, "ln " + x.PillarIds[p], 1);
        }
        sheet.Text(0, comp, "composite", 1);
        sheet.Text(0, scored, "scored", 1);
        sheet.Text(0, rank, "rank", 1);

        string compRange = Abs(comp, first) + ":" + Abs(comp, last);
        var byCode = Enumerable.Range(0, n).OrderBy(e => x.Units[e].Code, StringComparer.Ordinal).ToArray();
        for (int i = 0; i < n; i++)
        {
            int e = byCode[i];
            var u = x.Units[e];
            int row = FirstUnitRow + i, r1 = row + 1;
            sheet.Text(row, 0, u.Code);
            sheet.Text(row, 1, u.Name);
            sheet.Number(row, 2, b.Ranks[e]);
            for (int k = 0; k < K; k++)
            {
                sheet.Number(row, IndicatorColumn(k), u.Normalised[k]);
                if (geo) sheet.Formula(row, lnInd + k, $"IF(ISNUMBER({Col(IndicatorColumn(k))}{R(r1)}),LN({Col(IndicatorColumn(k))}{R(r1)}),\"\")", Math.Log(u.Normalised[k]));
            }
            for (int p = 0; p < P; p++)
            {
                var ks = Enumerable.Range(0, K).Where(k => x.Indicators[k].Pillar == p).ToArray();
                int a = ks.Min(), z = ks.Max();
                string w = Abs(IndicatorColumn(a), WeightRow + 1) + ":" + Abs(IndicatorColumn(z), WeightRow + 1);
                string v = Col(IndicatorColumn(a)) + R(r1) + ":" + Col(IndicatorColumn(z)) + R(r1);
                string vals = geo ? Col(lnInd + a) + R(r1) + ":" + Col(lnInd + z) + R(r1) : v;
                string den = $"SUMIFS({w},{v},\"<>\",{w},\">0\")";
                string mean = $"SUMPRODUCT({w},{vals})/{den}";
                sheet.Formula(row, PillarColumn(x, p), $"IF({den}>0,{(geo ? "EXP(" + mean + ")" : mean)},\"\")", u.PillarScores[p]);
                if (geo)
                {
                    string ps = Col(PillarColumn(x, p)) + R(r1);
                    sheet.Formula(row, lnPil + p, $"IF(ISNUMBER({ps}),LN({ps}),\"\")", Math.Log(u.PillarScores[p]));
                }
            }
            {
                string pw = Abs(PillarColumn(x, 0), WeightRow + 1) + ":" + Abs(PillarColumn(x, P - 1), WeightRow + 1);
                string ps = Col(PillarColumn(x, 0)) + R(r1) + ":" + Col(PillarColumn(x, P - 1)) + R(r1);
                string vals = geo ? Col(lnPil) + R(r1) + ":" + Col(lnPil + P - 1) + R(r1) : ps;
                string den = $"SUMIFS({pw},{ps},\">-1E+300\",{pw},\">0\")";
                string mean = $"SUMPRODUCT({pw},{vals})/{den}";
                sheet.Formula(row, comp, $"IF({den}>0,{(geo ? "EXP(" + mean + ")" : mean)},\"\")", b.Composites[e]);
            }
            // the rows above start at the note row (never a number), so the first unit's "above" range is not empty
            string c = Col(comp) + R(r1), above = Abs(comp, FirstUnitRow) + ":" + Col(comp) + R(r1 - 1), scoredAbove = Abs(scored, FirstUnitRow) + ":" + Col(scored) + R(r1 - 1);
            sheet.Formula(row, scored, $"IF(ISNUMBER({c}),1,0)", double.IsNaN(b.Composites[e]) ? 0 : 1);
            sheet.Formula(row, rank, $"IF({Col(scored)}{R(r1)}=1,RANK({c},{compRange})+COUNTIF({above},{c}),COUNT({compRange})+COUNTIF({scoredAbove},0)+1)", b.Ranks[e]);
        }
        return sheet;
    }

    private static bool Geo(WeightExplorer x) => x.Aggregation == AggregationMethod.Geometric;
}
