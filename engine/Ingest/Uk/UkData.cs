using System.Collections.Immutable;
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
    /// <summary>BRES open-access counts are published for ITL2 areas and Great Britain only.</summary>
    private const string NeedsMicroData =
        "BRES open-access employment is published for whole ITL2 areas only, so a region that is not a union of ITL2 areas " +
        "(part of an ITL2 area, or a district that straddles two) needs firm-level (micro) data";

    private readonly string _dir;
    private readonly Lazy<BresTable> _bresSubclasses;
    private readonly Lazy<BresTable> _bresDivisions;
    private readonly Lazy<GvaTable> _gvaCurrentItl2, _gvaCvmItl2, _gvaCurrentItl3, _gvaCvmItl3;
    private readonly Lazy<TradeClassification> _tradeClasses;
    private readonly Lazy<PostcodeLookup> _postcodes;

    private UkData(string dir, GeographyModel geography, SicHierarchy sic)
    {
        _dir = dir;
        Geography = geography;
        Sic = sic;
        _bresSubclasses = new(() => BresReader.Read(PathOf("bres_itl2_sic5_employment_2015_2021.csv.gz"), Geography, Sic));
        _bresDivisions = new(() => BresReader.Read(PathOf("bres_itl2_sic2_employment_2015_2021.csv.gz"), Geography, Sic));
        _gvaCurrentItl2 = new(() => GvaReader.Read(PathOf("ons_gva_current_itl2.csv.gz"), Sic, GvaPriceBasis.CurrentPrices));
        _gvaCvmItl2 = new(() => GvaReader.Read(PathOf("ons_gva_cvm_itl2.csv.gz"), Sic, GvaPriceBasis.ChainedVolume));
        _gvaCurrentItl3 = new(() => GvaReader.Read(PathOf("ons_gva_current_itl3.csv.gz"), Sic, GvaPriceBasis.CurrentPrices));
        _gvaCvmItl3 = new(() => GvaReader.Read(PathOf("ons_gva_cvm_itl3.csv.gz"), Sic, GvaPriceBasis.ChainedVolume));
        _tradeClasses = new(() => TradeClassification.Load(TradeClassificationPath, Sic));
        _postcodes = new(() => PostcodeLookup.Read(PathOf("postcode_ranges_lad.csv.gz"), Geography));
    }

    /// <summary>The shipped traded/local classification of SIC 2007 (<c>datasets/sectors/traded_local_sic2007.csv</c>).</summary>
    public string TradeClassificationPath => Path.Combine(DatasetsDirectory, "sectors", "traded_local_sic2007.csv");

    /// <summary>The postcode → district lookup (ONS Postcode Directory ranges, read on first use).</summary>
    public PostcodeLookup Postcodes => _postcodes.Value;

    /// <summary>The shipped traded/local classification of SIC 2007 (read on first use).</summary>
    public TradeClassification TradeClasses => _tradeClasses.Value;

    /// <summary>
    /// Opens the UK data in <paramref name="datasetsDir"/> (the <c>datasets/</c> folder holding <c>uk/</c>,
    /// or the <c>uk/</c> folder itself). Geography and SIC are read now; BRES and GVA on first use.
    /// </summary>
    public static UkData Load(string datasetsDir)
    {
        var dir = Directory.Exists(Path.Combine(datasetsDir, "uk")) ? Path.Combine(datasetsDir, "uk") : datasetsDir;
        if (!File.Exists(Path.Combine(dir, "geography_lad_itl_cityregion.csv")))
            throw new InputException("not a datasets folder: geography_lad_itl_cityregion.csv not found in it or in its uk/ folder", datasetsDir, field: "--data");
        var geo = GeographyReader.Read(Path.Combine(dir, "geography_lad_itl_cityregion.csv"));
        var names = Path.Combine(dir, "sic2007_class_names.csv");
        var sic = SicReader.Read(Path.Combine(dir, "sic2007_hierarchy.csv"), File.Exists(names) ? names : null);
        return new UkData(dir, geo, sic);
    }

    /// <summary>The folder the files are read from.</summary>
    public string DataDirectory => _dir;

    /// <summary>The <c>datasets/</c> folder that holds <see cref="DataDirectory"/> (specs, micro data, taxonomy live beside it).</summary>
    public string DatasetsDirectory => Path.GetDirectoryName(Path.GetFullPath(_dir).TrimEnd(Path.DirectorySeparatorChar))!;

    public GeographyModel Geography { get; }
    public SicHierarchy Sic { get; }

    /// <summary>BRES employment by ITL2 × SIC subclass, 2015–2021 (read on first use).</summary>
    public BresTable BresSubclasses => _bresSubclasses.Value;

    /// <summary>BRES employment by ITL2 × SIC division, 2015–2021, as published at that level (read on first use).</summary>
    public BresTable BresDivisions => _bresDivisions.Value;

    /// <summary>ONS regional GVA, ITL2 (read on first use).</summary>
    public GvaTable GvaItl2(bool chainedVolume) => chainedVolume ? _gvaCvmItl2.Value : _gvaCurrentItl2.Value;

    /// <summary>ONS regional GVA, ITL3 (read on first use); coarser industries than ITL2.</summary>
    public GvaTable GvaItl3(bool chainedVolume) => chainedVolume ? _gvaCvmItl3.Value : _gvaCurrentItl3.Value;

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

    private string PathOf(string file) => Path.Combine(_dir, file);

    /// <summary>
    /// BRES employment (employees + working owners) for regions that are unions of ITL2 areas, summed
    /// from the published subclass cells to <paramref name="level"/>, with each bundle appended as one
    /// more sector. Lower/Upper sum the cells' rounding intervals (<see cref="BresRounding"/>, relaxed).
    /// <para>
    /// A sum with an unknown (empty, not published) part: Value is the sum of the known parts — the
    /// convention of the published totals ("blanks left out") — and so a lower estimate; Lower is the sum
    /// of the known parts' lower bounds, still a valid bound because counts are never negative; Upper is
    /// +∞ because nothing bounds the missing part. Upper = +∞ therefore marks such a cell. A cell all of
    /// whose parts are unknown stays unknown (NaN in Value, Lower and Upper). An unknown is never read as 0.
    /// </para>
    /// Throws an <see cref="InputException"/> for a region that is not an exact union of ITL2 areas
    /// (BRES is published at ITL2; such regions need micro data), for Northern Ireland (not in BRES), and
    /// for a year that is not in the data.
    /// </summary>
    public Panel BuildEmploymentPanel(IReadOnlyList<Region> regions, SectorLevel level, IReadOnlyList<int>? years = null,
        IReadOnlyList<SectorBundle>? bundles = null)
    {
        if (regions.Count == 0) throw new InputException("no regions given", field: "--region");
        var bres = BresSubclasses;
        var yearList = CheckYears(years, bres.Years, "BRES employment");
        var inBres = new HashSet<string>(bres.GeographyNames.Keys, StringComparer.Ordinal);
        var geoToRegions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        CheckDistinct(regions);
        for (int r = 0; r < regions.Count; r++)
        {
            var reg = regions[r];
            if (!reg.IsItl2Union)
                throw new InputException($"region '{reg.Name}' ({reg.Code}): {NeedsMicroData}", field: "--region");
            foreach (var c in reg.Itl2Codes)
            {
                if (!inBres.Contains(c))
                    throw new InputException($"region '{reg.Name}' ({reg.Code}) includes ITL2 area {c}, which BRES does not cover (BRES covers Great Britain; Northern Ireland is not in it)", field: "--region");
                if (!geoToRegions.TryGetValue(c, out var list)) geoToRegions[c] = list = new List<int>();
                list.Add(r);
            }
        }

        var levelSectors = Sic.SectorsAt(level);
        var sectors = new List<Sector>(levelSectors);
        var sectorIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int s = 0; s < levelSectors.Count; s++) sectorIndex[levelSectors[s].Code] = s;
        int nSub = Sic.Subclasses.Count;
        var subToSector = new int[nSub];
        for (int i = 0; i < nSub; i++) subToSector[i] = sectorIndex[Sic.Subclasses[i].CodeAt(level)];
        var subToBundles = new List<int>[nSub];
        foreach (var b in bundles ?? Array.Empty<SectorBundle>())
        {
            if (sectors.Any(x => string.Equals(x.Code, b.Name, StringComparison.OrdinalIgnoreCase)))
                throw new InputException($"bundle '{b.Name}' has the same name as another sector; give it a distinct name", field: "bundle");
            int s = sectors.Count;
            sectors.Add(new Sector(b.Name, b.Name, null, IsBundle: true));
            foreach (var i in b.SubclassIndices(Sic)) (subToBundles[i] ??= new List<int>()).Add(s);
        }

        int R = regions.Count, S = sectors.Count, T = yearList.Count, n = R * S * T;
        var yearIndex = new Dictionary<int, int>();
        for (int t = 0; t < T; t++) yearIndex[yearList[t]] = t;
        double[] v = new double[n], lo = new double[n], hi = new double[n];
        var known = new bool[n];
        var unknown = new bool[n];
        var subIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int row = 0; row < bres.Count; row++)
        {
            if (!yearIndex.TryGetValue(bres.Year[row], out var t)) continue;
            if (!geoToRegions.TryGetValue(bres.GeographyCode[row], out var regs)) continue;
            var code = bres.IndustryCode[row];
            if (!subIndex.TryGetValue(code, out var sub))
            {
                if (!Sic.TryGetSubclass(code, out sub)) sub = -1;
                subIndex[code] = sub;
            }
            if (sub < 0) continue; // the subclass file holds subclasses only; anything else is not summed twice
            double x = bres.Value[row], xl = bres.Lower[row], xu = bres.Upper[row];
            foreach (var r in regs)
            {
                Accumulate((t * R + r) * S + subToSector[sub]);
                if (subToBundles[sub] is { } bl)
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
        for (int i = 0; i < n; i++)
        {
            if (!known[i]) v[i] = lo[i] = hi[i] = double.NaN;
            else if (unknown[i]) hi[i] = double.PositiveInfinity;
        }
        var source = $"ONS Business Register and Employment Survey (BRES), open access via NOMIS: employees and working owners by ITL2 area and SIC 2007 subclass, " +
                     $"summed to {level.ToString().ToLowerInvariant()}{(bundles is { Count: > 0 } ? " and bundles" : "")}; published counts are rounded for disclosure control, " +
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
