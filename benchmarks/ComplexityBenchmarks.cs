using BenchmarkDotNet.Attributes;
using CompeteModel.Engine.Complexity;
using CompeteModel.Engine.IO;

namespace CompeteModel.Benchmarks;

/// <summary>
/// The full complexity suite (RCA, M, proximity, density, eigenvector ECI/PCI, reflections, fitness,
/// COI, COG, diagnostics) on the world trade data (226 × 785), on a generated district × subclass panel
/// (380 × 700 × 10 years) and on a generated panel of 3,000 regions × 1,000 sectors × 20 years (about 2 GB
/// of results held at once). Generated data: <see cref="GeneratedActivity"/>.
/// </summary>
[MemoryDiagnoser]
public class ComplexityBenchmarks
{
    private ActivityMatrix _worldTrade = null!;
    private ComplexityYear[] _panel = null!;
    private ComplexityYear[] _districtPanel = null!;

    [GlobalSetup(Target = nameof(WorldTrade))]
    public void SetupWorldTrade()
    {
        var table = TableFiles.Read(FindReference("world_trade_avg_1998_to_2000.csv"));
        _worldTrade = ComplexityInput.FromTable(table, "country", "product", "value", null).Years[0].Matrix;
    }

    [GlobalSetup(Target = nameof(GeneratedPanel))]
    public void SetupPanel()
    {
        _panel = new ComplexityYear[20];
        for (int y = 0; y < _panel.Length; y++)
            _panel[y] = new ComplexityYear((2001 + y).ToString(System.Globalization.CultureInfo.InvariantCulture), GeneratedActivity.Matrix(3000, 1000, seed: 42, year: y));
    }

    [GlobalSetup(Target = nameof(DistrictSubclassPanel))]
    public void SetupDistrictPanel() => _districtPanel = GeneratedActivity.DistrictPanel();

    /// <summary>Issue 18's district × subclass scale: 380 × 700 × 10 years, every year in full.</summary>
    [Benchmark]
    public IReadOnlyList<ComplexityYearResult> DistrictSubclassPanel() =>
        ComplexityCalculator.ComputePanel(_districtPanel, new ComplexityOptions { Sign = SignRule.PreviousYear });

    [Benchmark]
    public ComplexityYearResult WorldTrade() => ComplexityCalculator.Compute(_worldTrade, new ComplexityOptions());

    [Benchmark]
    public IReadOnlyList<ComplexityYearResult> GeneratedPanel() =>
        ComplexityCalculator.ComputePanel(_panel, new ComplexityOptions { Sign = SignRule.PreviousYear });

    internal static string FindReference(string file)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                var p = Path.Combine(d.FullName, "datasets", "reference", file);
                if (File.Exists(p)) return p;
            }
        throw new FileNotFoundException("datasets/reference/" + file + " not found above the benchmark's folder");
    }
}
