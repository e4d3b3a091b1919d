using System.Globalization;
using CompeteModel.Engine.Complexity;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Indicators;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Scoring;
using CompeteModel.Engine.Sectors;
using CompeteModel.Engine.Statistics;

namespace CompeteModel.Engine.Backtest;

/// <summary>
/// Does the model predict? (issue 19.) On the 40 GB ITL2 areas × SIC sectors of the shipped BRES panel: the
/// indicators the model ranks on, measured at t0, against what happened by t1 — entry into and exit from
/// specialisation (<see cref="Transitions"/>; ROC AUC with a region-cluster bootstrap interval, logits with and
/// without fixed effects) and growth relative to Great Britain (Spearman ρ, top decile against the rest), with a
/// placebo (density shuffled within regions) and robustness variants. Steps per variant: reference geography
/// (<see cref="UkReferenceGeography"/>) → endpoint matrices → RCA (<see cref="Rca"/>) → relatedness and complexity at
/// t0 (<see cref="ComplexityCalculator"/>, the ECI/PCI sign anchored on GVA per job as in the city-region run) →
/// the composite at t0 (<see cref="CompositeScorer.Score"/> per region) → outcomes → statistics.
/// </summary>
public static class UkBacktest
{
    /// <summary>The predictors tested, in report order: id and plain name.</summary>
    public static IReadOnlyList<(string Id, string Name)> Predictors { get; } =
    [
        ("density", "relatedness density"),
        ("cog", "complexity outlook gain (COG)"),
        ("pci", "product complexity (PCI)"),
        ("composite", "composite score (city-region spec)"),
        ("lq", "location quotient (RCA against GB)"),
    ];

    public static BacktestResult Run(UkData data, BacktestRequest request, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(request);
        var years = data.BresSubclasses.Years.Order().ToList();
        if (!years.Contains(request.From)) throw new InputException($"year {request.From} is not in BRES employment ({years[0]}–{years[^1]})", field: "--from");
        if (!years.Contains(request.To)) throw new InputException($"year {request.To} is not in BRES employment ({years[0]}–{years[^1]})", field: "--to");
        if (request.From >= request.To) throw new InputException($"--from ({request.From}) must be before --to ({request.To})", field: "--from");
        if (request.Draws < 0) throw new InputException("the number of bootstrap draws must be 0 or more", field: "--draws");
        if (request.Window < 1) throw new InputException("the endpoint window must be at least 1 year", field: "--window");
        if (!(request.MinJobs >= 0)) throw new InputException("the small-cell cut must be 0 or more jobs", field: "--min-jobs");

        var variants = Variants(request);
        var references = new Dictionary<SectorLevel, UkReferenceGeography>();
        var evaluations = new List<BacktestEvaluation>();
        for (int i = 0; i < variants.Count; i++)
        {
            progress?.Report(variants[i].Label);
            evaluations.Add(Evaluate(data, request, variants[i], full: i == 0, references, years));
        }
        bool growthPillar = request.From > years[0];
        var composite = "The composite is a proxy of the city-region run's: the spec (" + request.Spec.Name + ") scored at t0 for each ITL2 area by the model's " +
                        "scorer (CompositeScorer.Score, base weights) on published data, after the run's own adjustments — eligible sectors only (the spec's " +
                        "traded/local classes and its size floor on jobs at t0), the complexity gate checked at t0 (a failed gate takes PCI and COG out), " +
                        "the technology pillar out (no firm data). Inputs: lq (= RCA against the 40 areas, i.e. Great Britain), density (without the sector's own presence), and COG and PCI at t0 when the gate passes" +
                        (growthPillar
                            ? $", and the growth pillar's indicators the indicator library gives over {years[0]}–{request.From}"
                            : $"; the growth pillar needs a period before t0 = {request.From}, the first BRES year, so it has no values and is re-weighted away") +
                        ". The run itself (CityRegionRun) is not re-run: it needs years before its end year and a Monte Carlo per region; its jump check and years factor are not reproduced.";
        var notes = new List<string>
        {
            "Intervals: 95% percentile intervals of a cluster bootstrap over the regions (" + request.Draws.ToString(CultureInfo.InvariantCulture) + " draws, seed " +
            request.Seed.ToString(CultureInfo.InvariantCulture) + "): cells of one region are not independent. Sector-level dependence (PCI is one value per sector) is not resampled, so PCI's intervals are too narrow if anything.",
        };
        return new BacktestResult(request, evaluations[0], evaluations.Skip(1).ToList(), composite, notes);
    }

    /// <summary>The main variant first, then the robustness variants the request asks for.</summary>
    public static IReadOnlyList<Variant> Variants(BacktestRequest r)
    {
        string Lvl(SectorLevel l) => l.ToString().ToLowerInvariant();
        var list = new List<Variant> { new($"{Lvl(r.Level)}, {r.From}→{r.To}", r.Level, r.From, r.To, 1, 0) };
        if (!r.Robustness) return list;
        var other = r.Level == SectorLevel.Subclass ? SectorLevel.Division : SectorLevel.Subclass;
        list.Add(new($"{Lvl(other)}, {r.From}→{r.To}", other, r.From, r.To, 1, 0));
        if (r.MinJobs > 0)
            list.Add(new($"{Lvl(r.Level)}, cells under {r.MinJobs.ToString(CultureInfo.InvariantCulture)} jobs at t0 or t1 dropped", r.Level, r.From, r.To, 1, r.MinJobs));
        if (r.Window > 1 && r.From + r.Window - 1 < r.To - r.Window + 1)
            list.Add(new($"{Lvl(r.Level)}, {r.Window}-year endpoints ({r.From}–{r.From + r.Window - 1} → {r.To - r.Window + 1}–{r.To})", r.Level, r.From, r.To, r.Window, 0));
        int mid = r.From + (r.To - r.From) / 2;
        if (mid > r.From && mid < r.To)
        {
            list.Add(new($"{Lvl(r.Level)}, {r.From}→{mid}", r.Level, r.From, mid, 1, 0));
            list.Add(new($"{Lvl(r.Level)}, {mid}→{r.To}", r.Level, mid, r.To, 1, 0));
        }
        return list;
    }

    private static BacktestEvaluation Evaluate(UkData data, BacktestRequest req, Variant v, bool full,
        Dictionary<SectorLevel, UkReferenceGeography> references, List<int> years)
    {
        if (!references.TryGetValue(v.Level, out var reference))
        {
            var gb = data.Geography.GreatBritain;
            var first = data.Geography.OfKind(RegionKind.Itl2).First(r => gb.Itl2Codes.Contains(r.Code));
            references[v.Level] = reference = UkReferenceGeography.Build(data, first, v.Level, years);
        }
        var panel = reference.Panel;
        int R = panel.R, S = panel.S, n = R * S;
        double threshold = req.Spec.Thresholds.Presence;
        var start = Enumerable.Range(v.From, v.Window).ToArray();
        var end = Enumerable.Range(v.To - v.Window + 1, v.Window).ToArray();
        var notes = new List<string>();

        // Endpoints: the matrices (unpublished cells absent, as in the complexity calculation) and the jobs (NaN where unpublished).
        var x0 = MeanMatrix(reference, start);
        var x1 = MeanMatrix(reference, end);
        var e0 = MeanJobs(panel, start);
        var e1 = MeanJobs(panel, end);
        var rca0 = new double[n];
        var rca1 = new double[n];
        Rca.Balassa(x0, R, S, rca0);
        Rca.Balassa(x1, R, S, rca1);
        foreach (var y in start.Concat(end).Distinct())
        {
            int t = panel.YearIndex(y);
            if (reference.UnknownCells[t] > 0)
                notes.Add($"BRES {y}: {reference.UnknownCells[t]} region × sector cells unpublished, read as absent (no jobs).");
        }

        // Predictors at t0: the complexity calculation of the city-region run on the start matrix.
        var labels = reference.Years[0].Matrix.Locations;
        var codes = reference.Years[0].Matrix.Products;
        var cx = Complexity(data, reference, x0, v.From, string.Join("–", start.Distinct()), threshold);
        if (!cx.Diagnostics.Reliable) notes.Add(cx.Diagnostics.Warning);
        var values = new Dictionary<string, double[]>(StringComparer.Ordinal)
        {
            ["density"] = Nan(n),
            ["cog"] = Nan(n),
            ["pci"] = Nan(n),
        };
        int np = cx.Products.Count;
        int notInCx = 0;
        for (int r = 0; r < R; r++)
        {
            int lr = cx.LocationIndex(labels[r]);
            for (int s = 0; s < S; s++)
            {
                int p = cx.ProductIndex(codes[s]);
                if (lr < 0 || p < 0) { notInCx++; continue; }
                int i = r * S + s;
                values["density"][i] = cx.Density[lr * np + p];
                values["cog"][i] = cx.Cog[lr * np + p];
                values["pci"][i] = cx.Pci[p];
            }
        }
        values["lq"] = (double[])rca0.Clone();
        values["composite"] = Composite(data, req.Spec, reference, cx, rca0, x0, v, years, threshold, notes);

        // Outcomes and the cells left out.
        var entry = new sbyte[n];
        var exit = new sbyte[n];
        Transitions.Entries(rca0, rca1, threshold, entry);
        Transitions.Exits(rca0, rca1, threshold, exit);
        var benchmark0 = ColumnSums(x0, R, S);
        var benchmark1 = ColumnSums(x1, R, S);
        var growth = new double[n];
        int growthUndefined = 0, rcaUndefined = 0, small = 0;
        var region = new int[n];
        for (int i = 0; i < n; i++)
        {
            region[i] = i / S;
            int s = i % S;
            if (double.IsNaN(rca0[i]) || double.IsNaN(rca1[i])) rcaUndefined++;
            if (v.MinJobs > 0 && !(e0[i] >= v.MinJobs && e1[i] >= v.MinJobs))
            {
                small++;
                entry[i] = exit[i] = Transitions.NotAtRisk;
                growth[i] = double.NaN;
                continue;
            }
            growth[i] = Growth.VersusBenchmark(e0[i], e1[i], benchmark0[s], benchmark1[s], out _);
            if (double.IsNaN(growth[i])) growthUndefined++;
        }
        var excluded = new List<(string, int)>
        {
            ("sector with no jobs in any region at t0: no relatedness or complexity", notInCx),
            ("RCA undefined at t0 or t1 (sector with no jobs in Great Britain)", rcaUndefined),
            ("growth undefined (no jobs or unpublished at t0, or unpublished at t1)", growthUndefined),
        };
        if (v.MinJobs > 0) excluded.Add(($"fewer than {v.MinJobs.ToString(CultureInfo.InvariantCulture)} jobs (or unpublished) at t0 or t1", small));

        var key = $"{v.Level}|{v.From}|{v.To}|{v.Window}|{v.MinJobs.ToString(CultureInfo.InvariantCulture)}";
        var predictors = new List<PredictorResult>();
        var curves = new Dictionary<string, IReadOnlyList<RocPoint>>(StringComparer.Ordinal);
        foreach (var (id, name) in Predictors)
        {
            var x = values[id];
            var (entryAuc, withinAuc) = AucEstimate(x, entry, region, R, req, key + "|entry|" + id, full ? curves : null, id);
            // COG is the gain from moving into a sector not yet held: on specialised cells it is 0 by definition, not a prediction.
            var exitAuc = id == "cog" ? new Estimate(double.NaN, double.NaN, double.NaN, 0) : AucEstimate(x, exit, region, R, req, key + "|exit|" + id, null, id).Pooled;
            LogitFit? pooled = null, fe = null, controlled = null;
            string feText = id == "pci" ? "region (PCI is one value per sector, so sector effects would absorb it)" : "region and sector";
            if (full) (pooled, fe, controlled) = Logits(x, entry, region, S, id == "pci", id == "lq" ? null : rca0);
            var (rho, top, rest, diff) = GrowthEstimates(x, growth, region, R, req, key + "|growth|" + id);
            predictors.Add(new PredictorResult(id, name, entryAuc, withinAuc, exitAuc, pooled, fe, controlled, feText, rho, top, rest, diff));
        }

        var (placebo, placeboWithin) = PlaceboEstimate(values["density"], entry, region, R, req, key + "|placebo", full ? curves : null);
        var deciles = Deciles(values["density"], entry);
        int Count(sbyte[] o, int c) => o.Count(x => x == c);
        return new BacktestEvaluation(v, R, S, Count(entry, 0) + Count(entry, 1), Count(entry, 1), Count(exit, 0) + Count(exit, 1), Count(exit, 1),
            excluded, predictors, placebo, placeboWithin, deciles, curves, notes);
    }

    private static (Estimate Pooled, Estimate Within) AucEstimate(double[] x, sbyte[] outcome, int[] region, int clusters, BacktestRequest req, string key,
        Dictionary<string, IReadOnlyList<RocPoint>>? curves, string id)
    {
        var (score, positive, cluster) = AtRisk(x, outcome, region);
        if (curves is not null && score.Length > 0) curves[id] = Roc.Curve(score, positive);
        return Aucs(score, positive, cluster, clusters, req, key);
    }

    private static (Estimate Pooled, Estimate Within) PlaceboEstimate(double[] density, sbyte[] entry, int[] region, int clusters, BacktestRequest req, string key,
        Dictionary<string, IReadOnlyList<RocPoint>>? curves)
    {
        var (score, positive, cluster) = AtRisk(density, entry, region);
        var shuffled = Placebo.ShuffleWithinGroups(score, cluster, req.Seed, key);
        if (curves is not null && score.Length > 0) curves["placebo"] = Roc.Curve(shuffled, positive);
        return Aucs(shuffled, positive, cluster, clusters, req, key);
    }

    /// <summary>Pooled and within-region AUC with their cluster-bootstrap intervals (the within-region one reweights regions in O(regions) per draw).</summary>
    private static (Estimate Pooled, Estimate Within) Aucs(double[] score, bool[] positive, int[] cluster, int clusters, BacktestRequest req, string key)
    {
        var none = new Estimate(double.NaN, double.NaN, double.NaN, 0);
        if (score.Length == 0) return (none, none);
        var order = Roc.AscendingOrder(score);
        var ones = new double[score.Length];
        Array.Fill(ones, 1.0);
        double auc = Roc.Auc(order, score, positive, ones);
        var (lo, hi) = ClusterBootstrap.Interval(cluster, clusters, req.Draws, req.Seed, key, w => Roc.Auc(order, score, positive, w));
        var (u, pairs) = Roc.StratumCounts(score, positive, cluster, clusters);
        var firstCell = Enumerable.Repeat(-1, clusters).ToArray();
        for (int i = cluster.Length - 1; i >= 0; i--) firstCell[cluster[i]] = i;
        double Within(double[] w)
        {
            double su = 0, sp = 0;
            for (int g = 0; g < clusters; g++)
            {
                if (firstCell[g] < 0) continue;
                su += w[firstCell[g]] * u[g];
                sp += w[firstCell[g]] * pairs[g];
            }
            return sp > 0 ? su / sp : double.NaN;
        }
        var (wlo, whi) = ClusterBootstrap.Interval(cluster, clusters, req.Draws, req.Seed, key + "|within", Within);
        return (new Estimate(auc, lo, hi, score.Length), new Estimate(Within(ones), wlo, whi, score.Length));
    }

    /// <summary>Cells at risk (outcome ≥ 0) with a defined predictor: their scores, outcomes and regions.</summary>
    private static (double[] Score, bool[] Positive, int[] Cluster) AtRisk(double[] x, sbyte[] outcome, int[] region)
    {
        var idx = new List<int>();
        for (int i = 0; i < x.Length; i++) if (outcome[i] >= 0 && double.IsFinite(x[i])) idx.Add(i);
        return (idx.Select(i => x[i]).ToArray(), idx.Select(i => outcome[i] == 1).ToArray(), idx.Select(i => region[i]).ToArray());
    }

    /// <summary>
    /// Entry on the predictor standardised over the cells at risk: pooled, with fixed effects, and with fixed effects
    /// and the cell's own RCA at t0 (standardised) as a control when <paramref name="rca0"/> is given.
    /// </summary>
    private static (LogitFit Pooled, LogitFit Fe, LogitFit? Controlled) Logits(double[] x, sbyte[] entry, int[] region, int sectors, bool regionOnly, double[]? rca0)
    {
        var idx = new List<int>();
        for (int i = 0; i < x.Length; i++) if (entry[i] >= 0 && double.IsFinite(x[i])) idx.Add(i);
        var z = Standardised(idx.Select(i => x[i]).ToArray());
        var y = idx.Select(i => entry[i] == 1).ToArray();
        var reg = idx.Select(i => region[i]).ToArray();
        var sec = regionOnly ? [] : idx.Select(i => i % sectors).ToArray();
        var pooled = FixedEffectsLogit.Fit(y, z);
        var fe = FixedEffectsLogit.Fit(y, z, reg, sec);
        var controlled = rca0 is null ? null : FixedEffectsLogit.Fit(y, z, reg, sec, Standardised(idx.Select(i => rca0[i]).ToArray()));
        return (pooled, fe, controlled);
    }

    /// <summary>z-scores (population sd); all zeros when the values have no spread (the fit then reports it).</summary>
    private static double[] Standardised(double[] v)
    {
        ComplexityStatistics.ZScore(v, SdConvention.Population);
        return v.Any(double.IsNaN) ? new double[v.Length] : v;
    }

    private static (Estimate Rho, double TopMedian, double RestMedian, Estimate Diff) GrowthEstimates(double[] x, double[] growth, int[] region, int clusters,
        BacktestRequest req, string key)
    {
        var idx = new List<int>();
        for (int i = 0; i < x.Length; i++) if (double.IsFinite(x[i]) && double.IsFinite(growth[i])) idx.Add(i);
        var nan = new Estimate(double.NaN, double.NaN, double.NaN, idx.Count);
        if (idx.Count < 3) return (nan, double.NaN, double.NaN, nan);
        var a = idx.Select(i => x[i]).ToArray();
        var g = idx.Select(i => growth[i]).ToArray();
        var cluster = idx.Select(i => region[i]).ToArray();
        var aOrder = Roc.AscendingOrder(a);
        var gOrder = Roc.AscendingOrder(g);
        var ones = new double[a.Length];
        Array.Fill(ones, 1.0);
        double rho = WeightedStatistics.Spearman(aOrder, a, gOrder, g, ones);
        var (rlo, rhi) = ClusterBootstrap.Interval(cluster, clusters, req.Draws, req.Seed, key + "|rho", w => WeightedStatistics.Spearman(aOrder, a, gOrder, g, w));

        var sorted = (double[])a.Clone();
        Array.Sort(sorted);
        double cut = Quantiles.Type7Sorted(sorted, 0.9);
        var top = a.Select(v => v >= cut).ToArray();
        var rest = top.Select(t => !t).ToArray();
        double Diff(double[] w) => WeightedStatistics.Median(gOrder, g, w, top) - WeightedStatistics.Median(gOrder, g, w, rest);
        double topMedian = WeightedStatistics.Median(gOrder, g, ones, top), restMedian = WeightedStatistics.Median(gOrder, g, ones, rest);
        var (dlo, dhi) = ClusterBootstrap.Interval(cluster, clusters, req.Draws, req.Seed, key + "|top", Diff);
        return (new Estimate(rho, rlo, rhi, a.Length), topMedian, restMedian, new Estimate(topMedian - restMedian, dlo, dhi, a.Length));
    }

    /// <summary>Entry rates of the cells at risk by decile of density (decile d holds the cells ranked in the d-th tenth, ties in index order).</summary>
    private static IReadOnlyList<DecileRate> Deciles(double[] density, sbyte[] entry)
    {
        var idx = new List<int>();
        for (int i = 0; i < density.Length; i++) if (entry[i] >= 0 && double.IsFinite(density[i])) idx.Add(i);
        if (idx.Count < 10) return [];
        var score = idx.Select(i => density[i]).ToArray();
        var order = Roc.AscendingOrder(score);
        var result = new List<DecileRate>();
        for (int d = 0; d < 10; d++)
        {
            int from = d * order.Length / 10, to = (d + 1) * order.Length / 10;
            int entries = 0;
            for (int k = from; k < to; k++) if (entry[idx[order[k]]] == 1) entries++;
            result.Add(new DecileRate(d + 1, score[order[from]], score[order[to - 1]], to - from, entries));
        }
        return result;
    }

    /// <summary>
    /// The spec's composite at t0 for every region × sector with jobs at t0 (NaN elsewhere and for units the scorer
    /// leaves unscored): one <see cref="CompositeScorer.Score"/> per region, as the city-region run scores one region.
    /// </summary>
    private static double[] Composite(UkData data, ModelSpec spec, UkReferenceGeography reference, ComplexityYearResult cx, double[] rca0, double[] x0,
        Variant v, List<int> years, double threshold, List<string> notes)
    {
        var panel = reference.Panel;
        int R = panel.R, S = panel.S, firstYear = years[0];
        var result = Nan(R * S);
        spec = Gate(data, reference, spec, cx, v, years, threshold, notes);
        var tech = TechnologyIndicators.Where(id => spec.Pillars.Any(p => p.Indicators.Any(i => i.Id == id))).ToArray();
        if (tech.Length > 0) spec = SpecAdjust.Without(spec, tech);
        var eligible = Eligible(data, spec, panel);
        var ids = spec.Pillars.SelectMany(p => p.Indicators).Select(i => i.Id).Distinct().ToList();
        IndicatorTable? preceding = null;
        if (v.From > firstYear)
            preceding = UkIndicators.Compute(data, new UkIndicatorRequest
            {
                Regions = reference.Regions,
                Benchmark = data.Geography.GreatBritain,
                Level = v.Level,
                Year = v.From,
                BaseYear = firstYear,
                PresenceThreshold = spec.Thresholds.Presence,
            }).Table;
        var runSpec = spec with { Thresholds = spec.Thresholds with { MinFirms = null } };
        int np = cx.Products.Count;
        var provenance = Enumerable.Repeat(Provenance.PublishedStatistics, ids.Count).ToArray();
        int unscoredRegions = 0;
        for (int r = 0; r < R; r++)
        {
            var regionId = reference.Regions[r].Id;
            int lr = cx.LocationIndex(regionId);
            var units = new List<int>();
            double regionJobs = 0;
            for (int s = 0; s < S; s++) regionJobs += x0[r * S + s];
            for (int s = 0; s < S; s++)
            {
                double jobs = x0[r * S + s];
                if (!(jobs > 0) || !eligible[s]) continue;
                if (spec.Eligibility?.MinEmployment is { } min && jobs < min) continue;
                if (spec.Eligibility?.MinEmploymentShare is { } share && jobs < share * regionJobs) continue;
                units.Add(s);
            }
            if (units.Count == 0 || lr < 0) continue;
            var vals = new double[units.Count * ids.Count];
            for (int e = 0; e < units.Count; e++)
            {
                int s = units[e];
                var code = panel.Sectors[s].Code;
                int p = cx.ProductIndex(code);
                for (int k = 0; k < ids.Count; k++)
                {
                    double val = double.NaN;
                    switch (ids[k])
                    {
                        case "lq": case "rca": val = rca0[r * S + s]; break;
                        case "density": if (p >= 0) val = cx.Density[lr * np + p]; break;
                        case "cog": if (p >= 0) val = cx.Cog[lr * np + p]; break;
                        case "pci": if (p >= 0) val = cx.Pci[p]; break;
                        default:
                            if (preceding is not null)
                            {
                                int row = preceding.Find(regionId, code, ids[k]);
                                if (row >= 0) val = preceding.Value[row];
                            }
                            break;
                    }
                    vals[e * ids.Count + k] = val;
                }
            }
            var matrix = new IndicatorMatrix(units.Select(s => panel.Sectors[s].Code).ToArray(), ids, vals, provenance,
                units.Select(s => panel.Sectors[s].Name).ToArray());
            try
            {
                var score = CompositeScorer.Score(runSpec, matrix);
                foreach (var u in score.Units) result[r * S + panel.SectorIndex(u.Code)] = u.Composite;
            }
            catch (InputException) { unscoredRegions++; }
        }
        if (unscoredRegions > 0) notes.Add($"The composite could not be scored for {unscoredRegions} region(s) (no unit passes the spec's thresholds); their cells have no composite.");
        return result;
    }

    private static readonly string[] TechnologyIndicators = ["tech_intensity", "tech_presence", "tech_growth", "tech_relatedness"];

    /// <summary>
    /// Relatedness and complexity of the matrix over the reference rows as the city-region run computes them: presence at
    /// the spec's threshold, density without the sector's own presence, ECI/PCI sign anchored on GVA per job in
    /// <paramref name="year"/>.
    /// </summary>
    private static ComplexityYearResult Complexity(UkData data, UkReferenceGeography reference, double[] x, int year, string label, double threshold)
    {
        var m = reference.Years[0].Matrix;
        return ComplexityCalculator.ComputePanel(
            [new ComplexityYear(label, new ActivityMatrix(m.Locations, m.Products, x))],
            new ComplexityOptions { RcaThreshold = threshold, Sign = SignRule.Anchor, Density = DensityDiagonal.Excluded },
            reference.Productivity(data, year), "productivity: ONS regional GVA (current prices, Total) / BRES employment")[0];
    }

    /// <summary>
    /// The spec's complexity gate at t0, as the city-region run applies it at its end year: the anchored ECI must
    /// correlate positively with diversity, and PCI must keep its ranking from the year before (Spearman ≥
    /// min_year_stability; with no year before t0 the check cannot be made and the gate fails, as in the run). A failed
    /// gate takes the gated indicators out of the composite (<see cref="SpecAdjust.Without"/>).
    /// </summary>
    private static ModelSpec Gate(UkData data, UkReferenceGeography reference, ModelSpec spec, ComplexityYearResult cx, Variant v, List<int> years,
        double threshold, List<string> notes)
    {
        var gate = spec.ComplexityGate;
        if (gate is null) return spec;
        var inSpec = gate.Indicators.Where(id => spec.Pillars.Any(p => p.Indicators.Any(i => i.Id == id))).ToArray();
        if (inSpec.Length == 0) return spec;
        bool agree = cx.Diagnostics.CorrDiversity > 0;
        double stability = double.NaN;
        if (years.Contains(v.From - 1))
        {
            var prev = Complexity(data, reference, reference.Years[reference.Panel.YearIndex(v.From - 1)].Matrix.Values, v.From - 1, (v.From - 1).ToString(CultureInfo.InvariantCulture), threshold);
            var a = new List<double>();
            var b = new List<double>();
            for (int p = 0; p < cx.Products.Count; p++)
            {
                int q = prev.ProductIndex(cx.Products[p]);
                if (q >= 0) { a.Add(cx.Pci[p]); b.Add(prev.Pci[q]); }
            }
            stability = Correlation.Spearman(a.ToArray(), b.ToArray());
        }
        if (agree && stability >= gate.MinYearStability) return spec;
        notes.Add(string.Format(CultureInfo.InvariantCulture,
            "Composite: the complexity gate fails at t0 (anchored ECI–diversity r = {0:0.###}; PCI stability {1}), so {2} leave the composite, as in the city-region run.",
            cx.Diagnostics.CorrDiversity, double.IsNaN(stability) ? "cannot be checked: no year before t0" : stability.ToString("0.###", CultureInfo.InvariantCulture), string.Join(" and ", inSpec)));
        return SpecAdjust.Without(spec, inSpec);
    }

    /// <summary>Sectors of the classes the spec's eligibility scores (all sectors without an eligibility block).</summary>
    private static bool[] Eligible(UkData data, ModelSpec spec, Panel panel)
    {
        var ok = new bool[panel.S];
        for (int s = 0; s < panel.S; s++)
            ok[s] = spec.Eligibility is not { } el || el.Score.Contains(data.TradeClasses.Classify(panel.Sectors[s].Code).Class);
        return ok;
    }

    private static double[] MeanMatrix(UkReferenceGeography reference, int[] years)
    {
        var sum = new double[reference.Years[0].Matrix.Values.Length];
        foreach (var y in years)
        {
            var x = reference.Years[reference.Panel.YearIndex(y)].Matrix.Values;
            for (int i = 0; i < sum.Length; i++) sum[i] += x[i];
        }
        for (int i = 0; i < sum.Length; i++) sum[i] /= years.Length;
        return sum;
    }

    /// <summary>Published jobs averaged over the years; NaN where any year is unpublished.</summary>
    private static double[] MeanJobs(Panel panel, int[] years)
    {
        var emp = panel[Measure.Employment];
        int n = panel.R * panel.S;
        var mean = new double[n];
        foreach (var y in years)
        {
            int off = panel.YearIndex(y) * n;
            for (int i = 0; i < n; i++) mean[i] += emp.Value[off + i];
        }
        for (int i = 0; i < n; i++) mean[i] /= years.Length;
        return mean;
    }

    private static double[] ColumnSums(double[] x, int rows, int cols)
    {
        var sum = new double[cols];
        for (int r = 0; r < rows; r++)
            for (int s = 0; s < cols; s++) sum[s] += x[r * cols + s];
        return sum;
    }

    private static double[] Nan(int n)
    {
        var a = new double[n];
        Array.Fill(a, double.NaN);
        return a;
    }
}
