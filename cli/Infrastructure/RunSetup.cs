using System.Reflection;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.Pipeline;
using CompeteModel.Engine.Scoring;
using CompeteModel.Engine.Technologies;

namespace CompeteModel.Cli.Infrastructure;

/// <summary>Shared set-up of model runs for <c>run</c>, <c>compare</c>, <c>explain</c> and <c>batch</c>: spec, firm data, taxonomy, inputs.</summary>
public static class RunSetup
{
    /// <summary>The tool's version without a source-control suffix, so a rebuild does not invalidate resumable batches.</summary>
    public static string Version
    {
        get
        {
            var v = typeof(RunSetup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            int plus = v.IndexOf('+');
            return plus >= 0 ? v[..plus] : v;
        }
    }

    /// <summary>A spec given as a path, or as the name of a shipped spec (<c>city-region</c>, <c>national</c>).</summary>
    public static string SpecPath(string dataDir, string spec)
    {
        if (File.Exists(spec)) return Path.GetFullPath(spec);
        var shipped = Path.Combine(dataDir, "specs", spec.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) ? spec : spec + ".yaml");
        if (File.Exists(shipped)) return shipped;
        var names = Directory.Exists(Path.Combine(dataDir, "specs"))
            ? string.Join(", ", Directory.GetFiles(Path.Combine(dataDir, "specs"), "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal))
            : "";
        throw new InputException($"spec '{spec}' is neither a file nor a shipped spec ({names})", field: "--spec");
    }

    public static string TaxonomyPath(string dataDir) => Path.Combine(dataDir, "technologies", "taxonomy.yaml");

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
        var inputs = new List<string>
        {
            specPath,
            Path.Combine(uk.DataDirectory, "bres_itl2_sic5_employment_2015_2021.csv.gz"),
            Path.Combine(uk.DataDirectory, "ons_gva_current_itl2.csv.gz"),
            Path.Combine(uk.DataDirectory, "ons_gva_cvm_itl2.csv.gz"),
            Path.Combine(uk.DataDirectory, "geography_lad_itl_cityregion.csv"),
            Path.Combine(uk.DataDirectory, "sic2007_hierarchy.csv"),
            TaxonomyPath(uk.DatasetsDirectory),
        };
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
            var shipped = Path.Combine(uk.DatasetsDirectory, MicroSources.ShippedFile);
            inputs.Add(micro.Account is not null ? shipped : Path.Combine(uk.DataDirectory, "idbr_gb_enterprises_sic5_sizeband_2016_2021.csv.gz"));
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
            Taxonomy = TechnologyTaxonomy.Load(TaxonomyPath(uk.DatasetsDirectory)),
            Classification = Classification(uk, spec),
            Draws = c.Draws,
            Seed = c.Seed,
            MaxDegreeOfParallelism = c.Jobs ?? -1,
        };
        return (request, inputs);
    }
}

/// <summary>The run options a user can set on the command line.</summary>
public sealed record RunChoices(string? Level, int? Year, int? BaseYear, string? MicroFile, bool NoMicro, int? Draws, int? Seed, int? Jobs)
{
    /// <summary>Use generated firm-level data (a demonstration, labelled in every output).</summary>
    public bool GeneratedFirms { get; init; }
}
