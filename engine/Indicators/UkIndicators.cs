using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Ingest;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Engine.Indicators;

/// <summary>
/// The full indicator table of regions against a benchmark region on the shipped UK data: BRES employment
/// (or ONS regional GVA) for lq, present, growth, shift-share and concentration, and ONS regional GVA with
/// BRES employment for productivity_relative and real_gva_growth. Everything is computed by
/// <see cref="IndicatorSuite"/>; this class only assembles its panels.
/// </summary>
/// <remarks>
/// <para>Employment measure: the panel is <see cref="UkData.BuildEmploymentPanel"/> for the regions and the
/// benchmark at the requested SIC level, with the benchmark as a named region (METHODS.md: LQ against the
/// nation). Bounds are the propagated BRES rounding intervals; published data carry no firm counts, so
/// <c>reliable</c> follows <see cref="IndicatorSuite"/>'s rule for them (true wherever the value is defined).</para>
/// <para>Productivity (METHODS.md "UK data conventions"): GVA at current prices per BRES job, relative to the
/// benchmark, on the finest ONS GVA industries that partition the economy (ITL2: "29", "CL (29-30)" split
/// into 29 and 30, "CD-CF (19-21)" whole, ...). BRES employment is regrouped onto those industries by
/// <see cref="UkData.GvaIndustryOf"/>. A sector at division level or finer carries the value of the GVA industry
/// holding its division (so divisions 19, 20 and 21, and every class of division 29, share one value); a
/// section carries the value of the union of the GVA industries inside it. A sector whose divisions the regional
/// accounts do not cover (99, households as employers) is undefined (UnknownInput). real_gva_growth is the
/// chained-volume growth of the same industries from the base year to the year. The region rows ("*") of both
/// sum the industries that have jobs behind them, i.e. they leave out owner-occupiers' imputed rental.</para>
/// <para>GVA measure: the sectors are the GVA industries themselves (imputed rental included, with unknown jobs),
/// and the suite computes every indicator, productivity and real growth included, on them directly.</para>
/// </remarks>
public static class UkIndicators
{
    public static UkIndicatorResult Compute(UkData data, UkIndicatorRequest request)
    {
        if (request.Regions.Count == 0) throw new InputException("give the region to report", field: "--region");
        switch (request.Measure)
        {
            case Measure.Employment:
            case Measure.GvaCurrent:
                break;
            case Measure.Enterprises:
                throw new InputException(
                    "enterprise counts are not available for a region in the shipped UK data: the UK Business Counts file " +
                    "(idbr_gb_enterprises_sic5_sizeband_2016_2021.csv.gz) covers Great Britain as a whole, by SIC subclass and size band, " +
                    "with no regional breakdown; use --measure employment or gva, or give regional counts as a long table with --input",
                    field: "--measure");
            default:
                throw new InputException($"the shipped UK data hold employment (BRES) and GVA (ONS regional accounts), not {request.Measure}; " +
                                         "use --measure employment or gva, or --input for other values", field: "--measure");
        }

        var bresYears = data.BresSubclasses.Years;
        int year = request.Year ?? bresYears[^1];
        int baseYear = request.BaseYear ?? bresYears[0];
        if (!bresYears.Contains(year))
            throw new InputException($"year {year} is not in BRES employment (years {bresYears[0]}–{bresYears[^1]})", field: "--year");
        if (!bresYears.Contains(baseYear))
            throw new InputException($"base year {baseYear} is not in BRES employment (years {bresYears[0]}–{bresYears[^1]})", field: "--base-year");
        if (baseYear >= year)
            throw new InputException($"the base year ({baseYear}) must be before the year ({year})", field: "--base-year");
        var years = bresYears.Where(y => y >= baseYear && y <= year).ToList();

        var all = request.Regions.Append(request.Benchmark).ToList();
        var options = new IndicatorOptions
        {
            Measure = request.Measure,
            Year = year,
            BaseYear = baseYear,
            Benchmark = BenchmarkConvention.NamedRegion,
            BenchmarkRegion = request.Benchmark.Id,
            Regions = request.Regions.Select(r => r.Id).ToList(),
            PresenceThreshold = request.PresenceThreshold,
            MinFirms = request.MinFirms,
        };
        var notes = new List<string>();
        IndicatorTable table;
        if (request.Measure == Measure.GvaCurrent)
        {
            // Sectors are the GVA industries themselves; the suite computes productivity and real growth on them directly.
            var partition = data.GvaItl2(false).Industries.Partition;
            var groups = partition.Select(g => (Sector: new Sector(g.Code, g.Name, null), Industries: (IReadOnlyList<GvaIndustry>)new[] { g })).ToList();
            table = IndicatorSuite.Compute(GvaIndustryPanel(data, all, years, groups), options);
            notes.Add("--measure gva: sectors are the ONS regional GVA industries that partition the economy (--level does not apply); " +
                      "lq, growth and shift-share are on GVA at current prices");
        }
        else
        {
            var panel = data.BuildEmploymentPanel(all, request.Level, years);
            var main = IndicatorSuite.Compute(panel, options);
            var (groups, groupOf) = ProductivityGroups(data, panel.Sectors, request.Level);
            var prod = IndicatorSuite.Compute(GvaIndustryPanel(data, all, years, groups), options with { Measure = Measure.Employment });
            table = Merge(main, prod, request.Regions, panel.Sectors, groups, groupOf, year);
            notes.Add(request.Level == SectorLevel.Section
                ? "productivity_relative, real_gva_growth: each section carries the value of the ONS GVA industries inside it"
                : "productivity_relative, real_gva_growth: each sector carries the value of the ONS GVA industry holding its division " +
                  "(e.g. every sector of division 29 the value of industry 29; divisions 19-21 that of CD-CF (19-21))");
        }
        notes.Add("productivity_relative = (GVA at current prices / BRES jobs of the region) / (the same of the benchmark); " +
                  (request.Measure == Measure.GvaCurrent
                      ? "its region row (*) is all GVA, imputed rental included, per job; imputed rental (68IMP) has no jobs, so no productivity of its own"
                      : "its region row (*) and that of real_gva_growth leave out owner-occupiers' imputed rental (no jobs behind it)"));

        var accounts = new List<RowAccount> { data.BresSubclasses.Account, data.GvaItl2(false).Account, data.GvaItl2(true).Account };
        return new UkIndicatorResult(table, year, baseYear, accounts, notes);
    }

    /// <summary>
    /// BRES employment and ONS GVA (current prices and chained volume) of <paramref name="regions"/> on the groups of
    /// GVA industries that measure <paramref name="sectors"/> (the same groups as productivity_relative uses), with
    /// each sector's group index (−1 where the regional accounts do not measure it). For the city-region run's
    /// productivity and jump-corroboration steps.
    /// </summary>
    public static (Panel Panel, int[] GroupOf) ProductivityPanel(UkData data, IReadOnlyList<Region> regions, IReadOnlyList<Sector> sectors,
        SectorLevel level, IReadOnlyList<int> years)
    {
        var (groups, groupOf) = ProductivityGroups(data, sectors, level);
        return (GvaIndustryPanel(data, regions, years, groups), groupOf);
    }

    /// <summary>
    /// For each sector of the employment panel, the group of GVA industries its productivity is measured on:
    /// the one industry holding its divisions, or (a section) the union of the industries inside it. Returns the
    /// distinct groups in order of first use and each sector's group index (-1 where no group measures it).
    /// </summary>
    private static (List<(Sector Sector, IReadOnlyList<GvaIndustry> Industries)> Groups, int[] GroupOf) ProductivityGroups(
        UkData data, IReadOnlyList<Sector> sectors, SectorLevel level)
    {
        var divisionsOf = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var sub in data.Sic.Subclasses)
        {
            var code = sub.CodeAt(level);
            if (!divisionsOf.TryGetValue(code, out var set)) divisionsOf[code] = set = new SortedSet<string>(StringComparer.Ordinal);
            set.Add(sub.DivisionCode);
        }
        var groups = new List<(Sector, IReadOnlyList<GvaIndustry>)>();
        var groupIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var groupOf = new int[sectors.Count];
        for (int s = 0; s < sectors.Count; s++)
        {
            groupOf[s] = -1;
            if (!divisionsOf.TryGetValue(sectors[s].Code, out var divisions)) continue;
            var industries = new List<GvaIndustry>();
            bool covered = true;
            foreach (var d in divisions)
            {
                var g = data.GvaIndustryOf(d);
                if (g is null) { covered = false; break; }
                if (!industries.Contains(g)) industries.Add(g);
            }
            // A group of several industries must lie inside the sector, or its value would describe more than the sector.
            if (!covered || industries.Count == 0) continue;
            if (industries.Count > 1 && !industries.All(g => g.Divisions.All(divisions.Contains))) continue;
            var key = string.Join("+", industries.Select(g => g.Code));
            if (!groupIndex.TryGetValue(key, out var k))
            {
                k = groups.Count;
                groupIndex[key] = k;
                var sector = industries.Count == 1 ? new Sector(industries[0].Code, industries[0].Name, null) : new Sector(key, sectors[s].Name, level);
                groups.Add((sector, industries));
            }
            groupOf[s] = k;
        }
        return (groups, groupOf);
    }

    /// <summary>
    /// A panel whose sectors are groups of GVA industries, with GVA at current prices and in chained volume
    /// (<see cref="UkData.BuildGvaPanel"/>, summed over the group: unknown when a part is) and BRES employment
    /// regrouped from divisions (<see cref="UkData.GvaIndustryOf"/>; summed as UkData sums BRES: the known parts,
    /// upper +∞ when a part is unpublished, unknown when all are).
    /// </summary>
    private static Panel GvaIndustryPanel(UkData data, IReadOnlyList<Region> regions, IReadOnlyList<int> years,
        IReadOnlyList<(Sector Sector, IReadOnlyList<GvaIndustry> Industries)> groups)
    {
        var jobs = data.BuildEmploymentPanel(regions, SectorLevel.Division, years);
        var current = data.BuildGvaPanel(regions, chainedVolume: false, years);
        var volume = data.BuildGvaPanel(regions, chainedVolume: true, years);
        int R = regions.Count, S = groups.Count, T = years.Count, n = R * S * T;

        var industryGroup = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int k = 0; k < S; k++)
            foreach (var g in groups[k].Industries) industryGroup[g.Code] = k;
        var divisionGroup = new int[jobs.S];
        for (int d = 0; d < jobs.S; d++)
            divisionGroup[d] = data.GvaIndustryOf(jobs.Sectors[d].Code) is { } g && industryGroup.TryGetValue(g.Code, out var k) ? k : -1;

        var measures = new List<PanelMeasure>();
        foreach (var gva in new[] { current, volume })
        {
            var pm = gva.Measures.Single();
            double[] v = new double[n], lo = new double[n], hi = new double[n];
            for (int t = 0; t < T; t++)
                for (int r = 0; r < R; r++)
                    for (int k = 0; k < S; k++)
                    {
                        int i = (t * R + r) * S + k;
                        foreach (var g in groups[k].Industries)
                        {
                            int j = gva.Index(r, gva.SectorIndex(g.Code), t);
                            v[i] += pm.Value[j]; lo[i] += pm.Lower[j]; hi[i] += pm.Upper[j];
                        }
                    }
            measures.Add(new PanelMeasure(pm.Measure, pm.Provenance, pm.Source + (S == gva.S ? "" : "; summed over the GVA industries of each sector"), v, lo, hi));
        }

        {
            var pm = jobs[Measure.Employment];
            double[] v = new double[n], lo = new double[n], hi = new double[n];
            bool[] known = new bool[n], unknown = new bool[n];
            for (int t = 0; t < T; t++)
                for (int r = 0; r < R; r++)
                    for (int d = 0; d < jobs.S; d++)
                    {
                        if (divisionGroup[d] < 0) continue;
                        int i = (t * R + r) * S + divisionGroup[d], j = jobs.Index(r, d, t);
                        if (double.IsNaN(pm.Value[j])) { unknown[i] = true; continue; }
                        known[i] = true;
                        v[i] += pm.Value[j]; lo[i] += pm.Lower[j]; hi[i] += pm.Upper[j];
                    }
            for (int i = 0; i < n; i++)
            {
                if (!known[i]) v[i] = lo[i] = hi[i] = double.NaN;
                else if (unknown[i]) hi[i] = double.PositiveInfinity;
            }
            measures.Add(new PanelMeasure(Measure.Employment, pm.Provenance, pm.Source + "; regrouped from divisions onto ONS GVA industries", v, lo, hi));
        }
        return new Panel(regions, groups.Select(g => g.Sector).ToList(), years, measures);
    }

    /// <summary>
    /// The main table with, per region after its own rows, the productivity_relative and real_gva_growth rows of
    /// each sector taken from its group's row in <paramref name="prod"/>, then the groups' region row ("*").
    /// Keeps the suite's order: region, indicator, sector.
    /// </summary>
    private static IndicatorTable Merge(IndicatorTable main, IndicatorTable prod, IReadOnlyList<Region> regions, IReadOnlyList<Sector> sectors,
        IReadOnlyList<(Sector Sector, IReadOnlyList<GvaIndustry> Industries)> groups, int[] groupOf, int year)
    {
        var prodRow = new Dictionary<(string, string, string), int>();
        for (int i = 0; i < prod.RowCount; i++)
            if (prod.Indicator[i] is IndicatorIds.ProductivityRelative or IndicatorIds.RealGvaGrowth)
                prodRow[(prod.Region[i], prod.Sector[i], prod.Indicator[i])] = i;

        var table = new IndicatorTable();
        foreach (var region in regions)
        {
            for (int i = 0; i < main.RowCount; i++)
                if (main.Region[i] == region.Id) Copy(main, i, table, main.Sector[i]);
            foreach (var id in new[] { IndicatorIds.ProductivityRelative, IndicatorIds.RealGvaGrowth })
            {
                for (int s = 0; s < sectors.Count; s++)
                {
                    if (groupOf[s] >= 0 && prodRow.TryGetValue((region.Id, groups[groupOf[s]].Sector.Code, id), out var i))
                        Copy(prod, i, table, sectors[s].Code);
                    else
                        table.Add(region.Id, sectors[s].Code, year, id, double.NaN, UndefinedReason.UnknownInput);
                }
                Copy(prod, prodRow[(region.Id, IndicatorIds.AllSectors, id)], table, IndicatorIds.AllSectors);
            }
        }
        return table;
    }

    private static void Copy(IndicatorTable from, int i, IndicatorTable to, string sector) =>
        to.Add(from.Region[i], sector, from.Year[i], from.Indicator[i], from.Value[i], from.Reason[i], from.Lower[i], from.Upper[i],
            from.Firms[i], from.Reliable[i]);
}
