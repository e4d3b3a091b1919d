using BenchmarkDotNet.Attributes;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Pipeline;
using CompeteModel.Engine.Scoring;

namespace CompeteModel.Benchmarks;

/// <summary>
/// The target for the national model: the national spec on the world trade data for Costa Rica (226 countries
/// × 785 products; complexity, 785-unit scoring, 1,000 Monte Carlo draws plus the sensitivity runs) in a few seconds.
/// The table is read once in setup; the run includes building the matrix from the long table.
/// Also the city-region model for WMCA (division level, firm-level data with the firm bootstrap, complexity over the
/// 40 ITL2 areas, technology tagging of 780k firm-years' descriptions, scoring under four weight sets, 1,000 draws),
/// with the UK data and firm file loaded once in setup.
/// </summary>
[MemoryDiagnoser]
public class ModelRunBenchmarks
{
    private Table _trade = null!;
    private ModelSpec _spec = null!;
    private CityRegionRunRequest _wmca = null!;
    private CompeteModel.Engine.Ingest.Uk.UkData _uk = null!;

    [Params(1000)]
    public int Draws { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var datasets = FindDatasets();
        _trade = TableFiles.Read(Path.Combine(datasets, "reference", "world_trade_avg_1998_to_2000.csv"));
        _spec = ModelSpec.Load(Path.Combine(datasets, "specs", "national.yaml"));
        _uk = CompeteModel.Engine.Ingest.Uk.UkData.Load(datasets);
        var region = _uk.Geography.Resolve("wmca");
        var micro = MicroSources.Default(_uk, region);
        _wmca = new CityRegionRunRequest
        {
            Region = region,
            Spec = ModelSpec.Load(Path.Combine(datasets, "specs", "city-region.yaml")),
            Firms = micro.Firms,
            FirmSource = micro.Description,
            Taxonomy = CompeteModel.Engine.Technologies.TechnologyTaxonomy.Load(Path.Combine(datasets, "technologies", "taxonomy.yaml")),
            Draws = Draws,
        };
        _ = _uk.BresSubclasses;
        _ = _uk.GvaItl2(false);
        _ = _uk.GvaItl2(true);
    }

    [Benchmark]
    public int WmcaCityRegionRun() => CityRegionRun.Execute(_uk, _wmca).Score.Units.Count;

    [Benchmark]
    public int CostaRicaNationalRun()
    {
        var r = NationalRun.Execute(_trade, "country", "product", "value", "cri", _spec, new NationalRunOptions { Draws = Draws });
        return r.Score.Units.Count;
    }

    private static string FindDatasets()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "datasets", "specs", "national.yaml"))) return Path.Combine(d.FullName, "datasets");
        throw new DirectoryNotFoundException("datasets/specs/national.yaml not found above " + AppContext.BaseDirectory);
    }
}
