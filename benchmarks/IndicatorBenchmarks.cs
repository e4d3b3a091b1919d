using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Indicators;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Benchmarks;

/// <summary>
/// All indicators for every GB local authority × SIC class (≈ 380 × 600) over 10 years, on a generated panel
/// (seeded; counts with BRES-like rounding intervals and about a third of the cells zero, as at LAD × class).
/// Run: dotnet run -c Release --project benchmarks -- --filter '*IndicatorBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class IndicatorBenchmarks
{
    private const int Regions = 380, Sectors = 600, Years = 10;
    private Panel _panel = null!;
    private double[] _lastYear = null!, _benchmark = null!, _lq = null!;
    private UndefinedReason[] _why = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        var regions = Enumerable.Range(0, Regions)
            .Select(r => new Region($"L{r:D3}", $"L{r:D3}", $"District {r}", RegionKind.Lad, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty)).ToList();
        var sectors = Enumerable.Range(0, Sectors).Select(s => new Sector($"{1000 + s}", $"Class {s}", SectorLevel.Class)).ToList();
        var years = Enumerable.Range(2012, Years).ToList();
        var b = new PanelBuilder(regions, sectors, years);
        b.AddMeasure(Measure.Employment, Provenance.GeneratedMicroData, "generated for the benchmark");
        var size = new double[Regions * Sectors];
        for (int i = 0; i < size.Length; i++) size[i] = rng.NextDouble() < 0.35 ? 0 : Math.Round(Math.Exp(2 + 3 * rng.NextDouble()));
        for (int t = 0; t < Years; t++)
            for (int r = 0; r < Regions; r++)
                for (int s = 0; s < Sectors; s++)
                {
                    double v = size[r * Sectors + s] == 0 ? 0 : Math.Round(size[r * Sectors + s] * (0.8 + 0.4 * rng.NextDouble()) / 5) * 5;
                    double half = v == 0 ? 1 : 2.5;
                    b.Add(Measure.Employment, r, s, t, v, Math.Max(0, v - half), v + half);
                }
        _panel = b.Build();
        _lastYear = _panel.Matrix(Measure.Employment, Years - 1);
        _benchmark = new double[Sectors];
        for (int r = 0; r < Regions; r++) for (int s = 0; s < Sectors; s++) _benchmark[s] += _lastYear[r * Sectors + s];
        _lq = new double[Regions * Sectors];
        _why = new UndefinedReason[Regions * Sectors];
    }

    [Benchmark(Description = "all indicators, 380 × 600, 2012–2021")]
    public int AllIndicators() =>
        IndicatorSuite.Compute(_panel, new IndicatorOptions { Year = 2012 + Years - 1, BaseYear = 2012 }).RowCount;

    [Benchmark(Description = "LQ matrix only, 380 × 600")]
    public double LocationQuotients()
    {
        Specialisation.LocationQuotients(_lastYear, Regions, Sectors, _benchmark, _lq, _why);
        return _lq[0];
    }
}
