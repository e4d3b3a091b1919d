using CompeteModel.Engine.Indicators;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Scoring;

namespace CompeteModel.Engine.Pipeline;

/// <summary>The output tables of a city-region run, each traceable to its formula (see docs/outputs.md).</summary>
public static class RunTables
{
    /// <summary>
    /// One row per scored sector in rank order: pillar scores, composite, rank, Monte Carlo median rank and 5–95% band,
    /// both quadrant classes, the headline indicator values with their bands, employment, firms and reliability flags.
    /// </summary>
    public static Table Rankings(CityRegionRunResult r)
    {
        var units = r.Score.Units;
        var bands = r.MonteCarlo.Bands.ToDictionary(b => b.Code, StringComparer.Ordinal);
        var m = r.Matrix;
        var cols = new List<TableColumn>
        {
            TableColumn.Of("sector", units.Select(u => (string?)u.Code).ToArray()),
            TableColumn.Of("name", units.Select(u => (string?)u.Name).ToArray()),
        };
        for (int p = 0; p < r.Score.PillarIds.Count; p++)
        {
            int pp = p;
            cols.Add(TableColumn.Of("pillar_" + r.Score.PillarIds[p], units.Select(u => u.PillarScores[pp]).ToArray()));
        }
        cols.Add(TableColumn.Of("composite", units.Select(u => u.Composite).ToArray()));
        cols.Add(TableColumn.Of("rank", units.Select(u => u.Rank).ToArray()));
        cols.Add(TableColumn.Of("median_rank", units.Select(u => bands[u.Code].MedianRank).ToArray()));
        cols.Add(TableColumn.Of("rank_p05", units.Select(u => bands[u.Code].P05).ToArray()));
        cols.Add(TableColumn.Of("rank_p95", units.Select(u => bands[u.Code].P95).ToArray()));
        cols.Add(TableColumn.Of("quadrant", units.Select(u => (string?)Quadrants.Name(u.SpecialisationGrowth)).ToArray()));
        cols.Add(TableColumn.Of("relatedness_complexity", units.Select(u => (string?)Quadrants.Name(u.RelatednessComplexity)).ToArray()));
        var eligibility = r.Eligibility.ToDictionary(x => x.Code, StringComparer.Ordinal);
        cols.Add(TableColumn.Of("trade_class", units.Select(u => (string?)Sectors.TradeClassification.Name(eligibility[u.Code].Class)).ToArray()));
        cols.Add(TableColumn.Of("jump_years", units.Select(u => (string?)(r.JumpYears.TryGetValue(u.Code, out var y) ? string.Join(" ", y) : "")).ToArray()));
        foreach (var id in new[] { IndicatorIds.Lq, IndicatorIds.GrowthDifferential, IndicatorIds.GrowthVsBenchmark, IndicatorIds.ProductivityRelative, IndicatorIds.ProductivityGrowth, IndicatorIds.Density, IndicatorIds.Pci, IndicatorIds.TechIntensity, "employment", "firms" })
        {
            int k = m.ColumnOf(id);
            if (k < 0) continue;
            var rows = units.Select(u => m.RowOf(u.Code)).ToArray();
            cols.Add(TableColumn.Of(id, rows.Select(e => m[e, k]).ToArray()));
            if (id is IndicatorIds.Lq or IndicatorIds.GrowthDifferential or IndicatorIds.GrowthVsBenchmark)
            {
                cols.Add(TableColumn.Of(id + "_lower", rows.Select(e => r.Uncertainty.Lower![e * m.IndicatorCount + k]).ToArray()));
                cols.Add(TableColumn.Of(id + "_upper", rows.Select(e => r.Uncertainty.Upper![e * m.IndicatorCount + k]).ToArray()));
            }
        }
        cols.Add(TableColumn.Of("cagr_gap_pp", units.Select(u => RunReport.CagrGapPoints(r, r.Panel.SectorIndex(u.Code))).ToArray()));
        var flags = units.Select(u => Reliability.Flags(r, u.Code)).ToArray();
        cols.Add(TableColumn.Of("reliable", flags.Select(f => f.Length == 0).ToArray()));
        cols.Add(TableColumn.Of("flags", flags.Select(f => (string?)string.Join("; ", f)).ToArray()));
        return new Table(cols);
    }

    /// <summary>
    /// Every sector of the region with jobs in the end year: its traded/local class (with the reason and the SIC code of
    /// the classification row), the Hoover localisation across the GB ITL2 areas and what it reads as, whether the two
    /// agree, its employment over the end window and share of the region's, and why it is left out of the ranking.
    /// </summary>
    public static Table Eligibility(CityRegionRunResult r)
    {
        var rows = r.Eligibility.Where(x => x.Employment > 0).ToArray();
        return new Table(new[]
        {
            TableColumn.Of("sector", rows.Select(x => (string?)x.Code).ToArray()),
            TableColumn.Of("name", rows.Select(x => (string?)x.Name).ToArray()),
            TableColumn.Of("trade_class", rows.Select(x => (string?)Sectors.TradeClassification.Name(x.Class)).ToArray()),
            TableColumn.Of("class_reason", rows.Select(x => (string?)x.ClassReason).ToArray()),
            TableColumn.Of("class_code", rows.Select(x => (string?)x.ClassCode).ToArray()),
            TableColumn.Of("hoover_itl2", rows.Select(x => x.Hoover).ToArray()),
            TableColumn.Of("empirical", rows.Select(x => (string?)x.Empirical).ToArray()),
            TableColumn.Of("agrees", rows.Select(x => x.Agrees).ToArray()),
            TableColumn.Of("employment", rows.Select(x => x.Employment).ToArray()),
            TableColumn.Of("employment_share", rows.Select(x => x.EmploymentShare).ToArray()),
            TableColumn.Of("eligible", rows.Select(x => x.Eligible).ToArray()),
            TableColumn.Of("exclusion", rows.Select(x => (string?)(x.Exclusion ?? "")).ToArray()),
        });
    }

    /// <summary>
    /// The foundational economy: sectors left out of the ranking for their class (local or mixed), largest first, with
    /// their size, LQ, growth differential and relative productivity from the run's published data (not ranked).
    /// </summary>
    public static Table LocalSectors(CityRegionRunResult r)
    {
        var scoreClasses = r.Spec.Eligibility?.Score ?? [];
        var rows = r.Eligibility.Where(x => x.Employment > 0 && r.Spec.Eligibility is not null && !scoreClasses.Contains(x.Class))
            .OrderByDescending(x => x.Employment).ThenBy(x => x.Code, StringComparer.Ordinal).ToArray();
        double Value(string code, string id)
        {
            int i = r.Indicators.Find(r.Region.Id, code, id);
            return i >= 0 ? r.Indicators.Value[i] : double.NaN;
        }
        return new Table(new[]
        {
            TableColumn.Of("sector", rows.Select(x => (string?)x.Code).ToArray()),
            TableColumn.Of("name", rows.Select(x => (string?)x.Name).ToArray()),
            TableColumn.Of("trade_class", rows.Select(x => (string?)Sectors.TradeClassification.Name(x.Class)).ToArray()),
            TableColumn.Of("class_reason", rows.Select(x => (string?)x.ClassReason).ToArray()),
            TableColumn.Of("employment", rows.Select(x => x.Employment).ToArray()),
            TableColumn.Of("employment_share", rows.Select(x => x.EmploymentShare).ToArray()),
            TableColumn.Of("lq", rows.Select(x => Value(x.Code, IndicatorIds.Lq)).ToArray()),
            TableColumn.Of("growth_differential", rows.Select(x => Value(x.Code, IndicatorIds.GrowthDifferential)).ToArray()),
            TableColumn.Of("productivity_relative", rows.Select(x => Value(x.Code, IndicatorIds.ProductivityRelative)).ToArray()),
            TableColumn.Of("jump_years", rows.Select(x => (string?)(r.JumpYears.TryGetValue(x.Code, out var y) ? string.Join(" ", y) : "")).ToArray()),
        });
    }

    /// <summary>The ranking under each choice of years against the run's own: years, top-10 overlap, Spearman ρ, the top ten.</summary>
    public static Table Stability(CityRegionRunResult r)
    {
        var rows = r.Stability;
        return new Table(new[]
        {
            TableColumn.Of("base_year", rows.Select(x => x.Years.Base).ToArray()),
            TableColumn.Of("end_year", rows.Select(x => x.Years.End).ToArray()),
            TableColumn.Of("endpoint_years", rows.Select(x => x.Years.Window).ToArray()),
            TableColumn.Of("nominal", rows.Select(x => x.Nominal).ToArray()),
            TableColumn.Of("top_n", rows.Select(x => x.TopN).ToArray()),
            TableColumn.Of("top_overlap", rows.Select(x => x.TopOverlap).ToArray()),
            TableColumn.Of("spearman", rows.Select(x => x.Spearman).ToArray()),
            TableColumn.Of("top", rows.Select(x => (string?)string.Join(" ", x.Top)).ToArray()),
        });
    }

    /// <summary>
    /// Every indicator value of the run in long form: the indicator library's rows for the region (sector "*" for
    /// region-level results), then the complexity and technology indicators of each scored sector; with provenance.
    /// </summary>
    public static Table Indicators(CityRegionRunResult r)
    {
        var region = new List<string?>();
        var sector = new List<string?>();
        var year = new List<int>();
        var indicator = new List<string?>();
        var value = new List<double>();
        var lower = new List<double>();
        var upper = new List<double>();
        var reliable = new List<bool>();
        var firms = new List<double>();
        var reason = new List<string?>();
        var provenance = new List<string?>();
        var t = r.Indicators;
        string microProv = r.UsesMicroData ? ProvenanceName(r.Matrix.Provenance[Math.Max(0, r.Matrix.ColumnOf(IndicatorIds.Lq))]) : ProvenanceName(Provenance.PublishedStatistics);
        for (int i = 0; i < t.RowCount; i++)
        {
            region.Add(t.Region[i]); sector.Add(t.Sector[i]); year.Add(t.Year[i]); indicator.Add(t.Indicator[i]);
            value.Add(t.Value[i]); lower.Add(t.Lower[i]); upper.Add(t.Upper[i]); reliable.Add(t.Reliable[i]);
            firms.Add(t.Firms[i]); reason.Add(t.Reason[i] == UndefinedReason.None ? null : t.Reason[i].ToString());
            provenance.Add(t.Indicator[i] is IndicatorIds.ProductivityRelative or "real_gva_growth" or IndicatorIds.ProductivityGrowth ? ProvenanceName(Provenance.PublishedStatistics) : microProv);
        }
        var m = r.Matrix;
        foreach (var id in new[] { IndicatorIds.Rca, IndicatorIds.Density, IndicatorIds.Cog, IndicatorIds.Pci, IndicatorIds.TechIntensity })
        {
            int k = m.ColumnOf(id);
            if (k < 0) continue;
            for (int e = 0; e < m.UnitCount; e++)
            {
                region.Add(r.Region.Id); sector.Add(m.UnitCodes[e]); year.Add(r.Year); indicator.Add(id);
                double v = m[e, k];
                // PCI and COG rest on the eigenvector's orientation: when the complexity gate failed they are diagnostics, not reliable values
                bool gated = r.ComplexityGate is { Passed: false } && FeasibilityScale.EigenvectorIndicators.Contains(id);
                value.Add(v); lower.Add(double.NaN); upper.Add(double.NaN);
                reliable.Add(!double.IsNaN(v) && (id == IndicatorIds.TechIntensity || (r.Complexity.Diagnostics.Reliable && !gated)));
                firms.Add(double.NaN); reason.Add(double.IsNaN(v) ? "UnknownInput" : null);
                provenance.Add(ProvenanceName(m.Provenance[k]));
            }
        }
        return new Table(new[]
        {
            TableColumn.Of("region", region.ToArray()), TableColumn.Of("sector", sector.ToArray()),
            TableColumn.Of("year", year.ToArray()), TableColumn.Of("indicator", indicator.ToArray()),
            TableColumn.Of("value", value.ToArray()), TableColumn.Of("lower", lower.ToArray()),
            TableColumn.Of("upper", upper.ToArray()), TableColumn.Of("reliable", reliable.ToArray()),
            TableColumn.Of("firms", firms.ToArray()), TableColumn.Of("reason", reason.ToArray()),
            TableColumn.Of("provenance", provenance.ToArray()),
        });
    }

    /// <summary>Sectors × technologies: employment share of the sector's firms tagged with each technology (scored sectors, rank order).</summary>
    public static Table SectorTechnologies(CityRegionRunResult r)
    {
        var units = r.Score.Units;
        var sectorIndex = r.Panel.Sectors.Select((s, i) => (s.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var cols = new List<TableColumn>
        {
            TableColumn.Of("sector", units.Select(u => (string?)u.Code).ToArray()),
            TableColumn.Of("name", units.Select(u => (string?)u.Name).ToArray()),
        };
        foreach (var id in r.TechnologyIds.Append(CityRegionRun.TechAny))
            if (r.TechnologyShares.TryGetValue(id, out var a))
                cols.Add(TableColumn.Of(id, units.Select(u => a[sectorIndex[u.Code]]).ToArray()));
        return new Table(cols);
    }

    /// <summary>The region's employment panel for one year (issue 3's default output), long form.</summary>
    public static Table Panel(CityRegionRunResult r, int year)
    {
        var p = r.Panel;
        int t = p.YearIndex(year);
        var e = p[Measure.Employment];
        int S = p.S;
        var rows = Enumerable.Range(0, p.R * S).ToArray();
        return new Table(new[]
        {
            TableColumn.Of("region", rows.Select(i => (string?)p.Regions[i / S].Id).ToArray()),
            TableColumn.Of("region_name", rows.Select(i => (string?)p.Regions[i / S].Name).ToArray()),
            TableColumn.Of("sector", rows.Select(i => (string?)p.Sectors[i % S].Code).ToArray()),
            TableColumn.Of("sector_name", rows.Select(i => (string?)p.Sectors[i % S].Name).ToArray()),
            TableColumn.Of("year", rows.Select(_ => year).ToArray()),
            TableColumn.Of("employment", rows.Select(i => e.Value[p.Index(i / S, i % S, t)]).ToArray()),
            TableColumn.Of("lower", rows.Select(i => e.Lower[p.Index(i / S, i % S, t)]).ToArray()),
            TableColumn.Of("upper", rows.Select(i => e.Upper[p.Index(i / S, i % S, t)]).ToArray()),
            TableColumn.Of("firms", rows.Select(i => e.FirmCount is null ? 0 : e.FirmCount[p.Index(i / S, i % S, t)]).ToArray()),
            TableColumn.Of("provenance", rows.Select(i => (string?)(i / S == 0 ? ProvenanceName(e.Provenance) : ProvenanceName(Provenance.PublishedStatistics))).ToArray()),
        });
    }

    public static string ProvenanceName(Provenance p) => p switch
    {
        Provenance.PublishedStatistics => "published statistics",
        Provenance.GeneratedMicroData => "generated firm-level data",
        Provenance.UserMicroData => "user firm-level data",
        _ => "user table",
    };
}
