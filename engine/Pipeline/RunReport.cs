using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Reporting;
using CompeteModel.Engine.Scoring;

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
                Lq = V("lq"),
                GrowthVsBenchmark = CagrGapPoints(r, s),
                Employment = V("employment"),
                Density = V("density"),
                Pci = V("pci"),
                Contributions = indicatorIds.Select((id, k) => new ReportContribution(id, Label(id), u.Contributions[k]))
                    .Where(c => !double.IsNaN(c.Points)).ToArray(),
                Flags = Reliability.Flags(r, u.Code),
            });
        }
        var provenance = new List<ProvenanceNote>
        {
            r.UsesMicroData
                ? new ProvenanceNote("Firm-level data for " + r.Region.Name, r.Matrix.Provenance[Math.Max(0, m.ColumnOf("lq"))],
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
        return a > 0 && b >= 0 ? Math.Pow(b / a, 1.0 / years) - 1 : double.NaN;
    }

    /// <summary>
    /// A short plain-English label for an indicator id, for the report's sentences and the explanation; the catalog's
    /// description (which carries the formula) for ids without one.
    /// </summary>
    public static string Label(string id) => id switch
    {
        "lq" => "specialisation (location quotient)",
        "growth_vs_benchmark" => "growth relative to the benchmark",
        "cagr" => "compound annual growth",
        "ss_regional" => "the competitive (regional) shift-share effect",
        "productivity_relative" => "productivity relative to the benchmark",
        "density" => "relatedness density",
        "cog" => "complexity opportunity gain",
        "pci" => "sector complexity (PCI)",
        "rca" => "revealed comparative advantage",
        "tech_intensity" => "enabling-technology intensity",
        "employment" => "employment",
        "firms" => "number of firms",
        _ => IndicatorCatalog.Standard.Find(id)?.Description ?? id,
    };
}
