using BenchmarkDotNet.Attributes;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Scoring;

namespace CompeteModel.Benchmarks;

/// <summary>
/// The target: 1,000 Monte Carlo draws on ~700 units × 10 indicators (the size of a country's HS4 products)
/// in a few seconds. Data are seeded synthetic values with per-cell bands so the data factor is exercised too.
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private static readonly string[] Ids = ["rca", "pci", "cog", "density", "lq", "growth_vs_benchmark", "ss_regional", "productivity_relative", "tech_intensity", "fitness"];

    private const string Yaml = """
        name: bench
        seed: 20260401
        monte_carlo:
          draws: 1000
          weights: {method: uniform, range: 0.5}
          normalisations: [minmax, zscore, rank, percentile]
          aggregations: [arithmetic, geometric]
          bootstrap: true
        pillars:
          - id: specialisation
            weight: 0.25
            indicators:
              - {id: rca, winsorise: auto}
              - {id: lq, winsorise: auto}
          - id: complexity
            weight: 0.25
            indicators:
              - {id: pci}
              - {id: fitness}
          - id: opportunity
            weight: 0.25
            indicators:
              - {id: cog}
              - {id: density}
              - {id: tech_intensity}
          - id: growth
            weight: 0.25
            indicators:
              - {id: growth_vs_benchmark, winsorise: {lower: 5, upper: 95}}
              - {id: ss_regional}
              - {id: productivity_relative}
        weight_sets:
          complexity-first:
            pillars: {complexity: 0.5, opportunity: 0.3}
        """;

    private ModelSpec _spec = null!;
    private IndicatorMatrix _matrix = null!;
    private DataUncertainty _bands = null!;

    [Params(700)]
    public int Units { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _spec = ModelSpec.Parse(Yaml, "bench.yaml");
        var rng = new Random(7);
        var values = new double[Units * Ids.Length];
        for (int i = 0; i < values.Length; i++)
            values[i] = i % 11 == 0 ? double.NaN : Math.Exp(Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble()));
        var codes = Enumerable.Range(0, Units).Select(u => "P" + u.ToString("0000", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        _matrix = new IndicatorMatrix(codes, Ids, values, Ids.Select(_ => Provenance.UserTable).ToArray());
        _bands = new DataUncertainty(Lower: values.Select(v => v * 0.9).ToArray(), Upper: values.Select(v => v * 1.1).ToArray());
    }

    [Benchmark]
    public ScoreResult Score() => CompositeScorer.Score(_spec, _matrix);

    [Benchmark]
    public WeightSetComparison WeightSets() => CompositeScorer.ScoreWeightSets(_spec, _matrix);

    [Benchmark]
    public MonteCarloResult MonteCarlo1000Draws() => CompositeScorer.MonteCarlo(_spec, _matrix);

    [Benchmark]
    public MonteCarloResult MonteCarlo1000DrawsWithDataBands() => CompositeScorer.MonteCarlo(_spec, _matrix, _bands);
}
