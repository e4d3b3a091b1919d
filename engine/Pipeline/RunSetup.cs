using CompeteModel.Engine.Catalogue;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.Scoring;
using CompeteModel.Engine.Technologies;

namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// Shared set-up of model runs for <c>run</c>, <c>compare</c>, <c>explain</c>, <c>batch</c> and the engine API (<c>Api.Compete</c>): the
/// default data policy (published statistics unless firm data are chosen), spec and classification lookup, the inputs a run records.
/// </summary>
public static class RunSetup
{
    /// <summary>A spec given as a path, or as the name of a shipped spec (<c>city-region</c>, <c>national</c>).</summary>
    public static string SpecPath(string dataDir, string spec) => DataCatalogue.Open(dataDir).SpecPath(spec);

    /// <summary>The shipped traded/local classification of SIC 2007, or the spec's own file (a path relative to the spec).</summary>
    public static Engine.Sectors.TradeClassification? Classification(UkData uk, ModelSpec spec)
    {
        if (spec.Eligibility is not { } el) return null;
        if (el.Classification == "traded_local") return uk.TradeClasses;
        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(spec.SourceFile)) ?? ".", el.Classification);
        if (!File.Exists(path)) throw new InputException("the sector classification file does not exist", spec.SourceFile, el.Line, "eligibility.classification");
        return Engine.Sectors.TradeClassification.Load(path, uk.Sic);
    }

    /// <summary>Builds the request for one region: published statistics, unless --micro (the user's firms) or --generated-firms (a labelled demonstration).</summary>
    public static (CityRegionRunRequest Request, List<string> Inputs) Request(UkData uk, Region region, string specPath, RunChoices c)
    {
        var spec = ModelSpec.Load(specPath);
        var cat = uk.Catalogue;
        var inputs = new List<string> { specPath };
        if (uk.UserBres is { } user) inputs.Add(user.Source);
        foreach (var id in new[] { DataCatalogue.Ids.BresSubclasses, DataCatalogue.Ids.GvaCurrentItl2, DataCatalogue.Ids.GvaCvmItl2, DataCatalogue.Ids.Geography,
                     DataCatalogue.Ids.LadSuccessors, DataCatalogue.Ids.SicHierarchy, DataCatalogue.Ids.Taxonomy })
            if (cat.Exists(id)) inputs.Add(cat.PathOf(id));
        if (spec.Eligibility is not null) inputs.Add(uk.TradeClassificationPath);
        MicroSource? micro = null;
        if (c.MicroFile is { } f)
        {
            micro = MicroSources.Read(f, uk);
            inputs.Add(f);
        }
        else if (c.GeneratedFirms)
        {
            micro = MicroSources.Default(uk, region);
            inputs.Add(cat.PathOf(micro.Account is not null ? DataCatalogue.Ids.MicroWmca : DataCatalogue.Ids.Idbr));
        }
        var request = new CityRegionRunRequest
        {
            Region = region,
            Spec = spec,
            Level = c.Level is null ? null : SpecLevels.Parse(c.Level, "--level"),
            Year = c.Year,
            BaseYear = c.BaseYear,
            Firms = micro?.Firms,
            FirmProvenance = micro?.Provenance ?? Engine.Panels.Provenance.GeneratedMicroData,
            FirmSource = micro?.Description ?? "",
            FirmAccount = micro?.Account,
            Taxonomy = cat.Load(DataCatalogue.Ids.Taxonomy, "taxonomy", TechnologyTaxonomy.Load),
            Classification = Classification(uk, spec),
            Draws = c.Draws,
            Seed = c.Seed,
            MaxDegreeOfParallelism = c.Jobs ?? -1,
        };
        return (request, inputs);
    }

    /// <summary>
    /// What run.json and the report record beyond the result: version, spec, input files, every dataset the run read with
    /// its vintage, and the report's data sections (districts side by side, innovation context, datasets).
    /// </summary>
    public static RunManifestInfo Manifest(UkData uk, CityRegionRunResult result, string specPath, IReadOnlyList<string> inputs, string dataDir, string version)
    {
        var used = new HashSet<string>(inputs.Select(Path.GetFullPath), StringComparer.Ordinal);
        var datasets = uk.Catalogue.Sources().Where(s => used.Contains(Path.GetFullPath(s.Path))).ToList();
        if (uk.UserBres is { } user) datasets.Insert(0, UserBresSource(user));
        return new RunManifestInfo(version, specPath, inputs, dataDir)
        {
            Datasets = datasets,
            Data = RunSections.Build(uk, result, datasets),
        };
    }

    /// <summary>The user's BRES download as a data source.</summary>
    public static DataSource UserBresSource(BresTable user) =>
        new(new DatasetInfo("bres-user", user.Source, DatasetKind.Employment,
                string.Join(", ", user.AreaKinds.Values.Distinct().Order()), user.Years.Count == 0 ? "—" : $"{user.Years[0]}–{user.Years[^1]}",
                "the user's NOMIS download", "ONS, Open Government Licence v3.0", "BRES employment given with --bres"),
            user.Source, true, true);
}
