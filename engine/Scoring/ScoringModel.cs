using System.Globalization;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Statistics;

namespace CompeteModel.Engine.Scoring;

/// <summary>
/// A spec bound to a matrix, compiled once per run: the model's indicators flattened in pillar order (index k), their
/// matrix columns, which are used, the scored units (index e into <see cref="Units"/>), and the prepared raw values
/// (winsorised, sign-flipped for "−" indicators) stored column-major as [k·n + e]. The hot paths below work on these
/// arrays only.
/// </summary>
internal sealed class ScoringModel
{
    public ModelSpec Spec { get; }
    public IndicatorMatrix Matrix { get; }
    public int K { get; }
    public int P { get; }
    public int N => Units.Length;
    public int[] PillarOf { get; }
    public IndicatorSpec[] Indicators { get; }
    public bool[] Used { get; }
    public int[] Units { get; private set; } = [];
    public int[] CodeOrder { get; private set; } = [];
    public double[] Prepared { get; private set; } = [];
    public double[] NominalIndicatorWeights { get; }
    public double[] NominalPillarWeights { get; }
    public IndicatorUse[] Uses { get; private set; } = [];
    public List<UnscoredUnit> Unscored { get; } = [];
    public List<string> Notes { get; } = [];
    public SpecialisationGrowthClass[] SpecialisationGrowth { get; private set; } = [];
    public RelatednessComplexityClass[] RelatednessComplexity { get; private set; } = [];
    public double? RelatednessCut { get; private set; }
    public double? ComplexityCut { get; private set; }

    private readonly int[] _column;

    public ScoringModel(ModelSpec spec, IndicatorMatrix matrix)
    {
        Spec = spec;
        Matrix = matrix;
        P = spec.Pillars.Count;
        Indicators = spec.Pillars.SelectMany(p => p.Indicators).ToArray();
        K = Indicators.Length;
        PillarOf = spec.Pillars.SelectMany((p, i) => p.Indicators.Select(_ => i)).ToArray();
        NominalIndicatorWeights = Indicators.Select(i => i.Weight).ToArray();
        NominalPillarWeights = spec.Pillars.Select(p => p.Weight).ToArray();
        _column = new int[K];
        Used = new bool[K];
        Notes.AddRange(spec.Notes);
        for (int k = 0; k < K; k++)
        {
            _column[k] = matrix.ColumnOf(Indicators[k].Id);
            if (_column[k] < 0)
                throw new InputException("the spec uses indicator '" + Indicators[k].Id + "' but the indicator matrix has no such column; columns: " + string.Join(", ", matrix.IndicatorIds),
                    spec.SourceFile, Indicators[k].Line, "pillars[" + spec.Pillars[PillarOf[k]].Id + "].indicators[" + Indicators[k].Id + "]");
        }
        var scales = Indicators.Select(i => i.Normalisation switch
        {
            NormalisationMethod.ZScore => "z-score (about −3..3)",
            NormalisationMethod.Rank => "rank (1..n)",
            _ => "0–100",
        }).Distinct().ToArray();
        if (scales.Length > 1)
            Notes.Add("the spec mixes normalisations on different scales (" + string.Join(", ", scales) + "): in a weighted mean the indicators on the wider scale dominate whatever their weights (OECD/JRC handbook, section 5)");
        ChooseIndicators();
        ChooseUnits();
        Prepare();
        Classify();
    }

    /// <summary>Re-weighting of present values: column k's weight within its pillar, the pillar's within the index.</summary>
    public void Aggregate(double[] values, ReadOnlySpan<double> w, ReadOnlySpan<double> pw, AggregationMethod agg, Span<double> composite, double[]? pillarScores)
    {
        int n = N;
        bool geo = agg == AggregationMethod.Geometric;
        Span<double> pillar = stackalloc double[P];
        Span<double> sw = stackalloc double[P];
        for (int e = 0; e < n; e++)
        {
            pillar.Clear();
            sw.Clear();
            for (int k = 0; k < K; k++)
            {
                double v = values[k * n + e];
                if (double.IsNaN(v) || w[k] <= 0) continue;
                int p = PillarOf[k];
                sw[p] += w[k];
                pillar[p] += w[k] * (geo ? Math.Log(v) : v);
            }
            double acc = 0, sW = 0;
            for (int p = 0; p < P; p++)
            {
                double ps = sw[p] > 0 ? (geo ? Math.Exp(pillar[p] / sw[p]) : pillar[p] / sw[p]) : double.NaN;
                if (pillarScores is not null) pillarScores[p * n + e] = ps;
                if (double.IsNaN(ps) || pw[p] <= 0) continue;
                sW += pw[p];
                acc += pw[p] * (geo ? Math.Log(ps) : ps);
            }
            composite[e] = sW > 0 ? (geo ? Math.Exp(acc / sW) : acc / sW) : double.NaN;
        }
    }

    /// <summary>
    /// Normalises every used column of <paramref name="prepared"/> into <paramref name="output"/>; <paramref name="method"/>
    /// overrides the spec's normalisation except for distance-to-target indicators; <paramref name="positive"/> maps the
    /// result onto [1, 100] for geometric aggregation.
    /// </summary>
    public void Normalise(double[] prepared, NormalisationMethod? method, bool positive, double[] output)
    {
        int n = N;
        for (int k = 0; k < K; k++)
        {
            var dst = output.AsSpan(k * n, n);
            if (!Used[k]) { dst.Fill(double.NaN); continue; }
            var ind = Indicators[k];
            var m = ind.Normalisation == NormalisationMethod.Target ? NormalisationMethod.Target : method ?? ind.Normalisation;
            Normaliser.Apply(m, prepared.AsSpan(k * n, n), dst, ind.TargetValue ?? double.NaN);
            if (positive) Normaliser.ToPositiveRange(dst, dst);
        }
    }

    /// <summary>Ranks 1 = highest composite; ties (and NaN composites, which rank last) broken by ordinal unit code.</summary>
    public void Rank(double[] composite, int[] order, int[] ranks)
    {
        int n = N;
        var keys = new double[n];
        for (int e = 0; e < n; e++)
        {
            order[e] = e;
            keys[e] = double.IsNaN(composite[e]) ? double.PositiveInfinity : -composite[e];
        }
        Array.Sort(keys, order, 0, n);
        // the sort is unstable: put each run of equal composites into unit-code order
        for (int a = 0; a < n;)
        {
            int b = a + 1;
            while (b < n && keys[b] == keys[a]) b++;
            if (b - a > 1) Array.Sort(order, a, b - a, Comparer<int>.Create((x, y) => CodeOrder[x].CompareTo(CodeOrder[y])));
            a = b;
        }
        for (int r = 0; r < n; r++) ranks[order[r]] = r + 1;
    }

    /// <summary>Applies winsorisation and direction to raw columns [k·n + e] in place; returns values clipped per column.</summary>
    public int[] PrepareColumns(double[] x)
    {
        int n = N;
        var clipped = new int[K];
        for (int k = 0; k < K; k++)
        {
            var col = x.AsSpan(k * n, n);
            var ind = Indicators[k];
            clipped[k] = ind.Winsorisation.Mode switch
            {
                WinsorisationMode.Auto => Normaliser.WinsoriseAuto(col),
                WinsorisationMode.Percentiles => Normaliser.WinsorisePercentiles(col, ind.Winsorisation.LowerPercentile, ind.Winsorisation.UpperPercentile),
                _ => 0,
            };
            if (ind.Direction == Direction.Negative && ind.Normalisation != NormalisationMethod.Target)
                for (int e = 0; e < n; e++) col[e] = -col[e];
        }
        return clipped;
    }

    /// <summary>Copies the raw matrix values of the scored units into column-major [k·n + e] (NaN for unused columns).</summary>
    public void RawColumns(double[] source, double[] x)
    {
        int n = N, m = Matrix.IndicatorCount;
        for (int k = 0; k < K; k++)
            for (int e = 0; e < n; e++)
                x[k * n + e] = Used[k] ? source[Units[e] * m + _column[k]] : double.NaN;
    }

    /// <summary>The raw value of scored unit e on model indicator k in a matrix-shaped array (a bootstrap replicate or band).</summary>
    public double RawValue(double[] source, int e, int k) => source[Units[e] * Matrix.IndicatorCount + _column[k]];

    private void ChooseIndicators()
    {
        int units = Matrix.UnitCount, m = Matrix.IndicatorCount;
        Uses = new IndicatorUse[K];
        for (int k = 0; k < K; k++)
        {
            int present = 0;
            for (int u = 0; u < units; u++) if (!double.IsNaN(Matrix.Values[u * m + _column[k]])) present++;
            double share = units > 0 ? (double)present / units : 0;
            double min = Indicators[k].MinAvailability ?? 0;
            Used[k] = present > 0 && share >= min;
            string note = Used[k] ? "" : present == 0
                ? "dropped: no unit has a value"
                : "dropped: " + Pct(share) + " of units have a value, below its min_availability " + Pct(min);
            if (!Used[k]) Notes.Add("indicator '" + Indicators[k].Id + "' " + note);
            var info = IndicatorCatalog.Standard.Find(Indicators[k].Id);
            Uses[k] = new IndicatorUse(Indicators[k].Id, Spec.Pillars[PillarOf[k]].Id, info?.Family, Matrix.Provenance[_column[k]], share, Used[k], 0, note);
        }
        if (!Used.Any(x => x))
            throw new InputException("no indicator of the spec has enough data to score anything", Spec.SourceFile, null, "pillars");
    }

    private void ChooseUnits()
    {
        int units = Matrix.UnitCount, m = Matrix.IndicatorCount;
        int used = Used.Count(x => x);
        int firmsColumn = -1;
        var t = Spec.Thresholds;
        if (t.MinFirms is not null)
        {
            firmsColumn = Matrix.ColumnOf("firms");
            if (firmsColumn < 0)
                throw new InputException("the spec sets thresholds.min_firms but the indicator matrix has no 'firms' column to check it against", Spec.SourceFile, null, "thresholds.min_firms");
        }
        var keep = new List<int>();
        for (int u = 0; u < units; u++)
        {
            string? reason = null;
            if (firmsColumn >= 0)
            {
                double f = Matrix.Values[u * m + firmsColumn];
                if (double.IsNaN(f)) reason = "firm count unknown; min_firms " + t.MinFirms + " cannot be checked";
                else if (f < t.MinFirms!.Value) reason = Num(f) + " firms, below min_firms " + t.MinFirms;
            }
            if (reason is null)
            {
                int present = 0;
                bool weighted = false;
                for (int k = 0; k < K; k++)
                {
                    if (!Used[k] || double.IsNaN(Matrix.Values[u * m + _column[k]])) continue;
                    present++;
                    if (NominalIndicatorWeights[k] > 0 && NominalPillarWeights[PillarOf[k]] > 0) weighted = true;
                }
                double share = (double)present / used;
                if (share < t.DataAvailability)
                    reason = present + " of " + used + " indicators have a value (" + Pct(share) + "), below the data availability threshold " + Pct(t.DataAvailability);
                else if (!weighted)
                    reason = "none of its indicators with a positive weight has a value";
            }
            if (reason is null) keep.Add(u);
            else Unscored.Add(new UnscoredUnit(Matrix.UnitCodes[u], Matrix.UnitNames[u], reason));
        }
        if (keep.Count == 0)
            throw new InputException("no unit passes the spec's thresholds (min_firms, data_availability); nothing to score", Spec.SourceFile, null, "thresholds");
        Units = keep.ToArray();
        var byCode = Enumerable.Range(0, Units.Length).OrderBy(e => Matrix.UnitCodes[Units[e]], StringComparer.Ordinal).ToArray();
        CodeOrder = new int[Units.Length];
        for (int r = 0; r < byCode.Length; r++) CodeOrder[byCode[r]] = r;
    }

    private void Prepare()
    {
        Prepared = new double[K * N];
        RawColumns(Matrix.Values, Prepared);
        var clipped = PrepareColumns(Prepared);
        for (int k = 0; k < K; k++)
            if (clipped[k] > 0)
            {
                var note = "winsorised " + clipped[k] + " value(s) (" + (Indicators[k].Winsorisation.Mode == WinsorisationMode.Auto ? "auto: |skewness| > 2 and kurtosis > 3.5" : "percentiles") + ")";
                Uses[k] = Uses[k] with { WinsorisedValues = clipped[k], Note = note };
                Notes.Add("indicator '" + Indicators[k].Id + "' " + note);
            }
    }

    private void Classify()
    {
        int n = N, m = Matrix.IndicatorCount;
        var q = Spec.Quadrants;
        double[]? Col(string? id, string chart)
        {
            if (id is null) return null;
            int j = Matrix.ColumnOf(id);
            if (j < 0) { Notes.Add(chart + " quadrants not classified: the matrix has no '" + id + "' column"); return null; }
            var c = new double[n];
            for (int e = 0; e < n; e++) c[e] = Matrix.Values[Units[e] * m + j];
            return c;
        }
        var spec = Col(q.Specialisation, "specialisation × growth");
        var growth = spec is null ? null : Col(q.Growth, "specialisation × growth");
        SpecialisationGrowth = new SpecialisationGrowthClass[n];
        for (int e = 0; e < n; e++)
        {
            if (spec is null || growth is null || double.IsNaN(spec[e]) || double.IsNaN(growth[e])) { SpecialisationGrowth[e] = SpecialisationGrowthClass.Unclassified; continue; }
            bool s = spec[e] >= q.SpecialisationCut, g = growth[e] > q.GrowthCut;
            SpecialisationGrowth[e] = s ? (g ? SpecialisationGrowthClass.Strength : SpecialisationGrowthClass.DecliningStrength)
                                        : (g ? SpecialisationGrowthClass.Emerging : SpecialisationGrowthClass.Underrepresented);
        }
        var rel = Col(q.Relatedness, "relatedness × complexity");
        var cx = rel is null ? null : Col(q.Complexity, "relatedness × complexity");
        RelatednessComplexity = new RelatednessComplexityClass[n];
        if (rel is not null && cx is not null)
        {
            RelatednessCut = q.RelatednessCut ?? Median(rel);
            ComplexityCut = q.ComplexityCut ?? Median(cx);
        }
        for (int e = 0; e < n; e++)
        {
            if (rel is null || cx is null || double.IsNaN(rel[e]) || double.IsNaN(cx[e])) { RelatednessComplexity[e] = RelatednessComplexityClass.Unclassified; continue; }
            bool r = rel[e] >= RelatednessCut, c = cx[e] >= ComplexityCut;
            RelatednessComplexity[e] = r ? (c ? RelatednessComplexityClass.LowRiskHighReturn : RelatednessComplexityClass.LowRiskLowReturn)
                                         : (c ? RelatednessComplexityClass.HighRiskHighReturn : RelatednessComplexityClass.HighRiskLowReturn);
        }
    }

    private static double Median(double[] x) => Quantiles.Type7(x, 0.5);

    private static string Pct(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
    private static string Num(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
