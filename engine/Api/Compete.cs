using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.Pipeline;
using CompeteModel.Engine.Scoring;
using CompeteModel.Engine.Technologies;

namespace CompeteModel.Engine.Api;

/// <summary>
/// The engine's entry point for notebooks and other .NET programs: load the shipped UK data once, then run any
/// city region. The same pipeline as <c>compete run</c> (published statistics; no firm-level data unless given):
/// <code>
/// var compete = Compete.Load("datasets");
/// var result = compete.Run("wmca", new CompeteOptions { Draws = 200, Seed = 1 });
/// var rankings = result.Rankings.ToDataFrame();
/// </code>
/// Errors a user can cause (an unknown region, a bad spec) are <see cref="InputException"/>s.
/// </summary>
public sealed class Compete
{
    private Compete(UkData data, string datasetsDirectory)
    {
        Data = data;
        DatasetsDirectory = datasetsDirectory;
    }

    /// <summary>The loaded UK data: geography, SIC hierarchy, BRES and GVA panels.</summary>
    public UkData Data { get; }

    /// <summary>The datasets folder the data came from (specs and the technology taxonomy are read from it).</summary>
    public string DatasetsDirectory { get; }

    /// <summary>Reads the shipped data from a <c>datasets</c> folder (the repository's, or a copy of it).</summary>
    public static Compete Load(string datasetsDirectory)
    {
        var dir = Path.GetFullPath(datasetsDirectory);
        return new Compete(UkData.Load(dir), dir);
    }

    /// <summary>
    /// Runs the model for one city region (an id such as <c>wmca</c>, or a name the geography resolves) and returns
    /// the ranked, classified and explained result with its tables.
    /// </summary>
    public CompeteResult Run(string region, CompeteOptions? options = null, IProgress<RunStage>? progress = null)
    {
        var o = options ?? new CompeteOptions();
        var r = Data.Geography.Resolve(region);
        var spec = ModelSpec.Load(Data.Catalogue.SpecPath(o.Spec));
        var request = new CityRegionRunRequest
        {
            Region = r,
            Spec = spec,
            Level = o.Level,
            Year = o.Year,
            BaseYear = o.BaseYear,
            Taxonomy = Data.Catalogue.Load(Catalogue.DataCatalogue.Ids.Taxonomy, "taxonomy", TechnologyTaxonomy.Load),
            Classification = RunSetup.Classification(Data, spec),
            Draws = o.Draws,
            Seed = o.Seed,
            BootstrapDraws = o.BootstrapDraws,
            MaxDegreeOfParallelism = o.MaxDegreeOfParallelism,
        };
        return new CompeteResult(CityRegionRun.Execute(Data, request, progress));
    }
}
