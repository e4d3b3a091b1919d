using BenchmarkDotNet.Attributes;
using CompeteModel.Engine.Procurement;

namespace CompeteModel.Benchmarks;

/// <summary>
/// Ingestion of 1,000,000 generated OCDS releases (seed 20250123; 100 daily gzip packages of ~10,000
/// releases; ~70% of processes have tender + award): read, compile into processes, classify (CPV → SIC,
/// technology tagger, buyer and supplier location). Each benchmark counts one operation per release,
/// so the mean is time per release (records/s = 1 / mean) and the allocation column is bytes per release.
/// Each operation takes seconds: run with a short job, e.g.
/// dotnet run -c Release --project benchmarks -- --filter '*Procurement*' --job short
/// </summary>
[MemoryDiagnoser]
public class ProcurementBenchmarks
{
    private const int Releases = 1_000_000;
    private string _folder = "";
    private ProcurementData _data = null!;
    private CompiledProcesses? _compiled;

    [GlobalSetup]
    public void Setup()
    {
        _data = ProcurementData.Load(FindDatasets());
        _folder = Path.Combine(Path.GetTempPath(), "compete-procurement-bench-20250123");
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        var districts = _data.Geography.Lads.Where(l => !l.Straddles).Select(l => l.Name).ToList();
        var m = OcdsGenerator.WriteFolder(_folder, Releases, 10_000, 20250123, districts);
        if (m.Releases != Releases) throw new InvalidOperationException($"generated {m.Releases} releases, expected {Releases}");
        _compiled = ProcessCompiler.Compile(OcdsReader.Read(_folder));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = Releases)]
    public int ReadAndCompile() => ProcessCompiler.Compile(OcdsReader.Read(_folder)).Processes.Count;

    [Benchmark(OperationsPerInvoke = Releases)]
    public int Classify() => _data.Classifier.ClassifyAll(_compiled!.Processes).Count;

    private static string FindDatasets()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
                if (Directory.Exists(Path.Combine(d.FullName, "datasets", "procurement"))) return Path.Combine(d.FullName, "datasets");
        throw new DirectoryNotFoundException("datasets/ not found above " + Directory.GetCurrentDirectory());
    }
}
