using System.Globalization;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Indicators;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Scoring;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// The cluster lens (<c>compete run --sector-set</c>): maps a finished run onto the clusters of a <see cref="SectorSet"/>
/// and scores the clusters instead of the run's sectors.
/// <list type="bullet">
/// <item>Employment of cluster c in area a, year t = Σ_i share[c, i]·X[a, i, t] over the SIC subclasses i (published
/// BRES subclass cells; an unpublished cell is left out and makes the upper bound +∞, as in
/// <see cref="UkData.BuildEmploymentPanel"/>); the rest of the economy takes 1 − Σ_c share[c, i] of every subclass, so the
/// clusters and the rest add up to the region's employment.</item>
/// <item>Indicators computed from employment (LQ, growth, growth vs benchmark, shift-share …) are computed on the cluster
/// panel with <see cref="IndicatorSuite"/>, against Great Britain, exactly as for a division.</item>
/// <item>Every other indicator of the run (relatedness density, complexity, productivity, technology intensity) is the
/// mean of the run's values for the divisions the cluster draws on, weighted by the region's employment the cluster
/// takes from each division in the target year; divisions without a value are left out of the mean.</item>
/// </list>
/// The rest of the economy is not ranked: it is listed in <see cref="CityRegionRunResult.Clusters"/> with the clusters.
/// </summary>
public static class SectorSetStep
{
    public static CityRegionRunResult Apply(UkData uk, CityRegionRunResult run, SectorSet set, ScoringOptions options)
    {
        var region = run.Region;
        var gb = run.Benchmark;
        if (!region.IsItl2Union)
            throw new InputException($"the cluster lens sums published BRES subclass cells, which describe only regions made of whole ITL2 areas; {region.Name} is not one", set.SourceFile, field: "--sector-set");
        var sic = uk.Sic;
        var years = run.Panel.Years;
        var sub = uk.BuildEmploymentPanel([region, gb], SectorLevel.Subclass, years);
        var shares = set.SubclassShares(sic);
        int nc = set.Clusters.Count, nu = nc + 1;
        var subIndex = new int[sic.Subclasses.Count];
        for (int i = 0; i < subIndex.Length; i++) subIndex[i] = sub.TrySectorIndex(sic.Subclasses[i].Code, out var s) ? s : -1;

        var sectors = set.Clusters.Select(c => new Sector(c.Id, c.Name, null, IsBundle: true)).Append(new Sector(SectorSet.RestId, "Rest of the economy", null, IsBundle: true)).ToArray();
        var b = new PanelBuilder(sub.Regions, sectors, years);
        var se = sub[Measure.Employment];
        b.AddMeasure(Measure.Employment, se.Provenance, "ONS BRES subclass cells summed into the clusters of " + set.Name);
        for (int t = 0; t < years.Count; t++)
            for (int a = 0; a < 2; a++)
                for (int c = 0; c < nu; c++)
                {
                    double v = 0, lo = 0, hi = 0;
                    bool any = false;
                    for (int i = 0; i < subIndex.Length; i++)
                    {
                        double w = shares[c][i];
                        if (w <= 0 || subIndex[i] < 0) continue;
                        int k = sub.Index(a, subIndex[i], t);
                        if (double.IsNaN(se.Value[k])) { hi = double.PositiveInfinity; continue; }
                        any = true;
                        v += w * se.Value[k];
                        lo += w * se.Lower[k];
                        hi += w * se.Upper[k];
                    }
                    if (any) b.Add(Measure.Employment, a, c, t, v, lo, hi);
                    else b.SetUnknown(Measure.Employment, a, c, t);
                }
        var panel = b.Build();
        // clusters are not SIC sectors with a traded/local class, and their panel has one choice of years
        var spec = run.Spec with
        {
            Thresholds = run.Spec.Thresholds with { MinFirms = null },
            Eligibility = null,
            MonteCarlo = run.Spec.MonteCarlo with { Years = null },
        };
        var indicators = IndicatorSuite.Compute(panel, new IndicatorOptions
        {
            Year = run.Year,
            BaseYear = run.BaseYear,
            Benchmark = BenchmarkConvention.NamedRegion,
            BenchmarkRegion = gb.Id,
            Regions = [region.Id],
            PresenceThreshold = spec.Thresholds.Presence,
        });

        // the region's target-year employment each cluster takes from each division of the run
        int tY = sub.YearIndex(run.Year), tP = panel.YearIndex(run.Year);
        var fromDivision = new Dictionary<string, double>[nc];
        for (int c = 0; c < nc; c++)
        {
            fromDivision[c] = new Dictionary<string, double>(StringComparer.Ordinal);
            for (int i = 0; i < subIndex.Length; i++)
            {
                if (shares[c][i] <= 0 || subIndex[i] < 0) continue;
                double x = se.Value[sub.Index(0, subIndex[i], tY)];
                if (!(x > 0)) continue;
                var div = sic.Subclasses[i].CodeAt(SectorLevel.Division);
                fromDivision[c][div] = fromDivision[c].GetValueOrDefault(div) + shares[c][i] * x;
            }
        }

        var m = run.Matrix;
        var ids = m.IndicatorIds;
        int K = ids.Count;
        var values = new double[nc * K];
        var lower = new double[nc * K];
        var upper = new double[nc * K];
        Array.Fill(lower, double.NaN);
        Array.Fill(upper, double.NaN);
        var prov = new Provenance[K];
        for (int k = 0; k < K; k++)
        {
            var id = ids[k];
            bool fromPanel = id == "employment" || id == "firms" || indicators.Find(region.Id, set.Clusters[0].Id, id) >= 0;
            prov[k] = fromPanel ? se.Provenance : m.Provenance[k];
            for (int c = 0; c < nc; c++)
            {
                double v;
                if (id == "employment") v = panel[Measure.Employment].Value[panel.Index(0, c, tP)];
                else if (id == "firms") v = double.NaN;
                else if (fromPanel)
                {
                    int i = indicators.Find(region.Id, set.Clusters[c].Id, id);
                    v = i >= 0 ? indicators.Value[i] : double.NaN;
                    if (i >= 0 && double.IsFinite(indicators.Lower[i]) && double.IsFinite(indicators.Upper[i]) && indicators.Lower[i] <= v && v <= indicators.Upper[i])
                    {
                        lower[c * K + k] = indicators.Lower[i];
                        upper[c * K + k] = indicators.Upper[i];
                    }
                }
                else v = WeightedMean(m, k, fromDivision[c]);
                values[c * K + k] = v;
            }
        }
        var matrix = new IndicatorMatrix(set.Clusters.Select(c => c.Id).ToArray(), ids.ToArray(), values, prov, set.Clusters.Select(c => c.Name).ToArray());
        var uncertainty = new DataUncertainty(Lower: lower, Upper: upper);
        var score = CompositeScorer.Score(spec, matrix);
        var sets = CompositeScorer.ScoreWeightSets(spec, matrix, options);
        var mc = CompositeScorer.MonteCarlo(spec, matrix, spec.MonteCarlo.Bootstrap ? uncertainty : null, options);

        var divisionBands = run.MonteCarlo.Bands.Select(x => x.Code + " ").ToArray();
        var warnings = run.Warnings.Where(w => !divisionBands.Any(p => w.StartsWith(p, StringComparison.Ordinal))).ToList();
        foreach (var band in mc.Bands)
            if (!band.ContainsPoint) warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{band.Code} {band.Name}: the point rank {band.PointRank} lies outside its 5–95% band ({band.P05:0.#}–{band.P95:0.#})."));
        var table = ClusterTable(set, panel, tP);
        var regionTotal = table.Column("employment").Data is double[] emp ? emp.Sum() : double.NaN;
        var notes = new List<string>(run.Notes)
        {
            $"Cluster lens '{set.Name}': {nc} clusters scored instead of {run.Level.ToString().ToLowerInvariant()}s; employment, LQ, growth and shift-share from published BRES subclass cells summed into the clusters; "
            + "density, complexity, productivity and technology intensity are the run's division values averaged with the region's employment the cluster takes from each division. "
            + $"The clusters and the rest of the economy add up to {regionTotal.ToString("N0", CultureInfo.InvariantCulture)} jobs in {region.Name} in {run.Year} (clusters.csv lists the SIC codes inside each).",
        };
        var top = score.Units.Take(10).Select(u => u.Code).ToArray();
        return new CityRegionRunResult
        {
            Region = region,
            Benchmark = gb,
            Spec = spec,
            DeclaredSpec = run.DeclaredSpec,
            Level = run.Level,
            Year = run.Year,
            BaseYear = run.BaseYear,
            Seed = run.Seed,
            EndpointYears = run.EndpointYears,
            YearConfigs = [run.YearConfigs[0]],
            FirmProvenance = null,
            // a cluster mixes codes of every trade class: it is not classified and eligibility is not applied
            Eligibility = Enumerable.Range(0, nc).Select(c => new SectorEligibility(set.Clusters[c].Id, set.Clusters[c].Name, TradeClass.Mixed,
                "a cluster of " + set.Name + ": its codes' trade classes are not combined, and eligibility is not applied to clusters", "", double.NaN, "", true,
                panel[Measure.Employment].Value[panel.Index(0, c, tP)], panel[Measure.Employment].Value[panel.Index(0, c, tP)] / regionTotal, null)).ToArray(),
            JumpYears = new Dictionary<string, IReadOnlyList<int>>(StringComparer.Ordinal),
            ComplexityGate = run.ComplexityGate,
            Stability = [new StabilityRow(run.YearConfigs[0], true, top.Length, top.Length, 1, top)],
            TechnologyScored = false,
            UsesMicroData = false,
            Indicators = indicators,
            PublishedIndicators = null,
            Matrix = matrix,
            Uncertainty = uncertainty,
            Score = score,
            WeightSets = sets,
            MonteCarlo = mc,
            Complexity = run.Complexity,
            ComplexityRow = run.ComplexityRow,
            TechnologyIds = [],
            TechnologyShares = new Dictionary<string, double[]>(StringComparer.Ordinal),
            TechnologyTable = run.TechnologyTable,
            Panel = panel,
            SectorNames = sectors.ToDictionary(s => s.Code, s => s.Name, StringComparer.Ordinal),
            Accounts = run.Accounts,
            Notes = notes,
            Warnings = warnings,
            Clusters = table,
        };
    }

    /// <summary>Σ w_d·v_d / Σ w_d over the divisions d with a value; NaN when none has one.</summary>
    private static double WeightedMean(IndicatorMatrix m, int k, IReadOnlyDictionary<string, double> weights)
    {
        double sum = 0, sw = 0;
        foreach (var (div, w) in weights.OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            int row = m.RowOf(div);
            if (row < 0) continue;
            double v = m[row, k];
            if (double.IsNaN(v)) continue;
            sum += w * v;
            sw += w;
        }
        return sw > 0 ? sum / sw : double.NaN;
    }

    /// <summary>One row per cluster and the rest of the economy: employment in the target year, its share of the region, and the SIC codes inside.</summary>
    private static Table ClusterTable(SectorSet set, Panel panel, int t)
    {
        int nu = set.Clusters.Count + 1;
        var emp = Enumerable.Range(0, nu).Select(c => panel[Measure.Employment].Value[panel.Index(0, c, t)]).ToArray();
        double total = emp.Where(double.IsFinite).Sum();
        return new Table(new[]
        {
            TableColumn.Of("cluster", panel.Sectors.Select(s => (string?)s.Code).ToArray()),
            TableColumn.Of("name", panel.Sectors.Select(s => (string?)s.Name).ToArray()),
            TableColumn.Of("employment", emp),
            TableColumn.Of("share_of_region", emp.Select(e => e / total).ToArray()),
            TableColumn.Of("benchmark_employment", Enumerable.Range(0, nu).Select(c => panel[Measure.Employment].Value[panel.Index(1, c, t)]).ToArray()),
            TableColumn.Of("sic_codes", set.Clusters.Select(c => (string?)string.Join("; ", c.Members.Select(x => x.Share < 1 ? string.Create(CultureInfo.InvariantCulture, $"{x.Code} ({x.Share:0.##})") : x.Code)))
                .Append("every share of a SIC subclass that no cluster claims").ToArray()),
        });
    }
}
