using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Sectors;
using CompeteModel.Engine.Technologies;

namespace CompeteModel.Engine.Procurement;

/// <summary>
/// The shipped reference files the procurement pipeline needs, found under a <c>datasets/</c> folder:
/// geography (<c>uk/geography_lad_itl_cityregion.csv</c>), SIC division names
/// (<c>uk/sic2007_divisions_sections.csv</c>), the CPV → SIC concordance and buyer aliases
/// the retrofit lexicon and buyer-type rules (<c>procurement/</c>), the postcode → district lookup (<c>uk/postcode_ranges_lad.csv.gz</c>), the technology taxonomy (<c>technologies/taxonomy.yaml</c>) and, on first
/// use, BRES employment by ITL2 × division (<c>uk/bres_itl2_sic2_employment_2015_2021.csv.gz</c>) and ONS
/// regional GVA at current prices (<c>uk/ons_gva_current_itl2.csv.gz</c>). Every dataset path of the procurement
/// pipeline is spelled here and nowhere else.
/// </summary>
public sealed class ProcurementData
{
    private readonly Lazy<BresTable> _bres;
    private readonly Lazy<SicHierarchy> _sic;
    private readonly Lazy<GvaTable> _gva;

    private ProcurementData(string datasets)
    {
        Datasets = datasets;
        Geography = GeographyReader.Read(Path.Combine(datasets, "uk", "geography_lad_itl_cityregion.csv"));
        DivisionNames = ReadDivisionNames(Path.Combine(datasets, "uk", "sic2007_divisions_sections.csv"));
        Concordance = CpvConcordance.Read(Path.Combine(datasets, "procurement", "cpv_sic_concordance.csv"), new HashSet<string>(DivisionNames.Keys, StringComparer.Ordinal));
        Postcodes = PostcodeLookup.Read(Path.Combine(datasets, "uk", "postcode_ranges_lad.csv.gz"), Geography);
        Locator = PartyLocator.Read(Geography, Path.Combine(datasets, "procurement", "buyer_aliases.csv"), Postcodes);
        Tagger = new TechnologyTagger(TechnologyTaxonomy.Load(Path.Combine(datasets, "technologies", "taxonomy.yaml")));
        RetrofitTagger = new TechnologyTagger(TechnologyTaxonomy.Load(Path.Combine(datasets, "procurement", "retrofit_lexicon.yaml")));
        BuyerTypes = BuyerTypeRules.Read(Path.Combine(datasets, "procurement", "buyer_type_rules.csv"));
        Classifier = new ProcurementClassifier(Concordance, Tagger, Locator, RetrofitTagger, BuyerTypes);
        TechnologyNames = Tagger.Taxonomy.Technologies.Concat(RetrofitTagger.Taxonomy.Technologies).ToDictionary(t => t.Id, t => t.Name, StringComparer.Ordinal);
        _sic = new Lazy<SicHierarchy>(() => SicReader.Read(Path.Combine(datasets, "uk", "sic2007_hierarchy.csv")));
        _bres = new Lazy<BresTable>(() => BresReader.Read(Path.Combine(datasets, "uk", "bres_itl2_sic2_employment_2015_2021.csv.gz"), Geography, _sic.Value));
        _gva = new Lazy<GvaTable>(() => GvaReader.Read(Path.Combine(datasets, "uk", "ons_gva_current_itl2.csv.gz"), _sic.Value, GvaPriceBasis.CurrentPrices));
    }

    public static ProcurementData Load(string datasets)
    {
        if (!Directory.Exists(datasets)) throw new InputException("datasets folder not found", datasets, field: "--data");
        return new ProcurementData(datasets);
    }

    public string Datasets { get; }

    /// <summary>The shipped sample of 201 Contracts Finder notices, the commands' default input.</summary>
    public string DefaultInput => Path.Combine(Datasets, "uk", "contracts_finder_ocds_sample_2025.json.gz");
    public GeographyModel Geography { get; }
    public IReadOnlyDictionary<string, string> DivisionNames { get; }
    public CpvConcordance Concordance { get; }
    public PostcodeLookup Postcodes { get; }
    public BuyerTypeRules BuyerTypes { get; }
    public PartyLocator Locator { get; }
    public TechnologyTagger Tagger { get; }

    /// <summary>The retrofit and low-carbon lexicon (<c>procurement/retrofit_lexicon.yaml</c>), applied beside the taxonomy.</summary>
    public TechnologyTagger RetrofitTagger { get; }

    /// <summary>Names of every tag a process can carry: the taxonomy's technologies, then the lexicon's tags.</summary>
    public IReadOnlyDictionary<string, string> TechnologyNames { get; }
    public ProcurementClassifier Classifier { get; }

    /// <summary>BRES employment by ITL2 × SIC division (read on first use).</summary>
    public BresTable DivisionEmployment => _bres.Value;

    /// <summary>Reads, compiles and classifies an input file or folder.</summary>
    public (CompiledProcesses Compiled, IReadOnlyList<ClassifiedProcess> Classified) Ingest(string input, ProcurementReadOptions? options = null)
    {
        var compiled = ProcessCompiler.Compile(OcdsReader.Read(input), options);
        return (compiled, Classifier.ClassifyAll(compiled.Processes));
    }

    public RegionalCapacity Capacity(Region region) => RegionalCapacity.FromBres(DivisionEmployment, region, DivisionNames);

    /// <summary>ONS regional GVA, current prices, ITL2 (read on first use), for jobs supported.</summary>
    public GvaTable Gva => _gva.Value;

    /// <summary>£ GVA per job by division for a capacity table's region and year (<see cref="GvaPerJob"/>).</summary>
    public IReadOnlyDictionary<string, (double GbpPerJob, string? GvaRow)> GvaPerJobOf(RegionalCapacity capacity) => GvaPerJob.Compute(Gva, capacity);

    private static Dictionary<string, string> ReadDivisionNames(string path)
    {
        using var csv = CsvReader.Open(path);
        var h = csv.ReadHeader();
        int c = h.Require("SIC_2DIGIT_CODE"), n = h.Require("SIC_2DIGIT_NAME");
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var code = csv.Fields[c].Trim();
            var name = csv.Fields[n].Trim();
            int colon = name.IndexOf(" : ", StringComparison.Ordinal);
            d[code] = colon >= 0 ? name[(colon + 3)..] : name;
        }
        return d;
    }
}
