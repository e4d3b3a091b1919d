using System.Globalization;
using CompeteModel.Engine.Complexity;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Indicators;
using CompeteModel.Engine.Ingest;
using CompeteModel.Engine.Ingest.Micro;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Scoring;
using CompeteModel.Engine.Sectors;
using CompeteModel.Engine.Technologies;

namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// One city-region model run (issue 7): Ingest → Panel → Indicators → Complexity → Technologies → Scoring.
/// Specialisation and growth are measured against Great Britain (BRES); with firm-level data for the region they
/// rest on the firms (and their bootstrap), otherwise on the published BRES cells (and their rounding intervals).
/// Relatedness and complexity are computed over the 40 GB ITL2 areas with the region merged into one row and read
/// off the region's row; the PCI sign is anchored on GVA per job (the diversity rule is unreliable on BRES, see
/// docs/methods-notes). Technology intensities come from tagging the region's firm descriptions.
/// </summary>
public static class CityRegionRun
{
    public static CityRegionRunResult Execute(UkData uk, CityRegionRunRequest req, IProgress<string>? progress = null)
    {
        var spec = req.Spec;
        var region = req.Region;
        var gb = uk.Geography.GreatBritain;
        var level = req.Level ?? SpecLevels.TryParse(spec.SectorLevel) ?? SectorLevel.Division;
        var bresYears = uk.BresSubclasses.Years;
        int year = req.Year ?? spec.Years.Target ?? bresYears.Max();
        int baseYear = req.BaseYear ?? spec.Years.Base ?? bresYears.Min();
        if (!bresYears.Contains(year)) throw new InputException($"year {year} is not in the BRES data ({bresYears.Min()}–{bresYears.Max()})", field: "--year");
        if (!bresYears.Contains(baseYear) || baseYear >= year)
            throw new InputException($"base year {baseYear} must be a BRES year before {year}", field: "--base-year");
        int seed = req.Seed ?? spec.Seed;
        var runSpec = spec with
        {
            Seed = seed,
            Thresholds = req.Firms is null ? spec.Thresholds with { MinFirms = null } : spec.Thresholds,
            MonteCarlo = req.Draws is { } d ? spec.MonteCarlo with { Draws = d } : spec.MonteCarlo,
        };
        var notes = new List<string>();
        var warnings = new List<string>();
        var accounts = new List<RowAccount> { uk.BresSubclasses.Account };
        if (req.FirmAccount is not null) accounts.Add(req.FirmAccount);
        int minFirms = spec.Thresholds.MinFirms ?? 10;
        var years = Enumerable.Range(baseYear, year - baseYear + 1).Where(bresYears.Contains).ToArray();

        progress?.Report("indicators");
        IndicatorTable? published = null;
        if (region.IsItl2Union)
        {
            var pub = UkIndicators.Compute(uk, new UkIndicatorRequest
            {
                Regions = [region],
                Benchmark = gb,
                Level = level,
                Year = year,
                BaseYear = baseYear,
                PresenceThreshold = spec.Thresholds.Presence,
                MinFirms = minFirms,
            });
            published = pub.Table;
            foreach (var a in pub.Accounts) if (!accounts.Any(x => x.Source == a.Source)) accounts.Add(a);
            notes.AddRange(pub.Notes);
        }

        var gbPanel = uk.BuildEmploymentPanel([gb], level, years);
        var sectors = gbPanel.Sectors;
        IndicatorTable indicators;
        Panel panel;
        double[] firmsPerSector = new double[sectors.Count];
        Array.Fill(firmsPerSector, double.NaN);
        FirmIndex? firmIndex = null;
        if (req.Firms is not null)
        {
            var micro = MicroAggregator.ToPanel(req.Firms, [region], level, years, null, req.FirmProvenance, req.FirmSource);
            accounts.Add(micro.Account);
            panel = Combine(micro.Panel, gbPanel, req.FirmSource);
            firmIndex = FirmIndex.Build(req.Firms, region, level, panel);
            int tY = panel.YearIndex(year);
            var fc = panel[Measure.Employment].FirmCount!;
            for (int s = 0; s < sectors.Count; s++) firmsPerSector[s] = fc[panel.Index(0, s, tY)];
            if (firmIndex.Count(year) == 0)
                throw new InputException($"the firm-level data have no firms in {region.Name} in {year}", field: "--micro");
            indicators = IndicatorSuite.Compute(panel, new IndicatorOptions
            {
                Year = year,
                BaseYear = baseYear,
                Benchmark = BenchmarkConvention.NamedRegion,
                BenchmarkRegion = gb.Id,
                Regions = [region.Id],
                PresenceThreshold = spec.Thresholds.Presence,
                MinFirms = minFirms,
                FirmsBaseYear = firmIndex.Sample(baseYear),
                FirmsYear = firmIndex.Sample(year),
                BootstrapDraws = req.BootstrapDraws,
                Seed = seed,
            });
        }
        else
        {
            if (published is null)
                throw new InputException($"{region.Name} is not a union of ITL2 areas, so published BRES cells do not describe it: give firm-level data (--micro FILE)", field: "--region");
            indicators = published;
            panel = uk.BuildEmploymentPanel([region, gb], level, years);
            notes.Add("No firm-level data: specialisation and growth rest on published BRES cells; their bands are the BRES rounding intervals.");
            if (spec.Thresholds.MinFirms is not null)
                notes.Add($"No firm-level data: the spec's min_firms ({spec.Thresholds.MinFirms}) cannot be checked on published BRES cells and is not applied; small cells show as wide rank bands instead.");
        }

        progress?.Report("complexity");
        var (cx, cxRow) = RegionComplexity(uk, region, level, year, notes, warnings);
        if (!cx.Diagnostics.Reliable)
            warnings.Add($"Complexity at {level} level over 40 ITL2 areas is not reliable: {cx.Diagnostics.Warning}");

        progress?.Report("technologies");
        var techIds = req.Taxonomy?.Technologies.Select(t => t.Id).ToArray() ?? Array.Empty<string>();
        var techShares = new Dictionary<string, double[]>(StringComparer.Ordinal);
        Table techTable;
        if (req.Taxonomy is not null && firmIndex is not null)
            techTable = TechnologyStep(req.Taxonomy, firmIndex, year, baseYear, sectors.Count, techShares, region);
        else
        {
            techTable = new Table(new[] { TableColumn.Of("technology", Array.Empty<string?>()) });
            if (req.Taxonomy is not null) notes.Add("No firm-level data: the enabling-technologies pillar has no values and is re-weighted away.");
        }

        progress?.Report("scoring");
        int tLast = panel.YearIndex(year);
        var emp = panel[Measure.Employment];
        var units = new List<int>();
        for (int s = 0; s < sectors.Count; s++)
        {
            double e = emp.Value[panel.Index(0, s, tLast)];
            if (e > 0 && !double.IsNaN(e)) units.Add(s);
        }
        if (units.Count == 0) throw new InputException($"{region.Name} has no employment in any sector in {year}", field: "--region");

        var wanted = spec.Pillars.SelectMany(p => p.Indicators).Select(i => i.Id).Distinct().ToList();
        var columns = wanted.Concat(new[] { "employment", "firms" }.Where(x => !wanted.Contains(x))).ToList();
        if (firmIndex is null) columns.Remove("firms");
        int K = columns.Count, N = units.Count;
        var values = new double[N * K];
        var lower = new double[N * K];
        var upper = new double[N * K];
        Array.Fill(lower, double.NaN);
        Array.Fill(upper, double.NaN);
        var prov = new Provenance[K];
        var sectorNames = sectors.ToDictionary(s => s.Code, s => s.Name, StringComparer.Ordinal);
        var microProv = firmIndex is null ? Provenance.PublishedStatistics : req.FirmProvenance;
        for (int k = 0; k < K; k++)
        {
            var id = columns[k];
            prov[k] = id switch
            {
                "lq" or "present" or "growth" or "cagr" or "growth_vs_benchmark" or "ss_national" or "ss_industry_mix"
                    or "ss_regional" or "em_homothetic" or "em_allocation" or "employment" or "firms" => microProv,
                "tech_intensity" or "tech_presence" or "tech_growth" or "tech_relatedness" => firmIndex is null ? Provenance.PublishedStatistics : req.FirmProvenance,
                _ => Provenance.PublishedStatistics,
            };
            bool produced = false;
            for (int e = 0; e < N; e++)
            {
                int s = units[e];
                var code = sectors[s].Code;
                double v = double.NaN, lo = double.NaN, hi = double.NaN;
                switch (id)
                {
                    case "employment":
                        v = emp.Value[panel.Index(0, s, tLast)];
                        break;
                    case "firms":
                        v = firmsPerSector[s];
                        break;
                    case "density": v = cxRow >= 0 ? At(cx, cx.Density, cxRow, code) : double.NaN; break;
                    case "cog": v = cxRow >= 0 ? At(cx, cx.Cog, cxRow, code) : double.NaN; break;
                    case "rca": v = cxRow >= 0 ? At(cx, cx.Rca, cxRow, code) : double.NaN; break;
                    case "pci":
                        {
                            int p = cx.ProductIndex(code);
                            v = p >= 0 ? cx.Pci[p] : double.NaN;
                            break;
                        }
                    case "tech_intensity":
                        v = techShares.TryGetValue(TechAny, out var any) ? any[s] : double.NaN;
                        break;
                    default:
                        // the run's own table first (firm data), else the published one (productivity, real GVA growth)
                        var source = indicators;
                        int i = source.Find(region.Id, code, id);
                        if (i < 0 && published is not null) { source = published; i = source.Find(region.Id, code, id); }
                        if (i < 0) continue;
                        v = source.Value[i];
                        lo = source.Lower[i];
                        hi = source.Upper[i];
                        break;
                }
                produced = true;
                values[e * K + k] = v;
                if (double.IsFinite(lo) && double.IsFinite(hi) && lo <= v && v <= hi) { lower[e * K + k] = lo; upper[e * K + k] = hi; }
            }
            if (!produced)
            {
                for (int e = 0; e < N; e++) values[e * K + k] = double.NaN;
                if (wanted.Contains(id)) warnings.Add($"The city-region run does not produce indicator '{id}'; it is left missing and re-weighted away.");
            }
        }
        var matrix = new IndicatorMatrix(units.Select(s => sectors[s].Code).ToArray(), columns, values, prov,
            units.Select(s => sectors[s].Name).ToArray());
        var uncertainty = new DataUncertainty(Lower: lower, Upper: upper);
        var options = new ScoringOptions(req.MaxDegreeOfParallelism);
        var score = CompositeScorer.Score(runSpec, matrix);
        var sets = CompositeScorer.ScoreWeightSets(runSpec, matrix, options);
        var mc = CompositeScorer.MonteCarlo(runSpec, matrix, runSpec.MonteCarlo.Bootstrap ? uncertainty : null, options);
        foreach (var b in mc.Bands)
            if (!b.ContainsPoint) warnings.Add($"{b.Code} {b.Name}: the point rank {b.PointRank} lies outside its 5–95% band ({b.P05:0.#}–{b.P95:0.#}).");

        var result = new CityRegionRunResult
        {
            Region = region,
            Benchmark = gb,
            Spec = runSpec,
            Level = level,
            Year = year,
            BaseYear = baseYear,
            Seed = seed,
            UsesMicroData = firmIndex is not null,
            Indicators = indicators,
            PublishedIndicators = published,
            Matrix = matrix,
            Uncertainty = uncertainty,
            Score = score,
            WeightSets = sets,
            MonteCarlo = mc,
            Complexity = cx,
            ComplexityRow = cxRow,
            TechnologyIds = techIds,
            TechnologyShares = techShares,
            TechnologyTable = techTable,
            Panel = panel,
            SectorNames = sectorNames,
            Accounts = accounts,
            Notes = notes,
            Warnings = warnings,
            Gva = RegionGva.For(uk, region, sectors, years),
        };
        return req.SectorSet is null ? result : SectorSetStep.Apply(uk, result, req.SectorSet, options);
    }

    /// <summary>The key of the "any enabling technology" share in <see cref="CityRegionRunResult.TechnologyShares"/>.</summary>
    public const string TechAny = "any";

    private static double At(ComplexityYearResult cx, double[] rowMajor, int row, string product)
    {
        int p = cx.ProductIndex(product);
        return p >= 0 ? rowMajor[row * cx.Products.Count + p] : double.NaN;
    }

    /// <summary>Region row from firm data and GB row from BRES, on the BRES sector axis.</summary>
    private static Panel Combine(Panel micro, Panel gbPanel, string firmSource)
    {
        var b = new PanelBuilder([micro.Regions[0], gbPanel.Regions[0]], gbPanel.Sectors, gbPanel.Years);
        b.AddMeasure(Measure.Employment, micro[Measure.Employment].Provenance,
            $"region: {firmSource}; Great Britain: ONS BRES (published, rounded)", withFirmCounts: true);
        var me = micro[Measure.Employment];
        var ge = gbPanel[Measure.Employment];
        for (int t = 0; t < gbPanel.T; t++)
        {
            int mt = micro.YearIndex(gbPanel.Years[t]);
            for (int s = 0; s < gbPanel.S; s++)
            {
                if (micro.TrySectorIndex(gbPanel.Sectors[s].Code, out int ms))
                {
                    int i = micro.Index(0, ms, mt);
                    double v = double.IsNaN(me.Value[i]) ? 0 : me.Value[i];
                    b.Add(Measure.Employment, 0, s, t, v, v, v, me.FirmCount?[i] ?? 0);
                }
                else b.Add(Measure.Employment, 0, s, t, 0, 0, 0);
                int g = gbPanel.Index(0, s, t);
                b.Add(Measure.Employment, 1, s, t, ge.Value[g], ge.Lower[g], ge.Upper[g]);
            }
        }
        return b.Build();
    }

    /// <summary>
    /// Complexity over the 40 GB ITL2 areas (BRES employment, <paramref name="year"/>) with the region's ITL2 parts
    /// merged into one row (<see cref="UkComplexity"/>), sign anchored on GVA per job. A region that is not an ITL2
    /// union has no row there: PCI (a property of sectors) is still read, density, COG and RCA are missing.
    /// </summary>
    private static (ComplexityYearResult Result, int Row) RegionComplexity(UkData uk, Region region, SectorLevel level, int year, List<string> notes, List<string> warnings)
    {
        var reference = region.IsItl2Union ? region : uk.Geography.Resolve(MicroSources.Itl2AreasOf(uk.Geography, region)[0]);
        var cx = UkComplexity.Compute(uk, reference, level, year, new ComplexityOptions(), anchorOnProductivity: true);
        var result = cx.Report.Result;
        notes.Add($"Complexity: {result.Locations.Count} reference regions × {result.Products.Count} sectors at {level.ToString().ToLowerInvariant()} level, {year}; ECI/PCI sign anchored on GVA per job (corr {cx.CorrProductivity:0.###}).");
        if (!string.IsNullOrEmpty(cx.OrientationWarning)) warnings.Add(cx.OrientationWarning);
        if (!region.IsItl2Union)
        {
            notes.Add($"{region.Name} is not an ITL2 union, so it has no row in the complexity reference: density, COG and RCA are missing.");
            return (result, -1);
        }
        return (result, result.LocationIndex(reference.Id));
    }

    private static Table TechnologyStep(TechnologyTaxonomy taxonomy, FirmIndex fi, int year, int baseYear, int sectorCount,
        Dictionary<string, double[]> shares, Region region)
    {
        var tagger = new TechnologyTagger(taxonomy);
        var ids = taxonomy.Technologies.Select(t => t.Id).ToArray();
        var yearFirms = fi.FirmsOf(year);
        var texts = yearFirms.Select(i => fi.Firms.Description[i]).ToArray();
        var cpcs = yearFirms.Select(i => fi.Firms.Cpc[i]).ToArray();
        var masks = tagger.TagMasks(texts, cpcs);
        var baseFirms = fi.FirmsOf(baseYear);
        var baseMasks = tagger.TagMasks(baseFirms.Select(i => fi.Firms.Description[i]).ToArray(), baseFirms.Select(i => fi.Firms.Cpc[i]).ToArray());
        int T = ids.Length;
        var empSector = new double[sectorCount];
        var tagged = new double[(T + 1) * sectorCount];
        var firmsTagged = new double[T + 1];
        var empTagged = new double[T + 1];
        var baseTagged = new double[T + 1];
        double totalEmp = 0;
        for (int j = 0; j < yearFirms.Length; j++)
        {
            int f = yearFirms[j];
            int s = fi.SectorOf[f];
            double w = fi.Firms.Employment[f];
            if (s < 0 || double.IsNaN(w)) continue;
            empSector[s] += w;
            totalEmp += w;
            ulong m = masks[j];
            for (int t = 0; t <= T; t++)
            {
                bool hit = t < T ? (m >> t & 1UL) != 0 : m != 0;
                if (!hit) continue;
                tagged[t * sectorCount + s] += w;
                firmsTagged[t]++;
                empTagged[t] += w;
            }
        }
        foreach (var m in baseMasks)
            for (int t = 0; t <= T; t++)
                if (t < T ? (m >> t & 1UL) != 0 : m != 0) baseTagged[t]++;
        for (int t = 0; t <= T; t++)
        {
            var a = new double[sectorCount];
            for (int s = 0; s < sectorCount; s++) a[s] = empSector[s] > 0 ? tagged[t * sectorCount + s] / empSector[s] : double.NaN;
            shares[t < T ? ids[t] : TechAny] = a;
        }
        var names = ids.Append(TechAny).ToArray();
        int n = names.Length;
        var growth = new double[n];
        for (int t = 0; t < n; t++)
            growth[t] = baseTagged[t] > 0 ? Math.Pow(firmsTagged[t] / baseTagged[t], 1.0 / (year - baseYear)) - 1 : double.NaN;
        return new Table(new[]
        {
            TableColumn.Of("region", Enumerable.Repeat<string?>(region.Id, n).ToArray()),
            TableColumn.Of("technology", names.Select(x => (string?)x).ToArray()),
            TableColumn.Of("name", names.Select(x => (string?)(x == TechAny ? "any enabling technology" : taxonomy.Technologies.First(t => t.Id == x).Name)).ToArray()),
            TableColumn.Of("year", Enumerable.Repeat(year, n).ToArray()),
            TableColumn.Of("firms_tagged", firmsTagged),
            TableColumn.Of("firm_share", firmsTagged.Select(v => yearFirms.Length > 0 ? v / yearFirms.Length : double.NaN).ToArray()),
            TableColumn.Of("employment_tagged", empTagged),
            TableColumn.Of("employment_share", empTagged.Select(v => totalEmp > 0 ? v / totalEmp : double.NaN).ToArray()),
            TableColumn.Of("firms_tagged_base_year", baseTagged),
            TableColumn.Of("cagr_tagged_firms", growth),
        });
    }
}
