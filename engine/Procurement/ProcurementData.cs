using CompeteModel.Engine.Catalogue;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Sectors;
using CompeteModel.Engine.Technologies;

namespace CompeteModel.Engine.Procurement;

/// <summary>
/// The shipped reference files the procurement pipeline needs, as the <see cref="DataCatalogue"/> serves them, beside the
/// loaded <see cref="UkData"/> (geography, postcodes, SIC, BRES and GVA are its, never read again): SIC division names, the CPV → SIC concordance, buyer aliases, the retrofit lexicon and buyer-type rules,
/// the postcode → district lookup, the technology taxonomy and, on first use, BRES employment by ITL2 × division and
/// ONS regional GVA at current prices.
/// </summary>
public sealed class ProcurementData
{
    private readonly Lazy<BresTable> _bres;
    private readonly Lazy<SicHierarchy> _sic;
    private readonly Lazy<GvaTable> _gva;

    private ProcurementData(UkData uk)
    {
        var catalogue = uk.Catalogue;
        Catalogue = catalogue;
        Datasets = catalogue.DatasetsDirectory;
        string P(string id) => catalogue.PathOf(id);
        Geography = uk.Geography;
        DivisionNames = ReadDivisionNames(P(DataCatalogue.Ids.SicDivisions));
        Concordance = CpvConcordance.Read(P(DataCatalogue.Ids.CpvConcordance), new HashSet<string>(DivisionNames.Keys, StringComparer.Ordinal));
        Postcodes = uk.Postcodes;
        Locator = PartyLocator.Read(Geography, P(DataCatalogue.Ids.BuyerAliases), Postcodes);
        Tagger = new TechnologyTagger(catalogue.Load(DataCatalogue.Ids.Taxonomy, "taxonomy", TechnologyTaxonomy.Load));
        RetrofitTagger = new TechnologyTagger(catalogue.Load(DataCatalogue.Ids.RetrofitLexicon, "taxonomy", TechnologyTaxonomy.Load));
        BuyerTypes = BuyerTypeRules.Read(P(DataCatalogue.Ids.BuyerTypeRules));
        Classifier = new ProcurementClassifier(Concordance, Tagger, Locator, RetrofitTagger, BuyerTypes);
        TechnologyNames = Tagger.Taxonomy.Technologies.Concat(RetrofitTagger.Taxonomy.Technologies).ToDictionary(t => t.Id, t => t.Name, StringComparer.Ordinal);
        _sic = new Lazy<SicHierarchy>(() => uk.Sic);
        _bres = new Lazy<BresTable>(() => uk.BresDivisions);
        _gva = new Lazy<GvaTable>(() => uk.GvaItl2(false));
    }

    public static ProcurementData Load(string datasets)
    {
        if (!Directory.Exists(datasets)) throw new InputException("datasets folder not found", datasets, field: "--data");
        return new ProcurementData(UkData.Load(DataCatalogue.Open(datasets)));
    }

    /// <summary>
    /// The procurement files beside UK data already loaded (geography, postcodes, SIC, BRES and GVA are taken from it, not
    /// read again); the procurement reference files come from the same catalogue.
    /// </summary>
    public static ProcurementData From(UkData uk) => new(uk);

    /// <summary>The catalogue the reference files come from.</summary>
    public DataCatalogue Catalogue { get; }

    public string Datasets { get; }

    /// <summary>The shipped sample of 201 Contracts Finder notices, the commands' default input.</summary>
    public string DefaultInput => Catalogue.PathOf(DataCatalogue.Ids.ContractsSample);
    public GeographyModel Geography { get; }
    public IReadOnlyDictionary<string, string> DivisionNames { get; }
    public CpvConcordance Concordance { get; }
    public PostcodeLookup Postcodes { get; }
    public BuyerTypeRules BuyerTypes { get; }
    public PartyLocator Locator { get; }
    public TechnologyTagger Tagger { get; }

    /// <summary>The retrofit and low-carbon lexicon (the catalogue's <c>retrofit-lexicon</c>), applied beside the taxonomy.</summary>
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
