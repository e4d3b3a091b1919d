using CompeteModel.Engine.Catalogue;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Sectors;
using CompeteModel.Engine.Technologies;

namespace CompeteModel.Engine.Procurement;

/// <summary>
/// The shipped reference files the procurement pipeline needs, as the <see cref="DataCatalogue"/> serves them:
/// geography, SIC division names, the CPV → SIC concordance and buyer aliases, the technology taxonomy and, on first
/// use, BRES employment by ITL2 × division.
/// </summary>
public sealed class ProcurementData
{
    private readonly Lazy<BresTable> _bres;

    private ProcurementData(DataCatalogue catalogue)
    {
        Catalogue = catalogue;
        Datasets = catalogue.DatasetsDirectory;
        string P(string id) => catalogue.PathOf(id);
        Geography = catalogue.Load(DataCatalogue.Ids.Geography, "geography", GeographyReader.Read);
        DivisionNames = ReadDivisionNames(P(DataCatalogue.Ids.SicDivisions));
        Concordance = CpvConcordance.Read(P(DataCatalogue.Ids.CpvConcordance), new HashSet<string>(DivisionNames.Keys, StringComparer.Ordinal));
        Locator = PartyLocator.Read(Geography, P(DataCatalogue.Ids.BuyerAliases));
        Tagger = new TechnologyTagger(catalogue.Load(DataCatalogue.Ids.Taxonomy, "taxonomy", TechnologyTaxonomy.Load));
        Classifier = new ProcurementClassifier(Concordance, Tagger, Locator);
        _bres = new Lazy<BresTable>(() => UkData.Load(catalogue).BresDivisions);
    }

    public static ProcurementData Load(string datasets)
    {
        if (!Directory.Exists(datasets)) throw new InputException("datasets folder not found", datasets, field: "--data");
        return new ProcurementData(DataCatalogue.Open(datasets));
    }

    /// <summary>The catalogue the reference files come from.</summary>
    public DataCatalogue Catalogue { get; }

    public string Datasets { get; }

    /// <summary>The shipped sample of 201 Contracts Finder notices, the commands' default input.</summary>
    public string DefaultInput => Catalogue.PathOf(DataCatalogue.Ids.ContractsSample);
    public GeographyModel Geography { get; }
    public IReadOnlyDictionary<string, string> DivisionNames { get; }
    public CpvConcordance Concordance { get; }
    public PartyLocator Locator { get; }
    public TechnologyTagger Tagger { get; }
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
