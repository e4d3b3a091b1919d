using BenchmarkDotNet.Attributes;
using CompeteModel.Engine.Technologies;

namespace CompeteModel.Benchmarks;

/// <summary>
/// Tagging of one million generated firm descriptions (8–24 words from a business vocabulary, a quarter
/// carrying a taxonomy phrase or a near-miss) with the shipped taxonomy: the bitmask path used for profiles
/// (sequential and parallel) and the evidence path used by 'technologies tag'.
/// Run: dotnet run -c Release --project benchmarks -- --filter '*TaggingBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class TaggingBenchmarks
{
    private static readonly string[] Common =
        ("manufacture supply installation of and for the services wholesale retail design engineering repair maintenance " +
         "consultancy software systems products equipment industrial commercial domestic customers across uk midlands " +
         "specialist precision components vehicles buildings energy data digital cloud logistics said paid maintain " +
         "contract support solutions training quality testing inspection metal plastic food cleaning chemicals").Split(' ');

    private static readonly string[] Signals =
    [
        "machine learning", "AI software", "heat pumps", "loft insulation", "EV charging", "battery packs", "green hydrogen",
        "hydrogen peroxide", "wafer biscuits", "laser tag", "3D printing", "printed circuit boards", "graphene", "lidar",
        "clinical trials", "5G network", "quantum computing", "synthetic biology", "carbon fibre", "semiconductors",
    ];

    private string?[] _texts = [];
    private TechnologyTagger _tagger = null!;

    [Params(1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _tagger = new TechnologyTagger(TechnologyTaxonomy.Load(FindTaxonomy()));
        var rng = new Random(2026);
        _texts = new string?[N];
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < N; i++)
        {
            sb.Clear();
            int words = rng.Next(8, 25);
            int signalAt = rng.Next(4) == 0 ? rng.Next(words) : -1;
            for (int w = 0; w < words; w++)
            {
                if (w > 0) sb.Append(rng.Next(6) == 0 ? ", " : " ");
                sb.Append(w == signalAt ? Signals[rng.Next(Signals.Length)] : Common[rng.Next(Common.Length)]);
            }
            _texts[i] = sb.ToString();
        }
    }

    [Benchmark(Baseline = true)]
    public ulong MasksSequential()
    {
        ulong acc = 0;
        foreach (var t in _texts) acc ^= _tagger.TagMask(t);
        return acc;
    }

    [Benchmark]
    public int MasksParallel() => _tagger.TagMasks(_texts).Length;

    [Benchmark]
    public int HitsWithEvidence()
    {
        int hits = 0;
        foreach (var t in _texts) hits += _tagger.Tag(t).Count;
        return hits;
    }

    private static string FindTaxonomy()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                var p = Path.Combine(d.FullName, "datasets", "technologies", "taxonomy.yaml");
                if (File.Exists(p)) return p;
            }
        throw new FileNotFoundException("datasets/technologies/taxonomy.yaml not found above " + AppContext.BaseDirectory);
    }
}
