using System.Globalization;
using CompeteModel.Engine.Complexity;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Indicators;
using CompeteModel.Engine.Ingest.Micro;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Scoring;
using CompeteModel.Engine.Sectors;
using CompeteModel.Engine.Statistics;

namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// One city-region model run, as a sequence of named steps over one <see cref="CityRegionRunContext"/>: the period and
/// its alternative choices of years → panels (built once) → the indicator library per choice of years → employment
/// jumps → eligibility (traded class, size floor) → complexity and its gate → technologies (real evidence only) →
/// indicator columns per choice of years → scoring, weight sets, Monte Carlo (years a factor) and stability.
/// Specialisation and growth are measured against Great Britain on published BRES cells (or the user's firm-level data
/// for the region); relatedness and complexity over the 40 GB ITL2 areas with the region merged into one row.
/// docs/METHODS.md "City-region run" gives every choice.
/// </summary>
public static class CityRegionRun
{
    /// <summary>The key of the "any enabling technology" share in <see cref="CityRegionRunResult.TechnologyShares"/>.</summary>
    public const string TechAny = "any";

    /// <summary>Indicators that describe the region's own employment, so their provenance is the data the run measures the region on.</summary>
    private static readonly HashSet<string> RegionDataIndicators = new(StringComparer.Ordinal)
    {
        IndicatorIds.Lq, IndicatorIds.Present, IndicatorIds.Growth, IndicatorIds.Cagr, IndicatorIds.GrowthVsBenchmark,
        IndicatorIds.SsNational, IndicatorIds.SsIndustryMix, IndicatorIds.SsRegional, IndicatorIds.EmHomothetic,
        IndicatorIds.EmAllocation, IndicatorIds.GrowthDifferential, RunColumnIds.Employment, RunColumnIds.Firms,
    };

    private static readonly string[] TechnologyIndicators = ["tech_intensity", "tech_presence", "tech_growth", "tech_relatedness"];

    /// <summary>Library indicators measured in the end year alone.</summary>
    private static readonly HashSet<string> LevelIndicators = new(StringComparer.Ordinal)
    {
        IndicatorIds.Lq, IndicatorIds.Present, IndicatorIds.ProductivityRelative, IndicatorIds.Krugman, IndicatorIds.SpecialisationCoefficient,
        IndicatorIds.Hoover, IndicatorIds.Herfindahl, IndicatorIds.HerfindahlNormalised, IndicatorIds.Entropy, IndicatorIds.Gini,
    };

    public static CityRegionRunResult Execute(UkData uk, CityRegionRunRequest req, IProgress<RunStage>? progress = null)
    {
        uk.Preload();
        var ctx = new CityRegionRunContext(uk, req);
        Period(ctx);
        progress?.Report(RunStage.Indicators);
        Panels(ctx);
        Library(ctx);
        Jumps(ctx);
        Eligibility(ctx);
        progress?.Report(RunStage.Complexity);
        Complexity(ctx);
        progress?.Report(RunStage.Technologies);
        Technologies(ctx);
        Columns(ctx);
        progress?.Report(RunStage.Scoring);
        return Score(ctx);
    }

    // ---- steps ------------------------------------------------------------------------------------------------

    /// <summary>Level, years, seed; the run's own choice of years and the alternatives of <c>monte_carlo.years</c>.</summary>
    private static void Period(CityRegionRunContext ctx)
    {
        var spec = ctx.DeclaredSpec;
        var req = ctx.Request;
        ctx.Level = req.Level ?? SpecLevels.TryParse(spec.SectorLevel) ?? SectorLevel.Division;
        var bresYears = ctx.Uk.BresYears;
        int year = req.Year ?? spec.Years.Target ?? bresYears.Max();
        int baseYear = req.BaseYear ?? spec.Years.Base ?? bresYears.Min();
        if (!bresYears.Contains(year)) throw new InputException($"year {year} is not in the BRES data ({bresYears.Min()}–{bresYears.Max()})", field: "--year");
        if (!bresYears.Contains(baseYear) || baseYear >= year)
            throw new InputException($"base year {baseYear} must be a BRES year before {year}", field: "--base-year");
        ctx.Seed = req.Seed ?? spec.Seed;
        int wanted = spec.Growth?.EndpointYears ?? 1;
        int window = EndpointGrowth.Window(baseYear, year, wanted);
        if (window < wanted)
            ctx.Notes.Add($"Growth endpoints: {baseYear}–{year} is too short for two {wanted}-year windows that do not overlap; {window}-year windows are used.");
        ctx.Configs.Add(new YearConfig(baseYear, year, window));
        if (spec.MonteCarlo.Years is { } yf)
        {
            var windows = yf.EndpointYears.Count == 0 ? [wanted] : yf.EndpointYears;
            foreach (var eo in yf.EndOffsets)
                foreach (var bo in yf.BaseOffsets)
                    foreach (var w in windows)
                    {
                        int e = year + eo, b = baseYear + bo;
                        if (!bresYears.Contains(e) || !bresYears.Contains(b) || b >= e) continue;
                        var c = new YearConfig(b, e, EndpointGrowth.Window(b, e, w));
                        if (!ctx.Configs.Contains(c)) ctx.Configs.Add(c);
                    }
        }
        ctx.Years = Enumerable.Range(baseYear, year - baseYear + 1).Where(bresYears.Contains).ToArray();
        if (ctx.Years.Length != year - baseYear + 1)
            throw new InputException($"the BRES data miss years between {baseYear} and {year}; growth needs every year", field: "--base-year");
        var thresholds = spec.Thresholds;
        if (thresholds.MinFirms is not null && req.FirmProvenance != Provenance.UserMicroData)
        {
            thresholds = thresholds with { MinFirms = null };
            ctx.Notes.Add(req.Firms is null
                ? $"The spec's min_firms ({spec.Thresholds.MinFirms}) needs real firm counts, which published BRES cells do not carry; the size floor on published employment applies instead."
                : $"The spec's min_firms ({spec.Thresholds.MinFirms}) is not applied: the firm counts of generated firm-level data are not real.");
        }
        ctx.Spec = spec with
        {
            Seed = ctx.Seed,
            Thresholds = thresholds,
            MonteCarlo = req.Draws is { } d ? spec.MonteCarlo with { Draws = d } : spec.MonteCarlo,
        };
        ctx.Accounts.Add(ctx.Uk.PrimaryBres.Account);
        if (req.FirmAccount is not null) ctx.Accounts.Add(req.FirmAccount);
    }

    /// <summary>Region + Great Britain employment (published, and firm data when given) and the productivity panel, each built once.</summary>
    private static void Panels(CityRegionRunContext ctx)
    {
        var uk = ctx.Uk;
        var req = ctx.Request;
        var region = ctx.Region;
        if (uk.TryCompose(region, ctx.Level, ctx.Years, out _) is not null) ctx.Published = uk.BuildEmploymentPanel([region, ctx.Benchmark], ctx.Level, ctx.Years);
        if (req.Firms is not null)
        {
            var gbPanel = ctx.Published is null ? uk.BuildEmploymentPanel([ctx.Benchmark], ctx.Level, ctx.Years) : null;
            var micro = MicroAggregator.ToPanel(req.Firms, [region], ctx.Level, ctx.Years, null, req.FirmProvenance, req.FirmSource);
            ctx.Accounts.Add(micro.Account);
            ctx.Panel = Combine(micro.Panel, ctx.Published ?? gbPanel!, ctx.Published is null ? 0 : 1, req.FirmSource);
            ctx.Firms = FirmIndex.Build(req.Firms, region, ctx.Level, ctx.Panel);
            if (ctx.Firms.Count(ctx.Nominal.End) == 0)
                throw new InputException($"the firm-level data have no firms in {region.Name} in {ctx.Nominal.End}", field: "--micro");
            int tY = ctx.Panel.YearIndex(ctx.Nominal.End);
            var fc = ctx.Panel[Measure.Employment].FirmCount!;
            ctx.FirmsPerSector = Enumerable.Range(0, ctx.Panel.S).Select(s => (double)fc[ctx.Panel.Index(0, s, tY)]).ToArray();
            if (req.FirmProvenance == Provenance.GeneratedMicroData)
                ctx.Warnings.Add("This run rests on GENERATED firm-level data (asked for with --generated-firms): its specialisation, growth and technology values describe the generator, not the region's firms. Use it for demonstrations only.");
        }
        else
        {
            ctx.Panel = ctx.Published ?? throw new InputException(
                $"{region.Name} is not described exactly by the published BRES cells: {uk.DistrictDownloadHint(region)}; or give firm-level data for it (--micro FILE)", field: "--region");
            ctx.Notes.Add("Specialisation and growth rest on published BRES cells; their bands are the BRES rounding intervals.");
        }
        if (region.IsItl2Union)
        {
            var (panel, groupOf) = UkIndicators.ProductivityPanel(uk, [region, ctx.Benchmark], ctx.Sectors, ctx.Level, ctx.Years);
            ctx.Productivity = panel;
            ctx.GroupOf = groupOf;
        }
        else
        {
            ctx.GroupOf = Enumerable.Repeat(-1, ctx.Sectors.Count).ToArray();
            ctx.Notes.Add($"{region.Name} is not an ITL2 union: ONS regional GVA does not describe it, so productivity, productivity growth and the jump check are not available.");
        }
    }

    /// <summary>The indicator library's table for every (end year, base year) the run's choices of years need.</summary>
    private static void Library(CityRegionRunContext ctx)
    {
        var req = ctx.Request;
        // Levels in the end year (lq, productivity) do not depend on the base year: one table per end year serves every
        // choice of years unless the spec reads a library indicator that runs from the base year (growth_vs_benchmark, ...).
        var fromLibrary = ctx.DeclaredSpec.Pillars.SelectMany(p => p.Indicators).Select(i => i.Id).Concat(ctx.DeclaredSpec.Quadrants.Ids())
            .Where(id => !RunColumnValues.HasOwnSource(id));
        ctx.LibraryUsesBase = fromLibrary.Any(id => !LevelIndicators.Contains(id));
        foreach (var (end, b) in ctx.Configs.Select(ctx.LibraryKey).Distinct())
        {
            bool nominal = end == ctx.Nominal.End && b == ctx.Nominal.Base;
            IndicatorTable? published = null;
            if (ctx.Published is not null)
            {
                var pub = UkIndicators.Compute(ctx.Uk, new UkIndicatorRequest
                {
                    Regions = [ctx.Region],
                    Benchmark = ctx.Benchmark,
                    Level = ctx.Level,
                    Year = end,
                    BaseYear = b,
                    PresenceThreshold = ctx.Spec.Thresholds.Presence,
                    MinFirms = ctx.DeclaredSpec.Thresholds.MinFirms ?? 10,
                });
                published = pub.Table;
                if (nominal)
                {
                    ctx.PublishedLibrary = published;
                    foreach (var a in pub.Accounts) if (!ctx.Accounts.Any(x => x.Source == a.Source)) ctx.Accounts.Add(a);
                    ctx.Notes.AddRange(pub.Notes);
                }
            }
            if (ctx.Firms is null)
            {
                ctx.Library[(end, b)] = published!;
                continue;
            }
            var suite = IndicatorSuite.Compute(ctx.Panel, new IndicatorOptions
            {
                Year = end,
                BaseYear = b,
                Benchmark = BenchmarkConvention.NamedRegion,
                BenchmarkRegion = ctx.Benchmark.Id,
                Regions = [ctx.Region.Id],
                PresenceThreshold = ctx.Spec.Thresholds.Presence,
                MinFirms = ctx.DeclaredSpec.Thresholds.MinFirms ?? 10,
                FirmsBaseYear = nominal ? ctx.Firms.Sample(b) : null,
                FirmsYear = nominal ? ctx.Firms.Sample(end) : null,
                BootstrapDraws = req.BootstrapDraws,
                Seed = ctx.Seed,
            });
            ctx.Library[(end, b)] = published is null ? suite : WithPublishedProductivity(suite, published, ctx.Region.Id);
        }
    }

    /// <summary>Uncorroborated year-on-year employment jumps of each sector over the run's years (spec <c>growth.jump_check</c>).</summary>
    private static void Jumps(CityRegionRunContext ctx)
    {
        int S = ctx.Sectors.Count, T = ctx.Years.Length;
        ctx.Jumps = Enumerable.Range(0, S).Select(_ => Array.Empty<int>()).ToArray();
        var check = ctx.Spec.Growth?.JumpCheck;
        if (check is null) return;
        if (ctx.Productivity is null)
        {
            ctx.Notes.Add("Jump check not run: no regional GVA describes this region, so no jump could be corroborated.");
            return;
        }
        var emp = ctx.Panel[Measure.Employment];
        var z = check.OutlierZ > 0 ? ChangeOutliers(ctx) : null;
        var pe = ctx.Productivity[Measure.Employment];
        var cvm = ctx.Productivity[Measure.GvaChainedVolume];
        var series = new double[T];
        var jobs = new double[T];
        var gva = new double[T];
        for (int s = 0; s < S; s++)
        {
            int g = ctx.GroupOf[s];
            for (int t = 0; t < T; t++)
            {
                series[t] = emp.Value[ctx.Panel.Index(0, s, t)];
                jobs[t] = g >= 0 ? pe.Value[ctx.Productivity.Index(0, g, t)] : double.NaN;
                gva[t] = g >= 0 ? cvm.Value[ctx.Productivity.Index(0, g, t)] : double.NaN;
            }
            ctx.Jumps[s] = JumpCheck.Uncorroborated(series, jobs, gva, check.Threshold, check.MinJobs, check.Corroboration,
                z is null ? default : z.AsSpan(s * T, T), check.OutlierZ);
        }
        int flagged = ctx.Jumps.Count(j => j.Length > 0);
        if (flagged > 0)
            ctx.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Jump check: {flagged} sector(s) change employment by ≥ {check.Threshold:0%} (and ≥ {check.MinJobs:N0} jobs) in one year without the industry's real GVA following; their growth is {Action(check.Action)} (flag in rankings.csv)."));
    }

    /// <summary>Traded/local class, its empirical check and the size floor, for every sector with jobs in the end year.</summary>
    private static void Eligibility(CityRegionRunContext ctx)
    {
        var uk = ctx.Uk;
        var el = ctx.Spec.Eligibility;
        var classes = ctx.Request.Classification ?? (el is null || el.Classification == "traded_local" ? uk.TradeClasses : null);
        if (el is not null && classes is null)
            throw new InputException($"the spec's eligibility names the classification '{el.Classification}', which the request does not carry", ctx.Spec.SourceFile, el.Line, "eligibility.classification");
        int S = ctx.Sectors.Count;
        var nom = ctx.Nominal;
        var source = ctx.Published ?? ctx.Panel;
        var emp = source[Measure.Employment];
        int t1 = source.YearIndex(nom.End);
        var windowEmp = new double[S];
        double total = 0;
        for (int s = 0; s < S; s++)
        {
            double sum = 0;
            for (int t = t1 - nom.Window + 1; t <= t1; t++) sum += emp.Value[source.Index(0, s, t)] is var v && double.IsNaN(v) ? 0 : v;
            windowEmp[s] = sum / nom.Window;
            total += windowEmp[s];
        }
        var hoover = LocalisationAcrossItl2(ctx);
        string window = nom.Window == 1 ? nom.End.ToString(CultureInfo.InvariantCulture) : $"mean {nom.End - nom.Window + 1}–{nom.End}";
        string what = ctx.Published is null ? "firm-level data" : "published BRES";
        var rows = new SectorEligibility[S];
        for (int s = 0; s < S; s++)
        {
            var sector = ctx.Sectors[s];
            var (cls, reason, code) = classes is null ? (TradeClass.Traded, "no classification loaded", "") : classes.Classify(sector.Code);
            string label = EligibilityCheck.Label(hoover[s]);
            string? exclusion = null;
            if (el is not null)
            {
                if (!el.Score.Contains(cls))
                    exclusion = $"{TradeClassification.Name(cls)} sector ({reason}); the ranking holds {string.Join(" and ", el.Score.Select(TradeClassification.Name))} sectors — see local_sectors.csv";
                else if (el.MinEmployment is { } me && windowEmp[s] < me)
                    exclusion = string.Create(CultureInfo.InvariantCulture, $"employment {windowEmp[s]:N0} ({window}, {what}) below min_employment {me:N0}");
                else if (el.MinEmploymentShare is { } ms && total > 0 && windowEmp[s] / total < ms)
                    exclusion = string.Create(CultureInfo.InvariantCulture, $"employment share {windowEmp[s] / total:0.###%} ({window}, {what}) below min_employment_share {ms:0.###%}");
            }
            if (exclusion is null && ctx.Spec.Growth?.JumpCheck is { UnscoreInEndWindow: true } && ctx.Jumps[s].FirstOrDefault(t => ctx.Years[t] > nom.End - nom.Window) is var j && j > 0)
            {
                var e = ctx.Panel[Measure.Employment];
                exclusion = string.Create(CultureInfo.InvariantCulture,
                    $"uncorroborated employment jump in {ctx.Years[j]} ({e.Value[ctx.Panel.Index(0, s, j - 1)]:N0} → {e.Value[ctx.Panel.Index(0, s, j)]:N0} jobs) inside the end window: its end-year level and growth cannot be told from a data artefact; check the series before ranking it");
            }
            rows[s] = new SectorEligibility(sector.Code, sector.Name, cls, reason, code, hoover[s], label, EligibilityCheck.Agrees(cls, label),
                windowEmp[s], total > 0 ? windowEmp[s] / total : double.NaN, exclusion);
        }
        ctx.Eligibility = rows;
    }

    /// <summary>Complexity per end year over the ITL2 reference (density without the sector's own presence), and the gate.</summary>
    private static void Complexity(CityRegionRunContext ctx)
    {
        var uk = ctx.Uk;
        var region = ctx.Region;
        var reference = region.IsItl2Union ? region : uk.Geography.Resolve(MicroSources.Itl2AreasOf(uk.Geography, region)[0]);
        var nom = ctx.Nominal;
        var bresYears = uk.BresYears;
        var years = new SortedSet<int>(ctx.Configs.Select(c => c.End));
        for (int y = nom.End - nom.Window + 1; y <= nom.End; y++) years.Add(y);
        if (bresYears.Contains(nom.End - 1)) years.Add(nom.End - 1);
        var options = new ComplexityOptions { Density = DensityDiagonal.Excluded };
        UkComplexityResult? own = null;
        foreach (var y in years)
        {
            var cx = UkComplexity.Compute(uk, reference, ctx.Level, y, options, anchorOnProductivity: true);
            ctx.Complexity[y] = cx.Report.Result;
            if (y == nom.End) own = cx;
        }
        var result = own!.Report.Result;
        ctx.Notes.Add($"Complexity: {result.Locations.Count} reference regions × {result.Products.Count} sectors at {ctx.Level.ToString().ToLowerInvariant()} level, {nom.End}; ECI/PCI sign anchored on GVA per job (corr {own.CorrProductivity:0.###}); relatedness density leaves out the sector's own presence.");
        if (!string.IsNullOrEmpty(own.OrientationWarning)) ctx.Warnings.Add(own.OrientationWarning);
        if (!result.Diagnostics.Reliable)
            ctx.Warnings.Add($"Complexity at {ctx.Level} level over 40 ITL2 areas is not reliable: {result.Diagnostics.Warning}");
        if (!region.IsItl2Union)
            ctx.Notes.Add($"{region.Name} is not an ITL2 union, so it has no row in the complexity reference: density, COG and RCA are missing.");
        else ctx.ComplexityRow = result.LocationIndex(reference.Id);
        Gate(ctx);
    }

    /// <summary>
    /// The complexity gate: in every end-window year the anchored ECI must correlate positively with diversity, and
    /// PCI must keep its ranking from the year before (Spearman ≥ min_year_stability); otherwise the gated indicators
    /// leave the composite.
    /// </summary>
    private static void Gate(CityRegionRunContext ctx)
    {
        var gate = ctx.Spec.ComplexityGate;
        if (gate is null) return;
        var nom = ctx.Nominal;
        var years = Enumerable.Range(nom.End - nom.Window + 1, nom.Window).ToArray();
        var corr = years.Select(y => ctx.Complexity[y].Diagnostics.CorrDiversity).ToArray();
        bool agree = corr.All(c => c > 0);
        double stability = double.NaN;
        if (ctx.Complexity.TryGetValue(nom.End - 1, out var prev))
        {
            var now = ctx.Complexity[nom.End];
            var a = new List<double>();
            var b = new List<double>();
            for (int p = 0; p < now.Products.Count; p++)
            {
                int q = prev.ProductIndex(now.Products[p]);
                if (q >= 0 && double.IsFinite(now.Pci[p]) && double.IsFinite(prev.Pci[q])) { a.Add(now.Pci[p]); b.Add(prev.Pci[q]); }
            }
            stability = Correlation.Spearman(a.ToArray(), b.ToArray());
        }
        bool stable = stability >= gate.MinYearStability;
        var inSpec = gate.Indicators.Where(id => ctx.Spec.Pillars.Any(p => p.Indicators.Any(i => i.Id == id))).ToArray();
        var excluded = agree && stable ? Array.Empty<string>() : inSpec;
        ctx.Gate = new ComplexityGateResult(years, corr, stability, gate.MinYearStability, agree, stable, excluded);
        var inv = CultureInfo.InvariantCulture;
        string sign = string.Join(", ", years.Select((y, i) => string.Format(inv, "{0}: r = {1:0.###}", y, corr[i])));
        if (excluded.Length > 0)
        {
            ctx.Spec = SpecAdjust.Without(ctx.Spec, excluded);
            var why = new List<string>();
            if (!agree) why.Add("the diversity rule and the productivity anchor orient ECI differently (corr of anchored ECI with diversity " + sign + ")");
            if (!stable) why.Add(double.IsNaN(stability) ? "PCI stability cannot be checked (no previous year)" : string.Format(inv, "PCI ranks of {0} and {1} agree only ρ = {2:0.###} (< {3:0.##})", nom.End - 1, nom.End, stability, gate.MinYearStability));
            ctx.Warnings.Add("Complexity gate failed: " + string.Join("; ", why) + ". " + string.Join(" and ", excluded) +
                             " are reported as diagnostics and left out of the composite; their weight goes to the other indicators.");
        }
        else
            ctx.Notes.Add(string.Format(inv, "Complexity gate passed: anchored ECI correlates positively with diversity ({0}); PCI ranks {1}→{2} ρ = {3:0.###}.", sign, nom.End - 1, nom.End, stability));
    }

    /// <summary>Technology shares from tagged firm descriptions; scored only on real firm-level evidence (or generated firms asked for explicitly).</summary>
    private static void Technologies(CityRegionRunContext ctx)
    {
        var req = ctx.Request;
        ctx.TechnologyIds = req.Taxonomy?.Technologies.Select(t => t.Id).ToArray() ?? [];
        if (req.Taxonomy is not null && ctx.Firms is not null)
            ctx.TechnologyTable = TechnologyShares.Build(req.Taxonomy, ctx.Firms, ctx.Nominal.End, ctx.Nominal.Base, ctx.Sectors.Count, ctx.TechnologyShares, ctx.Region);
        else
            ctx.TechnologyTable = new IO.Table([IO.TableColumn.Of("technology", Array.Empty<string?>())]);
        ctx.TechnologyScored = ctx.Firms is not null && req.Taxonomy is not null;
        var inSpec = TechnologyIndicators.Where(id => ctx.Spec.Pillars.Any(p => p.Indicators.Any(i => i.Id == id))).ToArray();
        if (inSpec.Length == 0) return;
        if (!ctx.TechnologyScored)
        {
            ctx.Spec = SpecAdjust.Without(ctx.Spec, inSpec);
            ctx.Notes.Add("Enabling technologies not scored: technology tags need real firm-level descriptions (--micro FILE); the pillar's weight goes to the other pillars.");
        }
    }

    /// <summary>Every column's value for every sector under every choice of years.</summary>
    private static void Columns(CityRegionRunContext ctx)
    {
        var wanted = ctx.DeclaredSpec.Pillars.SelectMany(p => p.Indicators).Select(i => i.Id).ToList();
        IEnumerable<string> extra = [IndicatorIds.Lq, IndicatorIds.GrowthDifferential, IndicatorIds.ProductivityRelative, "density", "pci",
            .. ctx.DeclaredSpec.Quadrants.Ids(), RunColumnIds.Employment];
        if (ctx.Firms is not null) extra = extra.Append(RunColumnIds.Firms);
        if (ctx.TechnologyScored) extra = extra.Append("tech_intensity");
        foreach (var id in wanted.Concat(extra))
            if (!ctx.Columns.Contains(id)) ctx.Columns.Add(id);
        var req = ctx.Request;
        var regionProv = ctx.Firms is null ? Provenance.PublishedStatistics : req.FirmProvenance;
        ctx.ColumnProvenance = ctx.Columns.Select(id =>
            RegionDataIndicators.Contains(id) || TechnologyIndicators.Contains(id) ? (TechnologyIndicators.Contains(id) && ctx.Firms is null ? Provenance.PublishedStatistics : regionProv)
            : Provenance.PublishedStatistics).ToArray();
        foreach (var config in ctx.Configs)
            ctx.Values.Add(RunColumnValues.Compute(ctx, config));
        var scored = ctx.Spec.Pillars.SelectMany(p => p.Indicators).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = ctx.Columns.Where((id, k) => ctx.Values[0].Value[k].All(double.IsNaN) && scored.Contains(id)).ToArray();
        foreach (var id in unknown)
            ctx.Warnings.Add($"The city-region run has no value of indicator '{id}' for any sector; it is left missing and re-weighted away.");
    }

    /// <summary>Matrix of eligible sectors, scores, weight sets, Monte Carlo with the years factor, and stability.</summary>
    private static CityRegionRunResult Score(CityRegionRunContext ctx)
    {
        var req = ctx.Request;
        int S = ctx.Sectors.Count;
        int tEnd = ctx.Panel.YearIndex(ctx.Nominal.End);
        var emp = ctx.Panel[Measure.Employment];
        var present = Enumerable.Range(0, S).Where(s => emp.Value[ctx.Panel.Index(0, s, tEnd)] is var e && e > 0 && !double.IsNaN(e)).ToArray();
        if (present.Length == 0) throw new InputException($"{ctx.Region.Name} has no employment in any sector in {ctx.Nominal.End}", field: "--region");
        var units = present.Where(s => ctx.Eligibility[s].Eligible).ToArray();
        var excluded = present.Where(s => !ctx.Eligibility[s].Eligible)
            .Select(s => new UnscoredUnit(ctx.Sectors[s].Code, ctx.Sectors[s].Name, ctx.Eligibility[s].Exclusion!)).ToArray();
        if (units.Length == 0) throw new InputException($"no sector of {ctx.Region.Name} passes the spec's eligibility (traded classes, size floor)", ctx.Spec.SourceFile, ctx.Spec.Eligibility?.Line, "eligibility");

        var matrices = ctx.Values.Select(v => Matrix(ctx, v, units)).ToArray();
        var (matrix, lower, upper) = matrices[0];
        var uncertainty = new DataUncertainty(Lower: lower, Upper: upper) { Scenarios = matrices.Select(m => m.Matrix.Values).ToArray() };
        var options = new ScoringOptions(req.MaxDegreeOfParallelism);
        var spec = ctx.Spec;
        var score = CompositeScorer.Score(spec, matrix);
        score = score with { Unscored = excluded.Concat(score.Unscored).ToArray() };
        var sets = CompositeScorer.ScoreWeightSets(spec, matrix, options);
        var mc = CompositeScorer.MonteCarlo(spec, matrix, uncertainty, options);
        foreach (var b in mc.Bands)
            if (!b.ContainsPoint) ctx.Warnings.Add($"{b.Code} {b.Name}: the point rank {b.PointRank} lies outside its 5–95% band ({b.P05:0.#}–{b.P95:0.#}).");
        var stability = Stability(ctx, spec, score, matrices.Select(m => m.Matrix).ToArray());

        var table = ctx.Library[(ctx.Nominal.End, ctx.Nominal.Base)];
        var indicators = WithRunColumns(ctx, table);
        var result = new CityRegionRunResult
        {
            Region = ctx.Region,
            Benchmark = ctx.Benchmark,
            Spec = spec,
            DeclaredSpec = ctx.DeclaredSpec,
            Level = ctx.Level,
            Year = ctx.Nominal.End,
            BaseYear = ctx.Nominal.Base,
            EndpointYears = ctx.Nominal.Window,
            YearConfigs = ctx.Configs.ToArray(),
            Seed = ctx.Seed,
            UsesMicroData = ctx.Firms is not null,
            FirmProvenance = ctx.Firms is null ? null : req.FirmProvenance,
            Indicators = indicators,
            PublishedIndicators = ctx.PublishedLibrary,
            Matrix = matrix,
            Uncertainty = uncertainty,
            Score = score,
            WeightSets = sets,
            MonteCarlo = mc,
            Complexity = ctx.Complexity[ctx.Nominal.End],
            ComplexityRow = ctx.ComplexityRow,
            ComplexityGate = ctx.Gate,
            Eligibility = ctx.Eligibility,
            JumpYears = Enumerable.Range(0, S).Where(s => ctx.Jumps[s].Length > 0)
                .ToDictionary(s => ctx.Sectors[s].Code, s => (IReadOnlyList<int>)ctx.Jumps[s].Select(t => ctx.Years[t]).ToArray(), StringComparer.Ordinal),
            Stability = stability,
            TechnologyScored = ctx.TechnologyScored,
            TechnologyIds = ctx.TechnologyIds,
            TechnologyShares = ctx.TechnologyShares,
            TechnologyTable = ctx.TechnologyTable,
            Panel = ctx.Panel,
            SectorNames = ctx.Sectors.ToDictionary(s => s.Code, s => s.Name, StringComparer.Ordinal),
            Accounts = ctx.Accounts,
            Notes = ctx.Notes,
            Warnings = ctx.Warnings,
            Gva = RegionGva.For(ctx.Uk, ctx.Region, ctx.Sectors, ctx.Years),
        };
        return req.SectorSet is null ? result : SectorSetStep.Apply(ctx.Uk, result, req.SectorSet, options);
    }

    // ---- pieces -----------------------------------------------------------------------------------------------

    private static (IndicatorMatrix Matrix, double[] Lower, double[] Upper) Matrix(CityRegionRunContext ctx, RunColumns v, int[] units)
    {
        int K = ctx.Columns.Count, N = units.Length;
        var values = new double[N * K];
        var lower = new double[N * K];
        var upper = new double[N * K];
        for (int e = 0; e < N; e++)
            for (int k = 0; k < K; k++)
            {
                int s = units[e];
                double x = v.Value[k][s], lo = v.Lower[k][s], hi = v.Upper[k][s];
                values[e * K + k] = x;
                bool band = double.IsFinite(lo) && double.IsFinite(hi) && lo <= x && x <= hi;
                lower[e * K + k] = band ? lo : double.NaN;
                upper[e * K + k] = band ? hi : double.NaN;
            }
        var m = new IndicatorMatrix(units.Select(s => ctx.Sectors[s].Code).ToArray(), ctx.Columns.ToArray(), values, ctx.ColumnProvenance,
            units.Select(s => ctx.Sectors[s].Name).ToArray());
        return (m, lower, upper);
    }

    /// <summary>The point ranking under each choice of years against the run's own: top-10 overlap and Spearman ρ over the sectors both score.</summary>
    private static IReadOnlyList<StabilityRow> Stability(CityRegionRunContext ctx, ModelSpec spec, ScoreResult own, IndicatorMatrix[] matrices)
    {
        const int topN = 10;
        var rows = new List<StabilityRow>();
        var ownRank = own.Units.ToDictionary(u => u.Code, u => (double)u.Rank, StringComparer.Ordinal);
        var ownTop = own.Units.Take(topN).Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        for (int c = 0; c < matrices.Length; c++)
        {
            var r = c == 0 ? own : CompositeScorer.Score(spec, matrices[c]);
            var common = r.Units.Where(u => ownRank.ContainsKey(u.Code)).ToArray();
            double rho = Correlation.Spearman(common.Select(u => ownRank[u.Code]).ToArray(), common.Select(u => (double)u.Rank).ToArray());
            var top = r.Units.Take(topN).Select(u => u.Code).ToArray();
            rows.Add(new StabilityRow(ctx.Configs[c], c == 0, Math.Min(topN, own.Units.Count), top.Count(ownTop.Contains), rho, top));
        }
        return rows;
    }

    /// <summary>The library table with the run's own columns added for each sector (growth_differential, productivity_growth).</summary>
    private static IndicatorTable WithRunColumns(CityRegionRunContext ctx, IndicatorTable table)
    {
        var result = new IndicatorTable();
        for (int i = 0; i < table.RowCount; i++)
            result.Add(table.Region[i], table.Sector[i], table.Year[i], table.Indicator[i], table.Value[i], table.Reason[i], table.Lower[i], table.Upper[i], table.Firms[i], table.Reliable[i]);
        var own = ctx.Values[0];
        foreach (var id in new[] { IndicatorIds.GrowthDifferential, IndicatorIds.ProductivityGrowth })
        {
            int k = ctx.Columns.IndexOf(id);
            if (k < 0) continue;
            for (int s = 0; s < ctx.Sectors.Count; s++)
            {
                double v = own.Value[k][s];
                result.Add(ctx.Region.Id, ctx.Sectors[s].Code, ctx.Nominal.End, id, v, double.IsNaN(v) ? (own.Reason[k][s] == UndefinedReason.None ? UndefinedReason.UnknownInput : own.Reason[k][s]) : UndefinedReason.None,
                    own.Lower[k][s], own.Upper[k][s], double.NaN, !double.IsNaN(v) && ctx.Jumps[s].Length == 0);
            }
        }
        return result;
    }

    /// <summary>The firm suite's table with productivity and real GVA growth taken from the published table (firm data carry no GVA).</summary>
    private static IndicatorTable WithPublishedProductivity(IndicatorTable suite, IndicatorTable published, string region)
    {
        var t = new IndicatorTable();
        for (int i = 0; i < suite.RowCount; i++)
        {
            if (suite.Indicator[i] is IndicatorIds.ProductivityRelative or IndicatorIds.RealGvaGrowth) continue;
            t.Add(suite.Region[i], suite.Sector[i], suite.Year[i], suite.Indicator[i], suite.Value[i], suite.Reason[i], suite.Lower[i], suite.Upper[i], suite.Firms[i], suite.Reliable[i]);
        }
        for (int i = 0; i < published.RowCount; i++)
            if (published.Region[i] == region && published.Indicator[i] is IndicatorIds.ProductivityRelative or IndicatorIds.RealGvaGrowth)
                t.Add(published.Region[i], published.Sector[i], published.Year[i], published.Indicator[i], published.Value[i], published.Reason[i], published.Lower[i], published.Upper[i], published.Firms[i], published.Reliable[i]);
        return t;
    }

    /// <summary>
    /// Per sector and year t ≥ 1 ([s·T + t]), the robust z of the region's log employment change from t−1 to t among the
    /// GB ITL2 areas' log changes of the same sector (<see cref="JumpCheck.RobustZ"/>); NaN where unknown.
    /// </summary>
    private static double[] ChangeOutliers(CityRegionRunContext ctx)
    {
        var p = ctx.Areas;
        var e = p[Measure.Employment];
        var own = ctx.Panel[Measure.Employment];
        int T = ctx.Years.Length, R = p.R, S = ctx.Sectors.Count;
        var z = new double[S * T];
        Array.Fill(z, double.NaN);
        var changes = new double[R];
        static double LogChange(double a, double b) => a > 0 && b > 0 ? Math.Log(b / a) : double.NaN;
        for (int s = 0; s < S; s++)
        {
            if (!p.TrySectorIndex(ctx.Sectors[s].Code, out int ps)) continue;
            for (int t = 1; t < T; t++)
            {
                for (int r = 0; r < R; r++) changes[r] = LogChange(e.Value[p.Index(r, ps, t - 1)], e.Value[p.Index(r, ps, t)]);
                z[s * T + t] = JumpCheck.RobustZ(LogChange(own.Value[ctx.Panel.Index(0, s, t - 1)], own.Value[ctx.Panel.Index(0, s, t)]), changes);
            }
        }
        return z;
    }

    /// <summary>The Hoover localisation of every sector across the GB ITL2 areas in the end year.</summary>
    private static double[] LocalisationAcrossItl2(CityRegionRunContext ctx)
    {
        var p = ctx.Areas;
        var e = p[Measure.Employment];
        int R = p.R, t = p.YearIndex(ctx.Nominal.End);
        var totals = new double[R];
        for (int r = 0; r < R; r++)
            for (int s = 0; s < p.S; s++)
                if (e.Value[p.Index(r, s, t)] is var v && !double.IsNaN(v)) totals[r] += v;
        var result = new double[ctx.Sectors.Count];
        var column = new double[R];
        for (int s = 0; s < ctx.Sectors.Count; s++)
        {
            if (!p.TrySectorIndex(ctx.Sectors[s].Code, out int ps)) { result[s] = double.NaN; continue; }
            for (int r = 0; r < R; r++) column[r] = e.Value[p.Index(r, ps, t)];
            result[s] = EligibilityCheck.Hoover(column, totals);
        }
        return result;
    }

    /// <summary>Region row from firm data and benchmark row (row <paramref name="gbRow"/> of <paramref name="gbPanel"/>) from BRES, on the BRES sector axis.</summary>
    private static Panel Combine(Panel micro, Panel gbPanel, int gbRow, string firmSource)
    {
        var b = new PanelBuilder([micro.Regions[0], gbPanel.Regions[gbRow]], gbPanel.Sectors, gbPanel.Years);
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
                int g = gbPanel.Index(gbRow, s, t);
                b.Add(Measure.Employment, 1, s, t, ge.Value[g], ge.Lower[g], ge.Upper[g]);
            }
        }
        return b.Build();
    }

    private static string Action(JumpAction a) => a switch
    {
        JumpAction.Damp => "damped (the jump year follows Great Britain's change in the sector)",
        JumpAction.Exclude => "left out of the composite",
        _ => "flagged only",
    };
}
