using CompeteModel.Engine.Indicators;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Reporting;
using CompeteModel.Engine.Scoring;
using CompeteModel.Engine.Statistics;

namespace CompeteModel.Engine.Pipeline;

/// <summary>Turns a city-region run into the report model: every number is read from the run's tables, not recomputed.</summary>
public static class RunReport
{
    public static ReportModel Build(CityRegionRunResult r, int topN = 10)
    {
        var m = r.Matrix;
        var bands = r.MonteCarlo.Bands.ToDictionary(b => b.Code, StringComparer.Ordinal);
        var indicatorIds = r.Score.Indicators.Select(i => i.Id).ToArray();
        var sectors = new List<ReportSector>();
        foreach (var u in r.Score.Units)
        {
            int e = m.RowOf(u.Code);
            int s = r.Panel.SectorIndex(u.Code);
            double V(string id) { int k = m.ColumnOf(id); return k < 0 ? double.NaN : m[e, k]; }
            var band = bands[u.Code];
            sectors.Add(new ReportSector
            {
                Code = u.Code,
                Name = u.Name,
                Composite = u.Composite,
                Rank = u.Rank,
                MedianRank = band.MedianRank,
                BandLow = (int)Math.Floor(band.P05),
                BandHigh = (int)Math.Ceiling(band.P95),
                Quadrant = u.SpecialisationGrowth switch
                {
                    SpecialisationGrowthClass.Strength => ReportQuadrant.Strength,
                    SpecialisationGrowthClass.Emerging => ReportQuadrant.Emerging,
                    SpecialisationGrowthClass.DecliningStrength => ReportQuadrant.DecliningStrength,
                    SpecialisationGrowthClass.Underrepresented => ReportQuadrant.Underrepresented,
                    _ => ReportQuadrant.Unclassified,
                },
                Lq = V(IndicatorIds.Lq),
                GrowthVsBenchmark = m.ColumnOf(Indicators.IndicatorIds.GrowthDifferential) >= 0 ? 100 * V(Indicators.IndicatorIds.GrowthDifferential) : CagrGapPoints(r, s),
                Employment = V("employment"),
                Density = V(IndicatorIds.Density),
                Pci = V(IndicatorIds.Pci),
                Contributions = indicatorIds.Select((id, k) => new ReportContribution(id, Label(id), u.Contributions[k]))
                    .Where(c => !double.IsNaN(c.Points)).ToArray(),
                Flags = Reliability.Flags(r, u.Code),
            });
        }
        var provenance = new List<ProvenanceNote>
        {
            r.UsesMicroData
                ? new ProvenanceNote((r.FirmProvenance == Provenance.GeneratedMicroData ? "GENERATED firm-level data (demonstration) for " : "Firm-level data for ") + r.Region.Name, r.Matrix.Provenance[Math.Max(0, m.ColumnOf(IndicatorIds.Lq))],
                    "specialisation, growth and technology intensity; firm bootstrap bands", ChartKind.SpecialisationGrowth | ChartKind.TechnologyHeatMap | ChartKind.RankBands)
                : new ProvenanceNote("ONS BRES employment (ITL2 × SIC)", Provenance.PublishedStatistics,
                    "specialisation and growth; rounding-interval bands", ChartKind.SpecialisationGrowth | ChartKind.RankBands),
            new ProvenanceNote("ONS BRES employment, 40 GB ITL2 areas", Provenance.PublishedStatistics,
                "relatedness density and complexity (reference geography); Great Britain benchmark", ChartKind.RelatednessComplexity | ChartKind.SpecialisationGrowth),
            new ProvenanceNote("ONS regional GVA (balanced, ITL2)", Provenance.PublishedStatistics,
                "productivity relative to Great Britain; complexity sign anchor", ChartKind.RankBands),
        };
        provenance.Add(r.UsesMicroData
            ? new ProvenanceNote("Firm-level data for " + r.Region.Name, r.Matrix.Provenance[Math.Max(0, m.ColumnOf("employment"))], "", ChartKind.Series)
            : new ProvenanceNote("ONS BRES employment (ITL2 × SIC)", Provenance.PublishedStatistics, "", ChartKind.Series));
        if (r.Gva is not null)
            provenance.Add(new ProvenanceNote("ONS regional GVA (balanced, current prices)", Provenance.PublishedStatistics, "", ChartKind.Series));
        TechnologyMatrix? tech = null;
        if (r.TechnologyIds.Count > 0 && r.TechnologyShares.Count > 0)
        {
            var top = sectors.Take(Math.Max(topN, 15)).ToList();
            tech = new TechnologyMatrix("share of the sector's employment in firms using the technology",
                top.Select(x => $"{x.Code} {x.Name}").ToArray(), r.TechnologyIds.ToArray(),
                top.Select(x => r.TechnologyIds.Select(id => r.TechnologyShares[id][r.Panel.SectorIndex(x.Code)]).ToArray()).ToArray());
        }
        var notes = new List<string>(r.Notes)
        {
            $"Scored under spec '{r.Spec.Name}' at {r.Level.ToString().ToLowerInvariant()} level, {r.BaseYear}–{r.Year}, against {r.Benchmark.Name}; "
            + $"{r.MonteCarlo.Draws:N0} Monte Carlo draws (seed {r.Seed}); the factor that moves ranks most is {r.MonteCarlo.MostInfluential.ToString().ToLowerInvariant()}.",
        };
        foreach (var uu in r.Score.Unscored.Take(5)) notes.Add($"Unscored: {uu.Code} {uu.Name} — {uu.Reason}");
        if (r.Score.Unscored.Count > 5) notes.Add($"… and {r.Score.Unscored.Count - 5} more unscored sectors (see rankings workbook).");
        return new ReportModel(r.Region.Name, r.Region.Code, r.Spec.Name, r.BaseYear, r.Year, sectors)
        {
            TopN = topN,
            BenchmarkName = r.Benchmark.Name,
            Provenance = provenance,
            Technologies = tech,
            Explorer = WeightExplorer.From(r.WeightSets, Label),
            WeightSetPairs = r.WeightSets.Pairs,
            Sensitivity = r.MonteCarlo.Sensitivity,
            Series = sectors.Take(topN).Select(x => Series(r, x.Code, x.Name)).ToArray(),
            Notes = notes,
            Warnings = r.Warnings.Distinct().ToArray(),
            Sections = [Stability(r), LeftOut(r), Checks(r)],
        };
    }

    /// <summary>The region's and the benchmark's employment in one sector, every year of the run's panel, and the region's GVA in the industry holding it.</summary>
    public static SectorSeries Series(CityRegionRunResult r, string code, string name)
    {
        var emp = r.Panel[Measure.Employment];
        int s = r.Panel.SectorIndex(code);
        var years = r.Panel.Years;
        var gva = r.Gva?.Series(code, years) ?? [];
        var industry = gva.Length > 0 && r.Gva!.IndustryOf[code] is var g && g.Code != code ? g.Code + " " + g.Name : "";
        return new SectorSeries(code, name, years.ToArray(),
            Enumerable.Range(0, years.Count).Select(t => emp.Value[r.Panel.Index(0, s, t)]).ToArray(),
            Enumerable.Range(0, years.Count).Select(t => emp.Value[r.Panel.Index(1, s, t)]).ToArray())
        { Gva = gva, GvaIndustry = industry };
    }

    /// <summary>"How stable is this ranking": the top ten under each choice of years, and what the Monte Carlo's years factor does.</summary>
    public static ReportSection Stability(CityRegionRunResult r)
    {
        var own = r.Stability[0];
        var paragraphs = new List<string>
        {
            $"This ranking measures growth from {own.Years.Label}. The table scores the same sectors under the other choices of years the Monte Carlo draws from "
            + "(end year one earlier, base year one later, 1- to 3-year endpoints) and counts how many of this run's top ten each keeps.",
        };
        var others = r.Stability.Skip(1).ToArray();
        if (others.Length > 0)
        {
            int min = others.Min(x => x.TopOverlap);
            double mean = others.Average(x => x.TopOverlap);
            var adjacent = others.FirstOrDefault(x => x.Years.End == own.Years.End - 1 && x.Years.Base == own.Years.Base && x.Years.Window == own.Years.Window);
            paragraphs.Add($"Across {others.Length} alternative choices of years the top ten keeps {ReportFormat.Fixed(mean, 1)} of its sectors on average (at least {ReportFormat.Int(min)})"
                + (adjacent is null ? "." : $"; ending in {adjacent.Years.End} instead of {own.Years.End} keeps {ReportFormat.Int(adjacent.TopOverlap)} of {ReportFormat.Int(adjacent.TopN)}."));
        }
        var years = r.MonteCarlo.Sensitivity.FirstOrDefault(x => x.Factor == MonteCarloFactor.Years);
        if (years is not null)
            paragraphs.Add($"In the Monte Carlo, varying the years alone moves a sector by {ReportFormat.Fixed(years.MeanAbsRankShift, 1)} ranks on average (at most {ReportFormat.Int(years.MaxAbsRankShift)}); "
                + $"the factor that moves ranks most overall is {r.MonteCarlo.MostInfluential.ToString().ToLowerInvariant()} (sensitivity.csv).");
        var rows = r.Stability.Select(x => (IReadOnlyList<string>)
        [
            x.Years.Label + (x.Nominal ? " (this run)" : ""), ReportFormat.Int(x.TopOverlap) + " of " + ReportFormat.Int(x.TopN), ReportFormat.Fixed(x.Spearman), string.Join(" ", x.Top),
        ]).ToArray();
        return new ReportSection("How stable is this ranking", paragraphs, ["Years", "Top ten shared", "Spearman ρ", "Top ten"], rows, [false, true, true, false]);
    }

    /// <summary>"Sectors left out of the ranking": local and mixed sectors (the foundational economy) and those below the size floor.</summary>
    public static ReportSection LeftOut(CityRegionRunResult r)
    {
        var paragraphs = new List<string>();
        var rows = new List<IReadOnlyList<string>>();
        if (r.Spec.Eligibility is { } el)
        {
            var present = r.Eligibility.Where(x => x.Employment > 0).ToArray();
            var byClass = present.Where(x => !el.Score.Contains(x.Class)).OrderByDescending(x => x.Employment).ThenBy(x => x.Code, StringComparer.Ordinal).ToArray();
            var small = present.Where(x => el.Score.Contains(x.Class) && !x.Eligible).ToArray();
            double jobs = byClass.Sum(x => x.Employment), share = byClass.Sum(x => double.IsNaN(x.EmploymentShare) ? 0 : x.EmploymentShare);
            paragraphs.Add($"The ranking holds {string.Join(" and ", el.Score.Select(Sectors.TradeClassification.Name))} sectors: those that sell mainly outside the region, where a strategy can change the region's share of a wider market. "
                + $"{ReportFormat.Int(byClass.Length)} local or mixed sectors ({ReportFormat.Count(jobs)} jobs, {ReportFormat.Fixed(100 * share, 1)}% of the region's) serve mainly local demand; they are the foundational economy, "
                + "listed with their indicators in local_sectors.csv, not ranked against traded sectors. The class of each sector and its reason are in eligibility.csv, beside a check on the data "
                + "(how concentrated the sector is across the 40 GB ITL2 areas).");
            int disagree = present.Count(x => !x.Agrees);
            if (disagree > 0)
                paragraphs.Add($"{ReportFormat.Int(disagree)} sector(s) are spread across Great Britain otherwise than their class suggests: " +
                    string.Join("; ", present.Where(x => !x.Agrees).Select(x => $"{x.Code} {x.Name} ({Sectors.TradeClassification.Name(x.Class)}, {x.Empirical}, Hoover {ReportFormat.Fixed(x.Hoover)})")) + ".");
            if (small.Length > 0)
                paragraphs.Add($"{ReportFormat.Int(small.Length)} traded sector(s) are below the size floor and unscored: " + string.Join("; ", small.Select(x => $"{x.Code} {x.Name} ({ReportFormat.Count(x.Employment)} jobs)")) + ".");
            foreach (var x in byClass.Take(10))
                rows.Add([x.Code + " " + x.Name, Sectors.TradeClassification.Name(x.Class), ReportFormat.Count(x.Employment), ReportFormat.Fixed(100 * x.EmploymentShare, 1)]);
        }
        else paragraphs.Add("The spec sets no eligibility: every sector with data is ranked, traded or local.");
        return new ReportSection("Sectors left out of the ranking", paragraphs, ["Largest local and mixed sectors", "Class", "Jobs", "Share of region (%)"], rows, [false, false, true, true]);
    }

    /// <summary>"Checks on the evidence": the complexity gate, the technology pillar, and employment jumps.</summary>
    public static ReportSection Checks(CityRegionRunResult r)
    {
        var paragraphs = new List<string>();
        if (r.ComplexityGate is { } g)
            paragraphs.Add(g.Passed
                ? $"Complexity passed its checks (the diversity rule and the productivity anchor agree in {string.Join(", ", g.Years)}; PCI ranks hold from year to year, ρ = {ReportFormat.Fixed(g.YearStability)}), so PCI and COG are scored."
                : $"Complexity did not pass its checks: {(g.SignsAgree ? "" : "oriented on productivity, the ECI of the ITL2 areas correlates negatively with their diversity (" + string.Join(", ", g.Years.Select((y, i) => y + ": r = " + ReportFormat.Signed(g.CorrDiversity[i]))) + "), so the two sign rules disagree and the sign is not identified; ")}"
                  + $"{(g.Stable ? "" : "PCI ranks change from year to year (ρ = " + ReportFormat.Fixed(g.YearStability) + "); ")}{string.Join(" and ", g.Excluded)} are shown as diagnostics only and carry no weight.");
        paragraphs.Add(r.TechnologyScored
            ? (r.FirmProvenance == Provenance.GeneratedMicroData
                ? "Enabling technologies are scored on GENERATED firm descriptions, asked for as a demonstration: the pillar shows the generator's assumptions, not the region's firms."
                : "Enabling technologies are scored from the tagged descriptions of the firm-level data given.")
            : "Enabling technologies are not scored: they need real firm-level descriptions (--micro FILE). The pillar's weight goes to the others.");
        var rows = new List<IReadOnlyList<string>>();
        if (r.JumpYears.Count > 0)
        {
            var emp = r.Panel[Measure.Employment];
            paragraphs.Add("Sectors whose employment changed by a quarter or more in one year while the industry's real GVA did not follow (the jump check); the jump year is damped or flagged as the spec says. Check these series before quoting them.");
            foreach (var (code, years) in r.JumpYears.OrderBy(x => x.Key, StringComparer.Ordinal))
            {
                int s = r.Panel.SectorIndex(code);
                var series = string.Join(", ", r.Panel.Years.Select((y, t) => y + ": " + ReportFormat.Count(emp.Value[r.Panel.Index(0, s, t)])));
                var status = r.Score.Find(code) is { } u ? "rank " + ReportFormat.Int(u.Rank) : "not ranked";
                rows.Add([code + " " + (r.SectorNames.TryGetValue(code, out var n) ? n : ""), string.Join(", ", years), status, series]);
            }
        }
        return new ReportSection("Checks on the evidence", paragraphs, ["Sector", "Jump in", "Status", "Employment in the region"], rows, [false, false, false, false]);
    }

    /// <summary>
    /// The region's compound annual growth of sector <paramref name="s"/> minus Great Britain's, in percentage points a
    /// year: 100 × ((X1/X0)^(1/(t1−t0)) − (B1/B0)^(1/(t1−t0))); what the report's growth axis shows.
    /// </summary>
    public static double CagrGapPoints(CityRegionRunResult r, int s)
    {
        var emp = r.Panel[Measure.Employment];
        int tY = r.Panel.YearIndex(r.Year), t0 = r.Panel.YearIndex(r.BaseYear);
        return 100 * (Cagr(emp, r.Panel.Index(0, s, t0), r.Panel.Index(0, s, tY), r.Year - r.BaseYear)
                      - Cagr(emp, r.Panel.Index(1, s, t0), r.Panel.Index(1, s, tY), r.Year - r.BaseYear));
    }

    private static double Cagr(PanelMeasure emp, int i0, int i1, int years)
    {
        double a = emp.Value[i0], b = emp.Value[i1];
        return CompoundGrowth.Rate(a, b, years);
    }

    /// <summary>
    /// A short plain-English label for an indicator id, for the report's sentences and the explanation; the catalog's
    /// description (which carries the formula) for ids without one.
    /// </summary>
    public static string Label(string id) => id switch
    {
        IndicatorIds.Lq => "specialisation (location quotient)",
        IndicatorIds.GrowthVsBenchmark => "growth relative to the benchmark",
        IndicatorIds.GrowthDifferential => "employment growth relative to Great Britain",
        IndicatorIds.ProductivityGrowth => "real productivity growth relative to Great Britain",
        "cagr" => "compound annual growth",
        "ss_regional" => "the competitive (regional) shift-share effect",
        IndicatorIds.ProductivityRelative => "productivity relative to the benchmark",
        IndicatorIds.Density => "relatedness density",
        IndicatorIds.Cog => "complexity opportunity gain",
        IndicatorIds.Pci => "sector complexity (PCI)",
        IndicatorIds.Rca => "revealed comparative advantage",
        IndicatorIds.TechIntensity => "enabling-technology intensity",
        "employment" => "employment",
        "firms" => "number of firms",
        _ => IndicatorCatalog.Standard.Find(id)?.Description ?? id,
    };
}
