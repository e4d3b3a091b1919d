using BenchmarkDotNet.Attributes;
using CompeteModel.Engine.Complexity;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Benchmarks;

/// <summary>
/// <see cref="UkComplexity.Compute"/> as the model run calls it: WMCA among the 40 GB ITL2 areas on BRES 2021,
/// with the UK data already loaded (BRES and GVA are read once per <see cref="UkData"/>).
/// </summary>
[MemoryDiagnoser]
public class UkComplexityBenchmarks
{
    private UkData _uk = null!;
    private Region _wmca = null!;

    [Params(SectorLevel.Division, SectorLevel.Subclass)]
    public SectorLevel Level { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _uk = UkData.Load(FindDatasets());
        _wmca = _uk.Geography.Resolve("wmca");
        UkComplexity.Compute(_uk, _wmca, Level, 2021, new ComplexityOptions(), true);
    }

    [Benchmark]
    public UkComplexityResult WmcaProductivityAnchor() => UkComplexity.Compute(_uk, _wmca, Level, 2021, new ComplexityOptions(), true);

    private static string FindDatasets()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (Directory.Exists(Path.Combine(d.FullName, "datasets", "uk"))) return Path.Combine(d.FullName, "datasets");
        throw new InvalidOperationException("datasets/uk not found above " + AppContext.BaseDirectory);
    }
}
