using BenchmarkDotNet.Attributes;
using CompeteModel.Engine.Complexity;
using CompeteModel.Engine.IO;

namespace CompeteModel.Benchmarks;

/// <summary>
/// The full complexity suite (RCA, M, proximity, density, eigenvector ECI/PCI, reflections, fitness,
/// COI, COG, diagnostics) on the world trade data (226 × 785) and on a generated panel of
/// 3,000 regions × 1,000 sectors × 20 years (about 2 GB of results held at once).
/// </summary>
[MemoryDiagnoser]
public class ComplexityBenchmarks
{
    private ActivityMatrix _worldTrade = null!;
    private ComplexityYear[] _panel = null!;

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
            _panel[y] = new ComplexityYear((2001 + y).ToString(System.Globalization.CultureInfo.InvariantCulture), Generate(3000, 1000, seed: 42, year: y));
    }

    [Benchmark]
    public ComplexityYearResult WorldTrade() => ComplexityCalculator.Compute(_worldTrade, new ComplexityOptions());

    [Benchmark]
    public IReadOnlyList<ComplexityYearResult> GeneratedPanel() =>
        ComplexityCalculator.ComputePanel(_panel, new ComplexityOptions { Sign = SignRule.PreviousYear });

    /// <summary>
    /// Lognormal activity with latent region capability and sector requirement (fixed across years) and
    /// year-specific noise. The capability–requirement interaction (not separable, so RCA keeps it) makes
    /// M nested like real data; the panel evolves slowly. Seeded.
    /// </summary>
    private static ActivityMatrix Generate(int rows, int cols, int seed, int year)
    {
        var structure = new Random(seed);
        var cap = new double[rows];
        var req = new double[cols];
        for (int r = 0; r < rows; r++) cap[r] = structure.NextDouble();
        for (int s = 0; s < cols; s++) req[s] = structure.NextDouble();
        var noise = new Random(seed * 1000 + year);
        var values = new double[rows * cols];
        for (int r = 0; r < rows; r++)
            for (int s = 0; s < cols; s++)
            {
                double z = Math.Sqrt(-2 * Math.Log(1 - noise.NextDouble())) * Math.Cos(2 * Math.PI * noise.NextDouble());
                values[r * cols + s] = Math.Exp(z + 3 * Math.Tanh(5 * (cap[r] - req[s])));
            }
        return new ActivityMatrix(
            Enumerable.Range(0, rows).Select(i => "R" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            Enumerable.Range(0, cols).Select(i => "S" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            values);
    }

    private static string FindReference(string file)
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
