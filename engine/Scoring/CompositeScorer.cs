using CompeteModel.Engine.Statistics;

namespace CompeteModel.Engine.Scoring;

/// <summary>
/// Scores a units × indicators matrix with a <see cref="ModelSpec"/> (OECD/JRC "Handbook on Constructing Composite
/// Indicators", 2008): per indicator winsorise (optional), apply the direction, normalise over the scored units;
/// aggregate indicators into pillars and pillars into the composite with weights re-normalised over the values a
/// unit has (weighted arithmetic mean Σwv/Σw, or geometric exp(Σw·ln v/Σw) on values mapped to [1, 100]); rank
/// (1 = best, ties by ordinal unit code). Also scores every weight set and runs the seeded Monte Carlo.
/// </summary>
public static class CompositeScorer
{
    /// <summary>Scores the matrix under the spec's base weights.</summary>
    public static ScoreResult Score(ModelSpec spec, IndicatorMatrix matrix)
    {
        var model = new ScoringModel(spec, matrix);
        return BuildResult(model, "base", model.NominalIndicatorWeights, model.NominalPillarWeights);
    }

    /// <summary>
    /// Scores under the base weights and each named weight set, then compares every pair of rankings (Spearman ρ,
    /// Kendall τ, top-N overlap) and lists, per weight set, the units that move most against the base
    /// (largest |shift| first, ties by ordinal code).
    /// </summary>
    public static WeightSetComparison ScoreWeightSets(ModelSpec spec, IndicatorMatrix matrix, ScoringOptions? options = null)
    {
        options ??= ScoringOptions.Default;
        var model = new ScoringModel(spec, matrix);
        var results = new List<ScoreResult> { BuildResult(model, "base", model.NominalIndicatorWeights, model.NominalPillarWeights) };
        foreach (var set in spec.WeightSets)
            results.Add(BuildResult(model, set.Name, set.IndicatorWeights.SelectMany(x => x).ToArray(), set.PillarWeights.ToArray()));
        var codes = model.Units.Select(u => matrix.UnitCodes[u]).ToArray();
        var ranks = results.Select(r =>
        {
            var byCode = r.Units.ToDictionary(u => u.Code, u => u.Rank, StringComparer.Ordinal);
            return codes.Select(c => byCode[c]).ToArray();
        }).ToList();
        var pairs = new List<RankComparison>();
        for (int a = 0; a < results.Count; a++)
            for (int b = a + 1; b < results.Count; b++)
                pairs.Add(new RankComparison(results[a].WeightSet, results[b].WeightSet,
                    Correlation.Spearman(ranks[a], ranks[b]), Correlation.KendallTauB(ranks[a], ranks[b]),
                    options.TopN, Ranks.TopOverlap(ranks[a], ranks[b], options.TopN)));
        var movers = new List<RankMover>();
        for (int s = 1; s < results.Count; s++)
        {
            movers.AddRange(Enumerable.Range(0, codes.Length)
                .Where(e => ranks[s][e] != ranks[0][e])
                .OrderByDescending(e => Math.Abs(ranks[0][e] - ranks[s][e])).ThenBy(e => codes[e], StringComparer.Ordinal)
                .Take(options.Movers)
                .Select(e => new RankMover(results[s].WeightSet, codes[e], matrix.UnitNames[model.Units[e]], ranks[0][e], ranks[s][e], ranks[0][e] - ranks[s][e])));
        }
        return new WeightSetComparison(results, pairs, movers);
    }

    /// <summary>
    /// Seeded Monte Carlo over the spec's uncertainty settings (<see cref="MonteCarloSpec"/>): each draw perturbs the
    /// weights, picks a normalisation and an aggregation, picks a choice of years when <paramref name="data"/> holds
    /// year scenarios, and (bootstrap on, <paramref name="data"/> given) draws the indicator values; the ranks of all draws give each unit's median rank and 5–95% band. Then each factor is
    /// varied alone for the sensitivity table. Draw d uses its own generator seeded from (seed, stream, d), so the
    /// output is identical for any degree of parallelism.
    /// </summary>
    public static MonteCarloResult MonteCarlo(ModelSpec spec, IndicatorMatrix matrix, DataUncertainty? data = null, ScoringOptions? options = null, IProgress<int>? progress = null)
    {
        options ??= ScoringOptions.Default;
        data?.Validate(matrix);
        var model = new ScoringModel(spec, matrix);
        var mc = spec.MonteCarlo;
        var notes = new List<string>();
        bool dataVaries = mc.Bootstrap && data is not null && data.HasData;
        if (mc.Bootstrap && !dataVaries) notes.Add("bootstrap is on but no bootstrap replicates or bands were supplied: indicator values were not varied");
        bool yearsVary = data is not null && data.HasScenarios;
        int scenarios = yearsVary ? data!.Scenarios!.Count : 0;
        var sim = new Simulation(model, data, options.MaxDegreeOfParallelism);
        int n = model.N, draws = mc.Draws;
        var norms = NormalisationOptions(model);
        var aggs = mc.Aggregations.Count == 0 ? [] : mc.Aggregations.Contains(spec.Aggregation) ? mc.Aggregations.ToArray() : [spec.Aggregation, .. mc.Aggregations];

        var point = sim.PointRanks();
        var all = sim.Run(0, draws, new Plan(true, norms, false, aggs, false, dataVaries, yearsVary, false), progress);

        var bands = new RankBand[n];
        var order = Enumerable.Range(0, n).OrderBy(e => point[e]).ToArray();
        var col = new double[draws];
        for (int i = 0; i < n; i++)
        {
            int e = order[i];
            for (int d = 0; d < draws; d++) col[d] = all[d * n + e];
            Array.Sort(col);
            double mean = 0;
            for (int d = 0; d < draws; d++) mean += col[d];
            int u = model.Units[e];
            bands[i] = new RankBand(matrix.UnitCodes[u], matrix.UnitNames[u], point[e], Quantiles.Type7Sorted(col, 0.5), mean / draws, Quantiles.Type7Sorted(col, 0.05), Quantiles.Type7Sorted(col, 0.95));
        }

        var outside = bands.Where(b => !b.ContainsPoint).Select(b => b.Code).ToArray();
        if (outside.Length > 0)
            notes.Add(outside.Length + " unit(s) have a point rank outside their 5–95% band: the nominal choices are atypical for them among the draws (" + string.Join(", ", outside.Take(20)) + (outside.Length > 20 ? ", ..." : "") + ")");

        var rows = new List<SensitivityRow>
        {
            Sensitivity(MonteCarloFactor.Weights, true, draws, () => sim.Run(1, draws, new Plan(true, null, false, null, false, false, false, false), null), point, n),
            Sensitivity(MonteCarloFactor.Normalisation, norms.Length > 0, norms.Length, () => sim.Run(2, norms.Length, new Plan(false, norms, true, null, false, false, false, false), null), point, n),
            Sensitivity(MonteCarloFactor.Aggregation, aggs.Length > 0, aggs.Length, () => sim.Run(3, aggs.Length, new Plan(false, null, false, aggs, true, false, false, false), null), point, n),
            Sensitivity(MonteCarloFactor.Data, dataVaries, dataVaries ? draws : 0, () => sim.Run(4, draws, new Plan(false, null, false, null, false, true, false, false), null), point, n),
        };
        if (yearsVary)
            rows.Add(Sensitivity(MonteCarloFactor.Years, true, scenarios, () => sim.Run(5, scenarios, new Plan(false, null, false, null, false, false, true, true), null), point, n));
        var sorted = rows.Select((r, i) => (r, i)).OrderByDescending(x => x.r.MeanAbsRankShift).ThenBy(x => x.i).Select(x => x.r).ToArray();
        return new MonteCarloResult(spec.Seed, draws, bands, sorted, notes);
    }

    /// <summary>
    /// The normalisation options a draw picks from: the spec's own (null: each indicator as the spec says) and each
    /// alternative that differs from it, so the nominal model is always one of the configurations drawn.
    /// </summary>
    private static NormalisationMethod?[] NormalisationOptions(ScoringModel m)
    {
        var alts = m.Spec.MonteCarlo.Normalisations;
        if (alts.Count == 0) return [];
        var own = m.Indicators.Where(i => i.Normalisation != NormalisationMethod.Target).Select(i => i.Normalisation).Distinct().ToArray();
        var list = new List<NormalisationMethod?> { null };
        foreach (var a in alts)
            if (!(own.Length == 1 && own[0] == a)) list.Add(a);
        return list.ToArray();
    }

    private static SensitivityRow Sensitivity(MonteCarloFactor factor, bool varied, int configs, Func<int[]> run, int[] point, int n)
    {
        if (!varied || configs == 0) return new SensitivityRow(factor, false, 0, 0, 0, 0);
        var ranks = run();
        double sum = 0;
        int max = 0;
        for (int d = 0; d < configs; d++)
            for (int e = 0; e < n; e++)
            {
                int s = Math.Abs(ranks[d * n + e] - point[e]);
                sum += s;
                if (s > max) max = s;
            }
        double width = 0;
        var col = new double[configs];
        for (int e = 0; e < n; e++)
        {
            for (int d = 0; d < configs; d++) col[d] = ranks[d * n + e];
            Array.Sort(col);
            width += Quantiles.Type7Sorted(col, 0.95) - Quantiles.Type7Sorted(col, 0.05);
        }
        return new SensitivityRow(factor, true, configs, sum / ((double)configs * n), max, width / n);
    }

    private static ScoreResult BuildResult(ScoringModel m, string name, double[] w, double[] pw)
    {
        int n = m.N, K = m.K, P = m.P;
        var geo = m.Spec.Aggregation == AggregationMethod.Geometric;
        var norm = new double[K * n];
        m.Normalise(m.Prepared, null, geo, norm);
        var composite = new double[n];
        var pillars = new double[P * n];
        m.Aggregate(norm, w, pw, m.Spec.Aggregation, composite, pillars);
        var ranks = new int[n];
        var order = new int[n];
        m.Rank(composite, order, ranks);

        var contrib = new double[n][];
        for (int e = 0; e < n; e++)
        {
            var sw = new double[P];
            for (int k = 0; k < K; k++) if (!double.IsNaN(norm[k * n + e]) && w[k] > 0) sw[m.PillarOf[k]] += w[k];
            double sW = 0;
            for (int p = 0; p < P; p++) if (sw[p] > 0 && pw[p] > 0) sW += pw[p];
            contrib[e] = new double[K];
            for (int k = 0; k < K; k++)
            {
                double v = norm[k * n + e];
                int p = m.PillarOf[k];
                if (double.IsNaN(v)) { contrib[e][k] = double.NaN; continue; }
                double eff = sw[p] > 0 && sW > 0 && w[k] > 0 ? pw[p] / sW * (w[k] / sw[p]) : 0;
                contrib[e][k] = eff * (geo ? Math.Log(v) : v);
            }
        }

        var units = new UnitScore[n];
        for (int r = 0; r < n; r++)
        {
            int e = order[r];
            int u = m.Units[e];
            int? next = r + 1 < n ? order[r + 1] : null;
            var gap = next is int x
                ? Enumerable.Range(0, K).Select(k => Zero(contrib[e][k]) - Zero(contrib[x][k])).ToArray()
                : [];
            units[r] = new UnitScore(m.Matrix.UnitCodes[u], m.Matrix.UnitNames[u], ranks[e], composite[e],
                Enumerable.Range(0, P).Select(p => pillars[p * n + e]).ToArray(), contrib[e],
                next is int y ? m.Matrix.UnitCodes[m.Units[y]] : null, gap,
                m.SpecialisationGrowth[e], m.RelatednessComplexity[e])
            { Normalised = Enumerable.Range(0, K).Select(k => norm[k * n + e]).ToArray() };
        }
        var notes = new List<string>(m.Notes);
        if (geo) notes.Add("geometric aggregation: normalised values were mapped onto [1, 100] (1 + 99·(v − min)/(max − min)) so that every value is strictly positive; contributions are to ln(composite)");
        return new ScoreResult(m.Spec.Name, name, m.Spec.Aggregation, m.Spec.Pillars.Select(p => p.Id).ToArray(), pw.ToArray(), m.Uses.ToArray(),
            units, m.Unscored.ToArray(), m.RelatednessCut, m.ComplexityCut, notes)
        { IndicatorWeights = w.ToArray() };
    }

    private static double Zero(double v) => double.IsNaN(v) ? 0 : v;

    /// <summary>What a simulation varies: weights; normalisation (random pick, or the d-th option when enumerating); aggregation likewise; data; the choice of years (random pick, or the d-th scenario).</summary>
    private sealed record Plan(bool Weights, NormalisationMethod?[]? Norms, bool EnumerateNorms, AggregationMethod[]? Aggs, bool EnumerateAggs, bool Data, bool Years, bool EnumerateYears);

    private sealed class Simulation
    {
        private readonly ScoringModel _m;
        private readonly DataUncertainty? _data;
        private readonly int _dop;
        private readonly Dictionary<(int Norm, bool Positive), double[]> _cache = [];

        public Simulation(ScoringModel m, DataUncertainty? data, int dop)
        {
            _m = m;
            _data = data;
            _dop = dop;
            var keys = new List<NormalisationMethod?> { null };
            keys.AddRange(m.Spec.MonteCarlo.Normalisations.Select(x => (NormalisationMethod?)x));
            foreach (var k in keys)
                foreach (var pos in new[] { false, true })
                {
                    var key = (k is null ? -1 : (int)k.Value, pos);
                    if (_cache.ContainsKey(key)) continue;
                    var buf = new double[m.K * m.N];
                    m.Normalise(m.Prepared, k, pos, buf);
                    _cache[key] = buf;
                }
        }

        public int[] PointRanks()
        {
            int n = _m.N;
            var comp = new double[n];
            _m.Aggregate(_cache[(-1, _m.Spec.Aggregation == AggregationMethod.Geometric)], _m.NominalIndicatorWeights, _m.NominalPillarWeights, _m.Spec.Aggregation, comp, null);
            var ranks = new int[n];
            _m.Rank(comp, new int[n], ranks);
            return ranks;
        }

        public int[] Run(int stream, int draws, Plan plan, IProgress<int>? progress)
        {
            int n = _m.N;
            var ranks = new int[draws * n];
            int seed = _m.Spec.Seed, done = 0;
            Parallel.For(0, draws, new ParallelOptions { MaxDegreeOfParallelism = _dop }, () => new Workspace(_m), (d, _, ws) =>
            {
                var rng = new Rng(DeriveSeed(seed, stream, d));
                Array.Copy(_m.NominalIndicatorWeights, ws.W, _m.K);
                Array.Copy(_m.NominalPillarWeights, ws.Pw, _m.P);
                if (plan.Weights) Perturb(ref rng, ws);
                NormalisationMethod? norm = plan.Norms is { Length: > 0 } ns ? ns[plan.EnumerateNorms ? d : rng.Next(ns.Length)] : null;
                var agg = plan.Aggs is { Length: > 0 } ag ? ag[plan.EnumerateAggs ? d : rng.Next(ag.Length)] : _m.Spec.Aggregation;
                bool pos = agg == AggregationMethod.Geometric;
                double[] values;
                int scenario = plan.Years ? (plan.EnumerateYears ? d : rng.Next(_data!.Scenarios!.Count)) : -1;
                if (scenario >= 0)
                {
                    _m.RawColumns(_data!.Scenarios![scenario], ws.X);
                    if (plan.Data) ShiftByBands(ref rng, ws.X);
                    _m.PrepareColumns(ws.X);
                    _m.Normalise(ws.X, norm, pos, ws.Norm);
                    values = ws.Norm;
                }
                else if (plan.Data)
                {
                    DrawData(ref rng, ws.X);
                    _m.PrepareColumns(ws.X);
                    _m.Normalise(ws.X, norm, pos, ws.Norm);
                    values = ws.Norm;
                }
                else values = _cache[(norm is null ? -1 : (int)norm.Value, pos)];
                _m.Aggregate(values, ws.W, ws.Pw, agg, ws.Composite, null);
                _m.Rank(ws.Composite, ws.Order, ws.Ranks);
                Array.Copy(ws.Ranks, 0, ranks, d * n, n);
                if (progress is not null) progress.Report(Interlocked.Increment(ref done));
                return ws;
            }, _ => { });
            return ranks;
        }

        private void Perturb(ref Rng rng, Workspace ws)
        {
            var mc = _m.Spec.MonteCarlo;
            if (mc.Perturbation == WeightPerturbation.Uniform)
            {
                double r = mc.PerturbationRange;
                for (int p = 0; p < _m.P; p++) ws.Pw[p] *= 1 - r + 2 * r * rng.NextDouble();
                for (int k = 0; k < _m.K; k++) ws.W[k] *= 1 - r + 2 * r * rng.NextDouble();
                return;
            }
            Dirichlet(ref rng, ws.Pw.AsSpan(0, _m.P), mc.DirichletConcentration);
            int start = 0;
            for (int p = 0; p < _m.P; p++)
            {
                int len = _m.Spec.Pillars[p].Indicators.Count;
                Dirichlet(ref rng, ws.W.AsSpan(start, len), mc.DirichletConcentration);
                start += len;
            }
        }

        /// <summary>Replaces weights w (summing to 1) by a Dirichlet draw with αᵢ = c·K·wᵢ (mean w); zero weights stay zero.</summary>
        private static void Dirichlet(ref Rng rng, Span<double> w, double c)
        {
            double sum = 0;
            for (int i = 0; i < w.Length; i++)
            {
                if (w[i] <= 0) continue;
                w[i] = rng.NextGamma(c * w.Length * w[i]);
                sum += w[i];
            }
            if (sum > 0) for (int i = 0; i < w.Length; i++) w[i] /= sum;
        }

        /// <summary>
        /// Moves each value of a year scenario by a draw of its cell's band around the point value: x + (U(lo, hi) − v).
        /// Bootstrap replicates describe the run's own years only, so with replicates the scenario is left as it is.
        /// </summary>
        private void ShiftByBands(ref Rng rng, double[] x)
        {
            if (_data!.Lower is null) return;
            int n = _m.N, K = _m.K;
            for (int e = 0; e < n; e++)
                for (int k = 0; k < K; k++)
                {
                    if (!_m.Used[k] || double.IsNaN(x[k * n + e])) continue;
                    double lo = _m.RawValue(_data.Lower!, e, k), hi = _m.RawValue(_data.Upper!, e, k), v = _m.RawValue(_m.Matrix.Values, e, k);
                    if (double.IsFinite(lo) && double.IsFinite(hi) && !double.IsNaN(v)) x[k * n + e] += lo + (hi - lo) * rng.NextDouble() - v;
                }
        }

        private void DrawData(ref Rng rng, double[] x)
        {
            int n = _m.N, K = _m.K;
            var reps = _data!.Replicates;
            if (reps is { Count: > 0 })
            {
                for (int e = 0; e < n; e++)
                {
                    var rep = reps[rng.Next(reps.Count)];
                    for (int k = 0; k < K; k++) x[k * n + e] = _m.Used[k] ? _m.RawValue(rep, e, k) : double.NaN;
                }
                return;
            }
            _m.RawColumns(_m.Matrix.Values, x);
            for (int e = 0; e < n; e++)
                for (int k = 0; k < K; k++)
                {
                    if (!_m.Used[k] || double.IsNaN(x[k * n + e])) continue;
                    double lo = _m.RawValue(_data.Lower!, e, k), hi = _m.RawValue(_data.Upper!, e, k);
                    if (double.IsFinite(lo) && double.IsFinite(hi)) x[k * n + e] = lo + (hi - lo) * rng.NextDouble();
                }
        }
    }

    private sealed class Workspace(ScoringModel m)
    {
        public readonly double[] W = new double[m.K];
        public readonly double[] Pw = new double[m.P];
        public readonly double[] X = new double[m.K * m.N];
        public readonly double[] Norm = new double[m.K * m.N];
        public readonly double[] Composite = new double[m.N];
        public readonly int[] Order = new int[m.N];
        public readonly int[] Ranks = new int[m.N];
    }

    /// <summary>SplitMix64 (Steele, Lea and Flood 2014) over (seed, stream, draw): an independent, reproducible seed per draw.</summary>
    internal static int DeriveSeed(int seed, int stream, int draw)
    {
        ulong z = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL + (ulong)(uint)stream * 0xD1B54A32D192ED03UL + (ulong)(uint)draw * 0x94D049BB133111EBUL + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z >> 33);
    }
}
