using System.Collections.Immutable;
using CompeteModel.Engine.Catalogue;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Engine.Ingest.Uk;

/// <summary>
/// The shipped UK data (<c>datasets/uk/</c>): geography, SIC 2007 with class names, BRES employment
/// (subclass and division files, read on first use), ONS regional GVA (ITL2 and ITL3, current prices
/// and chained volume, read on first use), and builders of region × sector × year panels from them.
/// </summary>
public sealed class UkData
{
    private readonly DataCatalogue _catalogue;
    private readonly Lazy<GvaTable> _gvaCurrentItl2, _gvaCvmItl2, _gvaCurrentItl3, _gvaCvmItl3;
    private readonly Lazy<TradeClassification> _tradeClasses;
    private readonly Lazy<PostcodeLookup> _postcodes;

    private UkData(DataCatalogue catalogue, GeographyModel geography, SicHierarchy sic, LadSuccessors successors, BresTable? userBres)
    {
        _catalogue = catalogue;
        Geography = geography;
        Sic = sic;
        Successors = successors;
        UserBres = userBres;
        _gvaCurrentItl2 = new(() => Gva(DataCatalogue.Ids.GvaCurrentItl2, GvaPriceBasis.CurrentPrices));
        _gvaCvmItl2 = new(() => Gva(DataCatalogue.Ids.GvaCvmItl2, GvaPriceBasis.ChainedVolume));
        _gvaCurrentItl3 = new(() => Gva(DataCatalogue.Ids.GvaCurrentItl3, GvaPriceBasis.CurrentPrices));
        _gvaCvmItl3 = new(() => Gva(DataCatalogue.Ids.GvaCvmItl3, GvaPriceBasis.ChainedVolume));
        _tradeClasses = new(() => catalogue.Load(DataCatalogue.Ids.TradeClasses, "trade|" + catalogue.PathOf(DataCatalogue.Ids.SicHierarchy), p => TradeClassification.Load(p, Sic)));
        _postcodes = new(() => catalogue.Load(DataCatalogue.Ids.PostcodeRanges, "postcodes|" + catalogue.PathOf(DataCatalogue.Ids.Geography), p => PostcodeLookup.Read(p, Geography)));
    }

    /// <summary>The file of the traded/local classification of SIC 2007 (the catalogue's <c>traded-local-sic2007</c>).</summary>
    public string TradeClassificationPath => _catalogue.PathOf(DataCatalogue.Ids.TradeClasses);

    /// <summary>The postcode → district lookup (ONS Postcode Directory ranges, read on first use).</summary>
    public PostcodeLookup Postcodes => _postcodes.Value;

    /// <summary>The shipped traded/local classification of SIC 2007 (read on first use).</summary>
    public TradeClassification TradeClasses => _tradeClasses.Value;

    /// <summary>
    /// Opens the UK data in <paramref name="datasetsDir"/> (the <c>datasets/</c> folder holding <c>uk/</c>,
    /// or the <c>uk/</c> folder itself). Geography and SIC are read now; BRES and GVA on first use.
    /// </summary>
    public static UkData Load(string datasetsDir) => Load(DataCatalogue.Open(datasetsDir));

    /// <summary>
    /// The UK data as <paramref name="catalogue"/> serves them, with the user's BRES download (<c>--bres FILE</c>, read
    /// now) first in line for employment: regions it describes are built from it, others from the shipped BRES.
    /// Every file is read once per process (<see cref="DataCatalogue.Load{T}"/>).
    /// </summary>
    public static UkData Load(DataCatalogue catalogue, string? bresFile = null, BresReadOptions? bresOptions = null)
    {
        // The three files do not depend on each other: SIC and the successor table are read beside the geography. Errors
        // surface in a fixed order (geography, SIC, successors), the order in which the results are taken.
        var namesPath = catalogue.Exists(DataCatalogue.Ids.SicClassNames) ? catalogue.PathOf(DataCatalogue.Ids.SicClassNames) : null;
        var sicRead = Task.Run(() => catalogue.Load(DataCatalogue.Ids.SicHierarchy, "sic|" + namesPath, p => SicReader.Read(p, namesPath)));
        var successorsRead = Task.Run(() => catalogue.Exists(DataCatalogue.Ids.LadSuccessors)
            ? catalogue.Load(DataCatalogue.Ids.LadSuccessors, "successors", LadSuccessors.Read)
            : LadSuccessors.None);
        var geo = catalogue.Load(DataCatalogue.Ids.Geography, "geography", GeographyReader.Read);
        var sic = sicRead.GetAwaiter().GetResult();
        var successors = successorsRead.GetAwaiter().GetResult();
        var options = bresOptions ?? BresReadOptions.Default;
        var user = bresFile is null ? null
            : DataCatalogue.LoadFile(bresFile, "bres|" + options.Key + "|" + catalogue.PathOf(DataCatalogue.Ids.Geography),
                p => BresReader.Read(p, geo, sic, options, successors));
        return new UkData(catalogue, geo, sic, successors, user);
    }

    /// <summary>
    /// Reads the tables a region's model run rests on (the primary BRES table, both ITL2 GVA tables, the traded/local
    /// classes) side by side on the thread pool, so that the two gzip files are decompressed and parsed at once rather
    /// than in turn. A warm-up only: every table is still read once per process (<see cref="DataCatalogue.Load{T}"/>),
    /// and a table that fails to read is left for the step that needs it to report, exactly as without the warm-up.
    /// </summary>
    public void Preload()
    {
        Action[] reads = [() => _ = PrimaryBres, () => _ = GvaItl2(false), () => _ = GvaItl2(true), () => _ = TradeClasses];
        Parallel.ForEach(reads, read =>
        {
            try { read(); }
            catch (InputException) { } // reported, with file, line and field, by the step that reads the table
        });
    }

    /// <summary>The catalogue the data come from.</summary>
    public DataCatalogue Catalogue => _catalogue;

    /// <summary>The <c>uk/</c> folder of the shipped files.</summary>
    public string DataDirectory => Path.GetDirectoryName(_catalogue.PathOf(DataCatalogue.Ids.Geography))!;

    /// <summary>The <c>datasets/</c> folder that holds <see cref="DataDirectory"/> (specs, micro data, taxonomy live beside it).</summary>
    public string DatasetsDirectory => _catalogue.DatasetsDirectory;

    public GeographyModel Geography { get; }
    public SicHierarchy Sic { get; }

    /// <summary>Older district codes and their successors, for district downloads of any vintage.</summary>
    public LadSuccessors Successors { get; }

    /// <summary>The user's BRES download (<c>--bres FILE</c>), or null.</summary>
    public BresTable? UserBres { get; }

    /// <summary>BRES employment by ITL2 × SIC subclass, 2015–2021, as shipped (read on first use).</summary>
    public BresTable BresSubclasses => Bres(DataCatalogue.Ids.BresSubclasses);

    /// <summary>BRES employment by ITL2 × SIC division, 2015–2021, as published at that level (read on first use).</summary>
    public BresTable BresDivisions => Bres(DataCatalogue.Ids.BresDivisions);

    /// <summary>The BRES table a run rests on: the user's download when given, else the shipped subclass file.</summary>
    public BresTable PrimaryBres => UserBres ?? BresSubclasses;

    /// <summary>The years of <see cref="PrimaryBres"/>: a run's default period and the years it may ask for.</summary>
    public IReadOnlyList<int> BresYears => PrimaryBres.Years;

    /// <summary>The BRES tables employment is built from, in order: the user's download, then the shipped subclass file.</summary>
    /// The shipped file is read only when it is reached.
    public IEnumerable<BresTable> EmploymentTables
    {
        get
        {
            if (UserBres is not null) yield return UserBres;
            yield return BresSubclasses;
        }
    }

    /// <summary>ONS regional GVA, ITL2 (read on first use).</summary>
    public GvaTable GvaItl2(bool chainedVolume) => chainedVolume ? _gvaCvmItl2.Value : _gvaCurrentItl2.Value;

    /// <summary>ONS regional GVA, ITL3 (read on first use); coarser industries than ITL2.</summary>
    public GvaTable GvaItl3(bool chainedVolume) => chainedVolume ? _gvaCvmItl3.Value : _gvaCurrentItl3.Value;

    private BresTable Bres(string id) =>
        _catalogue.Load(id, "bres|" + BresReadOptions.Default.Key + "|" + _catalogue.PathOf(DataCatalogue.Ids.Geography),
            p => BresReader.Read(p, Geography, Sic, BresReadOptions.Default, Successors));

    private GvaTable Gva(string id, GvaPriceBasis basis) =>
        _catalogue.Load(id, "gva|" + basis + "|" + _catalogue.PathOf(DataCatalogue.Ids.SicHierarchy), p => GvaReader.Read(p, Sic, basis));

    /// <summary>
    /// The areas of the first employment table (<see cref="EmploymentTables"/>) that describe <paramref name="region"/>
    /// exactly in every one of <paramref name="years"/> at <paramref name="level"/> (<see cref="BresCoverage"/>), or null
    /// with the reasons of every table.
    /// </summary>
    public BresComposition? TryCompose(Region region, SectorLevel level, IReadOnlyList<int> years, out string reason)
    {
        var reasons = new List<string>();
        foreach (var t in EmploymentTables)
        {
            string name = Path.GetFileName(t.Source);
            if (t.SourceLevelFor(level) is null)
            {
                reasons.Add($"{name}: holds SIC {string.Join("/", t.Levels.Select(l => l.ToString().ToLowerInvariant()))} codes only, coarser than {level.ToString().ToLowerInvariant()}");
                continue;
            }
            var missingYears = years.Where(y => !t.Years.Contains(y)).ToList();
            if (missingYears.Count > 0)
            {
                reasons.Add($"{name}: has no {string.Join(", ", missingYears)} (years {string.Join(", ", t.Years)})");
                continue;
            }
            var c = BresCoverage.Compose(t, region, Geography, Successors, years, out var why);
            if (c is not null) { reason = ""; return c; }
            reasons.Add($"{name}: {why}");
        }
        reason = string.Join("; ", reasons);
        return null;
    }

    /// <summary>True when the employment tables describe <paramref name="region"/> exactly in every year of <see cref="BresYears"/>.</summary>
    public bool DescribesExactly(Region region, SectorLevel level = SectorLevel.Division) => TryCompose(region, level, BresYears, out _) is not null;

    /// <summary>
    /// What an analyst can download to describe <paramref name="region"/> exactly: BRES by its districts from NOMIS, passed
    /// with <c>--bres FILE</c>.
    /// </summary>
    public string DistrictDownloadHint(Region region)
    {
        var members = new HashSet<string>(region.LadCodes, StringComparer.OrdinalIgnoreCase);
        var names = region.LadCodes.Where(c => Successors.SuccessorOf(c) is not { } next || !members.Contains(next))
            .Select(c => Geography.TryGetLad(c, out var l) ? l.Name : c).Distinct().ToList();
        return $"{region.Name} is made of {names.Count} districts ({string.Join(", ", names.Take(8))}{(names.Count > 8 ? ", ..." : "")}); download BRES employment for " +
               "them from NOMIS (Business Register and Employment Survey, open access; geography \"local authorities: district / unitary\", any vintage; " +
               "Great Britain as well; any SIC level) and pass it with --bres FILE";
    }

    /// <summary>The ITL3 areas of the GVA tables as regions (they carry no district membership here).</summary>
    public IReadOnlyList<Region> Itl3Regions => GvaItl3(false).Regions
        .Select(r => new Region(r.Code, r.Code, r.Name, RegionKind.Itl3, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty))
        .ToList();

    /// <summary>
    /// The finest ITL2 GVA industry holding a SIC division ("29" → "29", "19" → "CD-CF (19-21)"), so that
    /// BRES employment can be put onto GVA industries for productivity; null for division 99, which
    /// regional accounts do not cover. Imputed rental ("68IMP") holds no division: division 68 maps to
    /// "68", real estate excluding imputed rental, the GVA that has employment behind it.
    /// </summary>
    public GvaIndustry? GvaIndustryOf(string divisionCode, bool itl3 = false) =>
        (itl3 ? GvaItl3(false) : GvaItl2(false)).Industries.OfDivision(divisionCode);

    /// <summary>
    /// BRES employment (employees + working owners) for regions the employment tables describe exactly
    /// (<see cref="TryCompose"/>: the user's download first, then the shipped ITL2 file; a region's own row, its ITL2
    /// areas or its districts of any vintage), summed from the published cells at the table's finest level needed
    /// (<see cref="BresTable.SourceLevelFor"/>) to <paramref name="level"/>, with each bundle appended as one
    /// more sector. Lower/Upper sum the cells' rounding intervals (<see cref="BresRounding"/>, relaxed).
    /// <para>
    /// A sum with an unknown (empty, not published) part: Value is the sum of the known parts — the
    /// convention of the published totals ("blanks left out") — and so a lower estimate; Lower is the sum
    /// of the known parts' lower bounds, still a valid bound because counts are never negative; Upper is
    /// +∞ because nothing bounds the missing part. Upper = +∞ therefore marks such a cell. A cell all of
    /// whose parts are unknown stays unknown (NaN in Value, Lower and Upper). An unknown is never read as 0.
    /// </para>
    /// Throws an <see cref="InputException"/> for a region no table describes exactly (naming the district download
    /// that would), for Northern Ireland (not in BRES), and for a year that is not in the data.
    /// </summary>
    public Panel BuildEmploymentPanel(IReadOnlyList<Region> regions, SectorLevel level, IReadOnlyList<int>? years = null,
        IReadOnlyList<SectorBundle>? bundles = null)
    {
        if (regions.Count == 0) throw new InputException("no regions given", field: "--region");
        var yearList = CheckYears(years, BresYears, "BRES employment");
        CheckDistinct(regions);
        var compositions = new BresComposition[regions.Count];
        for (int r = 0; r < regions.Count; r++)
        {
            var reg = regions[r];
            if (reg.LadCodes.Length > 0 && reg.LadCodes.All(c => c.StartsWith('N')))
                throw new InputException($"region '{reg.Name}' ({reg.Code}) is in Northern Ireland, which BRES does not cover (BRES covers Great Britain)", field: "--region");
            compositions[r] = TryCompose(reg, level, yearList, out var why)
                ?? throw new InputException($"region '{reg.Name}' ({reg.Code}) is not described exactly by the BRES data ({why}). " +
                                            (UserBres is null && !reg.IsItl2Union ? DistrictDownloadHint(reg) : ""), field: "--region");
        }

        var levelSectors = Sic.SectorsAt(level);
        var sectors = new List<Sector>(levelSectors);
        var sectorIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int s = 0; s < levelSectors.Count; s++) sectorIndex[levelSectors[s].Code] = s;
        foreach (var b in bundles ?? Array.Empty<SectorBundle>())
        {
            if (sectors.Any(x => string.Equals(x.Code, b.Name, StringComparison.OrdinalIgnoreCase)))
                throw new InputException($"bundle '{b.Name}' has the same name as another sector; give it a distinct name", field: "bundle");
            sectors.Add(new Sector(b.Name, b.Name, null, IsBundle: true));
        }

        int R = regions.Count, S = sectors.Count, T = yearList.Count, n = R * S * T;
        double[] v = new double[n], lo = new double[n], hi = new double[n];
        var known = new bool[n];
        var unknown = new bool[n];
        var sources = new List<string>();
        foreach (var group in Enumerable.Range(0, R).GroupBy(r => compositions[r].Table))
        {
            var bres = group.Key;
            var sourceLevel = bres.SourceLevelFor(level)!.Value;
            if (bundles is { Count: > 0 } && sourceLevel != SectorLevel.Subclass)
                throw new InputException($"bundles are defined on SIC subclasses; {Path.GetFileName(bres.Source)} holds {sourceLevel.ToString().ToLowerInvariant()} codes", bres.Source, field: "bundle");
            // the file's code at the source level → the sector (and bundles) it adds to
            var toSector = new Dictionary<string, int>(StringComparer.Ordinal);
            var toBundles = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            foreach (var sub in Sic.Subclasses) toSector.TryAdd(sub.CodeAt(sourceLevel), sectorIndex[sub.CodeAt(level)]);
            int bundleSector = levelSectors.Count;
            foreach (var b in bundles ?? Array.Empty<SectorBundle>())
            {
                foreach (var i in b.SubclassIndices(Sic))
                {
                    var code = Sic.Subclasses[i].Code;
                    if (!toBundles.TryGetValue(code, out var list)) toBundles[code] = list = new List<int>();
                    list.Add(bundleSector);
                }
                bundleSector++;
            }
            var geoToRegions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            foreach (var r in group)
                foreach (var a in compositions[r].Areas)
                {
                    if (!geoToRegions.TryGetValue(a, out var list)) geoToRegions[a] = list = new List<int>();
                    list.Add(r);
                }
            // Codes and areas are resolved once per distinct value; the loop over the rows compares integers.
            var codeSector = new int[bres.Codes.Count];
            var codeBundles = new List<int>?[bres.Codes.Count];
            for (int c = 0; c < codeSector.Length; c++)
            {
                var code = bres.Codes[c];
                // only rows at the source level are summed: a file holding several levels is not counted twice
                codeSector[c] = SicHierarchy.LevelOf(code) == sourceLevel && toSector.TryGetValue(code, out var sector) ? sector : -1;
                codeBundles[c] = toBundles.GetValueOrDefault(code);
            }
            var areaRegions = new int[bres.Areas.Count][];
            for (int a = 0; a < areaRegions.Length; a++) areaRegions[a] = geoToRegions.TryGetValue(bres.Areas[a], out var regs) ? [.. regs] : [];
            int minYear = yearList.Min(), maxYear = yearList.Max();
            var yearAt = new int[maxYear - minYear + 1];
            Array.Fill(yearAt, -1);
            for (int t = 0; t < T; t++) yearAt[yearList[t] - minYear] = t;
            int[] rowYear = bres.Year, areaId = bres.AreaId, codeId = bres.CodeId;
            double[] value = bres.Value, lower = bres.Lower, upper = bres.Upper;
            for (int row = 0; row < bres.Count; row++)
            {
                int y = rowYear[row] - minYear;
                if ((uint)y >= (uint)yearAt.Length) continue;
                int t = yearAt[y];
                if (t < 0) continue;
                var regs = areaRegions[areaId[row]];
                if (regs.Length == 0) continue;
                int c = codeId[row], sector = codeSector[c];
                if (sector < 0) continue;
                double x = value[row], xl = lower[row], xu = upper[row];
                var bl = codeBundles[c];
                foreach (var r in regs)
                {
                    Accumulate((t * R + r) * S + sector);
                    if (bl is not null)
                        foreach (var s in bl) Accumulate((t * R + r) * S + s);
                }

                void Accumulate(int i)
                {
                    if (double.IsNaN(x)) { unknown[i] = true; return; }
                    known[i] = true;
                    v[i] += x;
                    lo[i] += xl;
                    hi[i] += xu;
                }
            }
            sources.Add($"{string.Join(", ", group.Select(r => regions[r].Id))}: {Path.GetFileName(bres.Source)} ({string.Join("; ", group.Select(r => compositions[r].Description).Distinct())}; " +
                        $"SIC {sourceLevel.ToString().ToLowerInvariant()} cells)");
        }
        for (int i = 0; i < n; i++)
        {
            if (!known[i]) v[i] = lo[i] = hi[i] = double.NaN;
            else if (unknown[i]) hi[i] = double.PositiveInfinity;
        }
        var source = $"ONS Business Register and Employment Survey (BRES), open access via NOMIS: employees and working owners, " +
                     $"summed to {level.ToString().ToLowerInvariant()}{(bundles is { Count: > 0 } ? " and bundles" : "")} from {string.Join(" | ", sources)}; published counts are rounded for disclosure control, " +
                     "lower/upper are the summed rounding intervals (relaxed rule); a sum with an unpublished part has upper = +infinity";
        var measure = new PanelMeasure(Measure.Employment, Provenance.PublishedStatistics, source, v, lo, hi);
        return new Panel(regions, sectors, yearList, new[] { measure });
    }

    /// <summary>
    /// ONS regional GVA (balanced, £ million) at the GVA industries that partition the economy
    /// (<see cref="GvaIndustries.Partition"/>), for regions that are unions of ITL2 areas and for ITL3
    /// areas (<see cref="Itl3Regions"/>). With any ITL3 region the coarser ITL3 partition is used for all
    /// regions, and ITL2 values are summed into it. Lower/Upper = value ∓ 0.5 per published cell summed
    /// (values are published rounded to £1m). A sum with an unknown part is unknown: GVA can be negative,
    /// so known parts bound nothing. Chained-volume values are not additive: sums over areas or industries
    /// are exact only in the reference year 2019, an approximation in other years (said in the Source).
    /// </summary>
    public Panel BuildGvaPanel(IReadOnlyList<Region> regions, bool chainedVolume, IReadOnlyList<int>? years = null)
    {
        if (regions.Count == 0) throw new InputException("no regions given", field: "--region");
        CheckDistinct(regions);
        bool anyItl3 = regions.Any(r => r.Kind == RegionKind.Itl3);
        var itl2 = GvaItl2(chainedVolume);
        var itl3 = anyItl3 ? GvaItl3(chainedVolume) : null;
        var partition = (itl3 ?? itl2).Industries.Partition;
        var yearList = CheckYears(years, itl2.Years, "ONS regional GVA");

        // For each region, the (table, area code) pairs summed into it.
        var parts = new List<(GvaTable Table, string Code)>[regions.Count];
        for (int r = 0; r < regions.Count; r++)
        {
            var reg = regions[r];
            if (reg.Kind == RegionKind.Itl3)
            {
                if (!itl3!.HasRegion(reg.Code)) throw new InputException($"ITL3 area '{reg.Code}' is not in the ONS regional GVA tables", field: "--region");
                parts[r] = new() { (itl3, reg.Code) };
            }
            else if (reg.IsItl2Union)
            {
                var missing = reg.Itl2Codes.FirstOrDefault(c => !itl2.HasRegion(c));
                if (missing is not null) throw new InputException($"region '{reg.Name}' includes ITL2 area {missing}, which is not in the ONS regional GVA tables", field: "--region");
                parts[r] = reg.Itl2Codes.Select(c => (itl2, c)).ToList();
            }
            else
                throw new InputException($"region '{reg.Name}' ({reg.Code}): ONS regional GVA is published for ITL2 and ITL3 areas; this region is neither an ITL3 area nor a union of whole ITL2 areas", field: "--region");
        }

        // Each partition industry as the ITL2 rows to sum (itself, or for the ITL3 partition its ITL2 parts).
        var itl2Rows = new IReadOnlyList<GvaIndustry>[partition.Count];
        for (int s = 0; s < partition.Count; s++)
        {
            if (itl3 is null) { itl2Rows[s] = new[] { partition[s] }; continue; }
            var units = partition[s].Units.ToHashSet(StringComparer.Ordinal);
            var inside = itl2.Industries.Partition.Where(p => p.Units.All(units.Contains)).ToList();
            if (inside.Sum(p => p.UnitCount) != units.Count)
                throw new InputException($"ITL3 industry '{partition[s].Code}' is not a union of ITL2 industries, so ITL2 values cannot be put onto it", itl2.Source, field: "SIC07 code");
            itl2Rows[s] = inside;
        }

        var ownRows = partition.Select(p => (IReadOnlyList<GvaIndustry>)new[] { p }).ToArray();
        var sectors = partition.Select(SectorOf).ToList();
        int R = regions.Count, S = sectors.Count, T = yearList.Count, n = R * S * T;
        double[] v = new double[n], lo = new double[n], hi = new double[n];
        for (int t = 0; t < T; t++)
            for (int r = 0; r < R; r++)
                for (int s = 0; s < S; s++)
                {
                    double sum = 0;
                    int count = 0;
                    foreach (var (table, code) in parts[r])
                    {
                        if (!table.HasYear(yearList[t])) { sum = double.NaN; break; }
                        foreach (var ind in ReferenceEquals(table, itl2) ? itl2Rows[s] : ownRows[s])
                        {
                            sum += table.Value(code, ind.Code, yearList[t]);
                            count++;
                        }
                    }
                    int i = (t * R + r) * S + s;
                    v[i] = sum;
                    lo[i] = sum - 0.5 * count;
                    hi[i] = sum + 0.5 * count;
                }
        var basis = chainedVolume
            ? "chained volume measures, £ million of 2019 (not additive: sums over areas or industries are exact only in 2019)"
            : "current prices, £ million";
        var source = $"ONS regional gross value added (balanced) by industry, {(itl3 is null ? "ITL2" : "ITL3 industries")}, {basis}; " +
                     "published rounded to £1m, lower/upper = value ∓ £0.5m per published cell summed";
        var measure = new PanelMeasure(chainedVolume ? Measure.GvaChainedVolume : Measure.GvaCurrent, Provenance.PublishedStatistics, source, v, lo, hi);
        return new Panel(regions, sectors, yearList, new[] { measure });
    }

    /// <summary>A GVA industry as a panel sector: a SIC section or division where the row is exactly one, else no level.</summary>
    private Sector SectorOf(GvaIndustry g)
    {
        SectorLevel? level = null;
        if (g.Divisions.Length == 1 && !g.IncludesImputedRental && g.Code.All(char.IsAsciiDigit)) level = SectorLevel.Division;
        else if (g.Code.Length > 1 && char.IsAsciiLetterUpper(g.Code[0]) && g.Code[1] == ' ')
        {
            var sectionDivisions = Sic.Subclasses.Where(x => x.Section == g.Code[..1]).Select(x => x.DivisionCode).Distinct().Order(StringComparer.Ordinal);
            if (sectionDivisions.SequenceEqual(g.Divisions)) level = SectorLevel.Section;
        }
        return new Sector(g.Code, g.Name, level);
    }

    private static IReadOnlyList<int> CheckYears(IReadOnlyList<int>? years, IReadOnlyList<int> available, string what)
    {
        if (years is null || years.Count == 0) return available.Order().ToList();
        foreach (var y in years)
            if (!available.Contains(y))
                throw new InputException($"year {y} is not in {what} (years {available.Min()}–{available.Max()})", field: "--year");
        if (years.Distinct().Count() != years.Count) throw new InputException("a year is given twice", field: "--year");
        return years.ToList();
    }

    private static void CheckDistinct(IReadOnlyList<Region> regions)
    {
        var dup = regions.GroupBy(r => r.Id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new InputException($"region '{dup.Key}' is given twice", field: "--region");
    }
}
