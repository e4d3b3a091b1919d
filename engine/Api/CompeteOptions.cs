using CompeteModel.Engine.Sectors;

namespace CompeteModel.Engine.Api;

/// <summary>Options of <see cref="Compete.Run"/>; null takes the spec's value, as <c>compete run</c> does.</summary>
public sealed record CompeteOptions
{
    /// <summary>A shipped spec name (<c>city-region</c>, <c>national</c>) or a path to a spec file.</summary>
    public string Spec { get; init; } = "city-region";

    /// <summary>Sector level; null takes the spec's <c>sector_level</c>.</summary>
    public SectorLevel? Level { get; init; }

    /// <summary>End year; null takes the spec's target year, else the latest BRES year.</summary>
    public int? Year { get; init; }

    /// <summary>Start year of growth; null takes the spec's base year.</summary>
    public int? BaseYear { get; init; }

    /// <summary>Monte Carlo draws; null takes the spec's.</summary>
    public int? Draws { get; init; }

    /// <summary>Seed of every random draw; null takes the spec's. Same inputs and seed give identical results.</summary>
    public int? Seed { get; init; }

    /// <summary>Replications of the firm bootstrap (used only with firm-level data).</summary>
    public int BootstrapDraws { get; init; } = 200;

    /// <summary>Only changes speed; results are identical for any value.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
