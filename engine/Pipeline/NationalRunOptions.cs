using CompeteModel.Engine.Complexity;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Scoring;

namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// Options of a <see cref="NationalRun"/>. Every option left at its default follows the spec and METHODS.md.
/// </summary>
public sealed record NationalRunOptions
{
    /// <summary>The table's time column, or null for a single cross-section (e.g. the world trade average).</summary>
    public string? TimeColumn { get; init; }

    /// <summary>
    /// The period to score (as written in the time column). Null: the latest period in which the location has
    /// positive activity.
    /// </summary>
    public string? Time { get; init; }

    /// <summary>
    /// How the eigenvector sign of ECI/PCI is fixed: <see cref="SignRule.Diversity"/> (py-ecomplexity, default),
    /// <see cref="SignRule.Anchor"/> (ECI correlates positively with <see cref="Anchor"/>, e.g. GDP per head or
    /// productivity) or <see cref="SignRule.PreviousYear"/> (every period up to the scored one is computed and
    /// aligned year on year). The diagnostics say how firmly the sign is identified either way.
    /// </summary>
    public SignRule Sign { get; init; } = SignRule.Diversity;

    /// <summary>Location → anchor value for <see cref="SignRule.Anchor"/>.</summary>
    public IReadOnlyDictionary<string, double>? Anchor { get; init; }

    /// <summary>Names the anchor in messages (e.g. its file).</summary>
    public string? AnchorSource { get; init; }

    /// <summary>
    /// Complexity settings (proximity, density diagonal, sd convention, reliability thresholds). The presence
    /// threshold is always the spec's <c>thresholds.presence</c>, and the sign rule is <see cref="Sign"/>.
    /// </summary>
    public ComplexityOptions Complexity { get; init; } = new();

    /// <summary>Overrides the spec's seed.</summary>
    public int? Seed { get; init; }

    /// <summary>Overrides the spec's number of Monte Carlo draws.</summary>
    public int? Draws { get; init; }

    /// <summary>Where the indicators' input came from; trade data and other user tables are <see cref="Provenance.UserTable"/>.</summary>
    public Provenance Provenance { get; init; } = Provenance.UserTable;

    /// <summary>Describes the input in the outputs (e.g. "world trade 1998–2000, economiccomplexity"); default the table's file.</summary>
    public string? Source { get; init; }

    /// <summary>Product code → display name; products without one are shown by code.</summary>
    public IReadOnlyDictionary<string, string>? ProductNames { get; init; }

    /// <summary>Parallelism, top-N and movers of the scoring stage (output is identical for any parallelism).</summary>
    public ScoringOptions Scoring { get; init; } = ScoringOptions.Default;
}
