using System.Collections.Concurrent;
using CompeteModel.Engine.Errors;

namespace CompeteModel.Engine.Catalogue;

/// <summary>
/// Every dataset the model reads, in one place: id, path under <c>datasets/</c>, kind, geography, years, vintage and
/// licence (<see cref="Shipped"/>). A catalogue is the shipped list opened on one <c>datasets/</c> folder with the
/// user's files laid over it (<c>--bres FILE</c>, <c>--catalogue FILE</c>); every reader asks it for a path
/// (<see cref="PathOf"/>) or a loaded value (<see cref="Load{T}"/>), which is read once per process and shared by
/// every command, run and helper that asks for the same file with the same reader. No other file of the engine or
/// the command line names a dataset file.
/// </summary>
public sealed class DataCatalogue
{
    /// <summary>The ids of the shipped datasets (the keys of <see cref="Shipped"/>).</summary>
    public static class Ids
    {
        public const string Geography = "geography";
        public const string LadSuccessors = "lad-successors";
        public const string SicHierarchy = "sic-hierarchy";
        public const string SicClassNames = "sic-class-names";
        public const string SicDivisions = "sic-divisions";
        public const string TradeClasses = "traded-local-sic2007";
        public const string BresSubclasses = "bres-itl2-sic5";
        public const string BresDivisions = "bres-itl2-sic2";
        public const string Idbr = "idbr-gb-sic5";
        public const string GvaCurrentItl2 = "gva-current-itl2";
        public const string GvaCvmItl2 = "gva-cvm-itl2";
        public const string GvaCurrentItl3 = "gva-current-itl3";
        public const string GvaCvmItl3 = "gva-cvm-itl3";
        public const string ContractsSample = "contracts-finder-sample";
        public const string CpvConcordance = "cpv-sic-concordance";
        public const string BuyerAliases = "buyer-aliases";
        public const string RetrofitLexicon = "retrofit-lexicon";
        public const string BuyerTypeRules = "buyer-type-rules";
        public const string Taxonomy = "technology-taxonomy";
        public const string PostcodeRanges = "postcode-ranges-lad";
        public const string MicroWmca = "micro-wmca";
        public const string InnovateUkFunding = "innovate-uk-funding-nuts2";
        public const string UkriFunding = "ukri-funding-nuts2";
        public const string Berd = "berd-nuts2";
        public const string Eu28Employment = "eu28-employment";
        public const string WorldTrade = "world-trade";
        public const string SpecCityRegion = "spec-city-region";
        public const string SpecNational = "spec-national";
    }

    private const string Ogl = "Open Government Licence v3.0";
    private const string OnsOgl = "ONS, " + Ogl;

    /// <summary>The shipped datasets. Their READMEs (datasets/*/README.md) say the same with the source's own words.</summary>
    public static IReadOnlyList<DatasetInfo> Shipped { get; } =
    [
        new(Ids.Geography, "uk/geography_lad_itl_cityregion.csv", DatasetKind.Geography, "local authority districts (2021 codes + 2023 successors) → ITL2 → ITL1, city regions", "—",
            "ONS LAD→ITL lookups and combined-authority lookups, 2021 districts with the April 2023 unitaries", OnsOgl, "district → ITL2 → ITL1 → city-region lookup"),
        new(Ids.LadSuccessors, "uk/lad_successors.csv", DatasetKind.Geography, "local authority districts", "2013–2023",
            "ONS district code changes 2013–2023 (Code History Database)", OnsOgl, "older district codes → their successor district"),
        new(Ids.SicHierarchy, "uk/sic2007_hierarchy.csv", DatasetKind.Classification, "—", "—", "UK SIC 2007 as NOMIS prints it", OnsOgl, "SIC 2007 subclass → group → division → section with names"),
        new(Ids.SicClassNames, "uk/sic2007_class_names.csv", DatasetKind.Classification, "—", "—", "NACE Rev. 2 class titles (Eurostat)", "© European Union, reuse with acknowledgement; ONS " + Ogl, "names of the SIC 2007 classes split into subclasses"),
        new(Ids.SicDivisions, "uk/sic2007_divisions_sections.csv", DatasetKind.Classification, "—", "—", "UK SIC 2007", OnsOgl, "SIC 2007 division → section"),
        new(Ids.TradeClasses, "sectors/traded_local_sic2007.csv", DatasetKind.Classification, "—", "—",
            "CompeteModel's traded/local/mixed classes after Delgado, Porter and Stern (2016)", "CompeteModel (Apache-2.0)", "traded/local class of every SIC 2007 division, with overrides"),
        new(Ids.BresSubclasses, "uk/bres_itl2_sic5_employment_2015_2021.csv.gz", DatasetKind.Employment, "ITL2 (NUTS 2016 codes), Great Britain", "2015–2021",
            "BRES open access, NOMIS download with 2021 the latest year", OnsOgl, "BRES employment by ITL2 × SIC subclass"),
        new(Ids.BresDivisions, "uk/bres_itl2_sic2_employment_2015_2021.csv.gz", DatasetKind.Employment, "ITL2 (NUTS 2016 codes), Great Britain", "2015–2021",
            "BRES open access, NOMIS download with 2021 the latest year", OnsOgl, "BRES employment by ITL2 × SIC division"),
        new(Ids.Idbr, "uk/idbr_gb_enterprises_sic5_sizeband_2016_2021.csv.gz", DatasetKind.BusinessCounts, "Great Britain", "2016–2022",
            "UK Business Counts (IDBR), NOMIS download with 2022 the latest year", OnsOgl, "enterprises by SIC subclass × employment size band"),
        new(Ids.GvaCurrentItl2, "uk/ons_gva_current_itl2.csv.gz", DatasetKind.Gva, "ITL2", "1998–2021",
            "ONS regional GVA (balanced) by industry, release with 2021 the latest year", OnsOgl, "GVA at current prices, £ million"),
        new(Ids.GvaCvmItl2, "uk/ons_gva_cvm_itl2.csv.gz", DatasetKind.Gva, "ITL2", "1998–2021",
            "ONS regional GVA (balanced) by industry, release with 2021 the latest year", OnsOgl, "GVA in chained volume, £ million of 2019"),
        new(Ids.GvaCurrentItl3, "uk/ons_gva_current_itl3.csv.gz", DatasetKind.Gva, "ITL3", "1998–2021",
            "ONS regional GVA (balanced) by industry, release with 2021 the latest year", OnsOgl, "GVA at current prices, £ million"),
        new(Ids.GvaCvmItl3, "uk/ons_gva_cvm_itl3.csv.gz", DatasetKind.Gva, "ITL3", "1998–2021",
            "ONS regional GVA (balanced) by industry, release with 2021 the latest year", OnsOgl, "GVA in chained volume, £ million of 2019"),
        new(Ids.ContractsSample, "uk/contracts_finder_ocds_sample_2025.json.gz", DatasetKind.Procurement, "UK", "2025",
            "201 Contracts Finder notices published January–March 2025", "Crown copyright, " + Ogl, "public contract notices, OCDS 1.1"),
        new(Ids.PostcodeRanges, "uk/postcode_ranges_lad.csv.gz", DatasetKind.Geography, "postcodes → local authority districts (pre-April 2023 codes)", "—",
            "ONS Postcode Directory in range form, via mySociety's mini-postcode-lookup", OnsOgl + "; Royal Mail and Ordnance Survey data © Crown copyright and database right", "postcode → district lookup (ranges)"),
        new(Ids.CpvConcordance, "procurement/cpv_sic_concordance.csv", DatasetKind.Concordance, "—", "—", "project's own mapping", "CompeteModel", "CPV → SIC division concordance"),
        new(Ids.BuyerAliases, "procurement/buyer_aliases.csv", DatasetKind.Concordance, "local authority districts", "—", "project's own mapping", "CompeteModel", "buyer names → districts"),
        new(Ids.RetrofitLexicon, "procurement/retrofit_lexicon.yaml", DatasetKind.Taxonomy, "—", "—", "project's own lexicon, evaluated on the 2025 sample", "CompeteModel", "retrofit and low-carbon lexicon for contract notices"),
        new(Ids.BuyerTypeRules, "procurement/buyer_type_rules.csv", DatasetKind.Concordance, "—", "—", "project's own rules", "CompeteModel", "buyer type by identifier scheme and name"),
        new(Ids.Taxonomy, "technologies/taxonomy.yaml", DatasetKind.Taxonomy, "—", "—", "project's own classification", "CompeteModel", "enabling-technology taxonomy"),
        new(Ids.MicroWmca, "micro/wmca_firms_2015_2021.parquet", DatasetKind.FirmLevel, "ITL2 TLG3 (WMCA)", "2015–2021",
            "generated by CompeteModel (seed 20211), calibrated to BRES and UK Business Counts; not real firms", "CompeteModel", "generated firm-level data"),
        new(Ids.InnovateUkFunding, "innovation/gbp_innovate_uk_funding.nuts2.csv.gz", DatasetKind.Innovation, "NUTS 2 (2010–2016 codes)", "2010–2020",
            "Innovate UK funded projects of 1 August 2020, processed by Nesta beis-indicators (data of 21 August 2020)", "Innovate UK " + Ogl + "; Nesta processing MIT", "Innovate UK funding awarded to organisations in the area, £"),
        new(Ids.UkriFunding, "innovation/total_ukri_funding.nuts2.csv.gz", DatasetKind.Innovation, "NUTS 2 (2006–2016 codes)", "2006–2019",
            "UKRI Gateway to Research, processed by Nesta beis-indicators (data of 10 September 2020)", "UKRI " + Ogl + "; Nesta processing MIT", "UKRI research and innovation funding to lead organisations in the area, £"),
        new(Ids.Berd, "innovation/eurostat_berd_data.nuts2.csv.gz", DatasetKind.Innovation, "NUTS 2 (2006–2016 codes)", "2007–2018",
            "Eurostat rd_e_gerdreg, processed by Nesta beis-indicators", "© European Union, reuse with acknowledgement; Nesta processing MIT", "business enterprise R&D expenditure, €"),
        new(Ids.Eu28Employment, "reference/EU28.emp.csv", DatasetKind.Reference, "EU-28 countries", "2016", "Eurostat via R package REAT", "see reference/ATTRIBUTION.md", "EU-28 employment by NACE section"),
        new(Ids.WorldTrade, "reference/world_trade_avg_1998_to_2000.csv", DatasetKind.Reference, "countries", "1998–2000", "R package economiccomplexity", "Apache-2.0", "world trade by country × SITC4"),
        new(Ids.SpecCityRegion, "specs/city-region.yaml", DatasetKind.Spec, "—", "—", "shipped with this version", "CompeteModel", "city-region model spec"),
        new(Ids.SpecNational, "specs/national.yaml", DatasetKind.Spec, "—", "—", "shipped with this version", "CompeteModel", "national model spec"),
    ];

    private static readonly Dictionary<string, DatasetInfo> ById = Shipped.ToDictionary(d => d.Id, StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Lazy<object>> Loaded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _user;

    private DataCatalogue(string datasetsDirectory, Dictionary<string, string> user)
    {
        DatasetsDirectory = datasetsDirectory;
        _user = user;
    }

    /// <summary>
    /// The catalogue on <paramref name="datasetsDirectory"/> (the folder holding <c>uk/</c>, or <c>uk/</c> itself), with
    /// the user's files (dataset id → path) laid over the shipped ones. An id that is not in the catalogue, or a user
    /// file that does not exist, is an error.
    /// </summary>
    public static DataCatalogue Open(string datasetsDirectory, IReadOnlyDictionary<string, string>? userFiles = null)
    {
        var dir = Path.GetFullPath(datasetsDirectory);
        if (!Directory.Exists(Path.Combine(dir, "uk")) && string.Equals(Path.GetFileName(dir.TrimEnd(Path.DirectorySeparatorChar)), "uk", StringComparison.Ordinal))
            dir = Path.GetDirectoryName(dir.TrimEnd(Path.DirectorySeparatorChar))!;
        if (!File.Exists(Path.Combine(dir, ById[Ids.Geography].RelativePath)))
            throw new InputException($"not a datasets folder: {ById[Ids.Geography].RelativePath} not found in it", datasetsDirectory, field: "--data");
        var user = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, path) in userFiles ?? new Dictionary<string, string>())
        {
            if (!ById.ContainsKey(id))
                throw new InputException($"'{id}' is not a dataset of the catalogue; known: {string.Join(", ", ById.Keys)}", field: "id");
            if (!File.Exists(path)) throw new InputException("file not found", path, field: id);
            user[id] = Path.GetFullPath(path);
        }
        return new DataCatalogue(dir, user);
    }

    /// <summary>
    /// Reads a catalogue file: CSV with columns <c>id,path</c> (paths relative to the file's folder), naming user files
    /// that replace shipped datasets (GVA, business counts, geography, ...). Returns id → full path.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ReadOverrides(string file)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        using var csv = IO.CsvReader.Open(file);
        var h = csv.ReadHeader();
        int cId = h.Require("id"), cPath = h.Require("path");
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(file))!;
        while (csv.Read())
        {
            var f = csv.Fields;
            var id = f[cId].Trim();
            if (!ById.ContainsKey(id))
                throw new InputException($"'{id}' is not a dataset of the catalogue; known: {string.Join(", ", ById.Keys)}", file, csv.RecordLine, "id");
            if (!result.TryAdd(id, Path.GetFullPath(Path.Combine(baseDir, f[cPath].Trim()))))
                throw new InputException($"dataset '{id}' is listed twice", file, csv.RecordLine, "id");
        }
        return result;
    }

    /// <summary>The <c>datasets/</c> folder the shipped files are read from.</summary>
    public string DatasetsDirectory { get; }

    /// <summary>The same catalogue with more user files laid over it (later ones win).</summary>
    public DataCatalogue With(IReadOnlyDictionary<string, string> userFiles)
    {
        var merged = new Dictionary<string, string>(_user, StringComparer.Ordinal);
        foreach (var (k, v) in userFiles) merged[k] = v;
        return Open(DatasetsDirectory, merged);
    }

    public static DatasetInfo Info(string id) =>
        ById.TryGetValue(id, out var d) ? d : throw new ArgumentException($"unknown dataset id '{id}'", nameof(id));

    /// <summary>The file a run reads for <paramref name="id"/>: the user's when given, else the shipped one.</summary>
    public string PathOf(string id) => _user.TryGetValue(id, out var p) ? p : Path.Combine(DatasetsDirectory, Info(id).RelativePath);

    public bool IsUserFile(string id) => _user.ContainsKey(id);

    /// <summary>True when the file for <paramref name="id"/> exists (optional shipped files may be absent from a trimmed copy).</summary>
    public bool Exists(string id) => File.Exists(PathOf(id));

    /// <summary>Every dataset as this catalogue would serve it, in the shipped order.</summary>
    public IReadOnlyList<DataSource> Sources() =>
        Shipped.Select(d => new DataSource(d, PathOf(d.Id), IsUserFile(d.Id), Exists(d.Id))).ToList();

    /// <summary>The source of one dataset, for run.json and reports.</summary>
    public DataSource Source(string id) => new(Info(id), PathOf(id), IsUserFile(id), Exists(id));

    /// <summary>
    /// The dataset <paramref name="id"/> read by <paramref name="read"/>, once per process: the first call reads it, every
    /// later call with the same file (path, size and modification time) and the same <paramref name="readerKey"/> gets the
    /// same object. <paramref name="readerKey"/> names the reader and its options (e.g. the geography a BRES file was
    /// matched against), so different readings of one file never mix.
    /// </summary>
    public T Load<T>(string id, string readerKey, Func<string, T> read) where T : class => LoadFile(PathOf(id), readerKey, read);

    /// <summary><see cref="Load{T}"/> for a file the user names directly (e.g. <c>--bres FILE</c>).</summary>
    public static T LoadFile<T>(string path, string readerKey, Func<string, T> read) where T : class
    {
        var full = Path.GetFullPath(path);
        var info = new FileInfo(full);
        if (!info.Exists) throw new InputException("file not found", path);
        var key = string.Join("|", full, info.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
            info.LastWriteTimeUtc.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture), typeof(T).FullName, readerKey);
        var lazy = Loaded.GetOrAdd(key, _ => new Lazy<object>(() => read(full), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return (T)lazy.Value;
        }
        catch
        {
            Loaded.TryRemove(key, out _); // a failed read (a user's broken file) is not cached
            throw;
        }
    }

    /// <summary>A spec given as a file path or as the name of a shipped spec (<c>city-region</c>, <c>national</c>).</summary>
    public string SpecPath(string spec)
    {
        if (File.Exists(spec)) return Path.GetFullPath(spec);
        var specs = Shipped.Where(d => d.Kind == DatasetKind.Spec).ToList();
        var name = spec.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) ? spec[..^5] : spec;
        var match = specs.FirstOrDefault(d => string.Equals(Path.GetFileNameWithoutExtension(d.RelativePath), name, StringComparison.OrdinalIgnoreCase));
        if (match is not null && Exists(match.Id)) return PathOf(match.Id);
        var names = string.Join(", ", specs.Select(d => Path.GetFileNameWithoutExtension(d.RelativePath)));
        throw new InputException($"spec '{spec}' is neither a file nor a shipped spec ({names})", field: "--spec");
    }
}
