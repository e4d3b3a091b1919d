using CompeteModel.Engine.Errors;

namespace CompeteModel.Engine.Scoring;

/// <summary>
/// A declarative compete model: pillars of indicators with weights, normalisation and aggregation, alternative
/// stakeholder weight sets, quadrant definitions, reliability thresholds and Monte Carlo settings. Load with
/// <see cref="Load"/> or <see cref="Parse"/>; every problem is an <see cref="InputException"/> naming the spec file,
/// line and key. Weights are stored normalised (summing to 1); where the file's did not, <see cref="Notes"/> says so.
/// </summary>
public sealed record ModelSpec
{
    /// <summary>The model's name.</summary>
    public required string Name { get; init; }
    /// <summary>What the model is for.</summary>
    public string Description { get; init; } = "";
    /// <summary>The file the spec came from (for messages), or a label.</summary>
    public string SourceFile { get; init; } = "";
    /// <summary>The geography the units belong to (e.g. "country", "combined_authority").</summary>
    public string GeographyLevel { get; init; } = "";
    /// <summary>The benchmark growth and specialisation are measured against (e.g. "world", "uk").</summary>
    public string Benchmark { get; init; } = "";
    /// <summary>The sector level of the units (e.g. "hs4", "sic2").</summary>
    public string SectorLevel { get; init; } = "";
    /// <summary>Base and target years.</summary>
    public SpecYears Years { get; init; } = new(null, null);
    /// <summary>Reliability thresholds.</summary>
    public SpecThresholds Thresholds { get; init; } = new();
    /// <summary>The seed of every random draw of a run.</summary>
    public int Seed { get; init; }
    /// <summary>Monte Carlo settings.</summary>
    public MonteCarloSpec MonteCarlo { get; init; } = MonteCarloSpec.Default;
    /// <summary>The pillars, in spec order.</summary>
    public required IReadOnlyList<PillarSpec> Pillars { get; init; }
    /// <summary>Arithmetic (default) or geometric.</summary>
    public AggregationMethod Aggregation { get; init; } = AggregationMethod.Arithmetic;
    /// <summary>Named alternative weights, in spec order.</summary>
    public IReadOnlyList<WeightSet> WeightSets { get; init; } = [];
    /// <summary>Which sectors the main ranking may hold (traded classes, size floor); null: every sector with data.</summary>
    public EligibilitySpec? Eligibility { get; init; }
    /// <summary>Growth endpoints and the jump check; null: single-year endpoints, no check.</summary>
    public GrowthSpec? Growth { get; init; }
    /// <summary>The diagnostics complexity indicators must pass to enter the composite; null: no gate.</summary>
    public ComplexityGateSpec? ComplexityGate { get; init; }
    /// <summary>Quadrant definitions.</summary>
    public QuadrantSpec Quadrants { get; init; } = QuadrantSpec.Default;
    /// <summary>What loading changed or assumed (e.g. weights normalised), each with its line.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Reads and validates a spec file against <paramref name="catalog"/> (default <see cref="IndicatorCatalog.Standard"/>).</summary>
    public static ModelSpec Load(string path, IndicatorCatalog? catalog = null)
    {
        if (!File.Exists(path)) throw new InputException("spec file not found", path);
        return Parse(File.ReadAllText(path), path, catalog);
    }

    /// <summary>Parses and validates spec text; <paramref name="file"/> is used in messages.</summary>
    public static ModelSpec Parse(string yaml, string file, IndicatorCatalog? catalog = null) =>
        SpecReader.Read(yaml, file, catalog ?? IndicatorCatalog.Standard);
}
