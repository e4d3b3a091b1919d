using CompeteModel.Engine.Panels;

namespace CompeteModel.Engine.Indicators;

/// <summary>
/// What <see cref="IndicatorSuite.Compute"/> computes. Defaults follow METHODS.md: all regions as the
/// benchmark, presence at LQ ≥ 1, reliable from 10 firms.
/// </summary>
public sealed record IndicatorOptions
{
    /// <summary>
    /// The measure the indicators are computed on (employment, enterprises, GVA, a user's value...). Null: the
    /// panel's only measure, or employment when the panel has several.
    /// </summary>
    public Measure? Measure { get; init; }

    /// <summary>The year of the levels (LQ, concentration) and the end of the growth period.</summary>
    public required int Year { get; init; }

    /// <summary>The start of the growth period (growth, CAGR, shift-share); must be before <see cref="Year"/>.</summary>
    public required int BaseYear { get; init; }

    public BenchmarkConvention Benchmark { get; init; } = BenchmarkConvention.AllRegions;

    /// <summary>The benchmark region's id or code when <see cref="Benchmark"/> is <see cref="BenchmarkConvention.NamedRegion"/>.</summary>
    public string? BenchmarkRegion { get; init; }

    /// <summary>The peer regions' ids or codes when <see cref="Benchmark"/> is <see cref="BenchmarkConvention.PeerGroup"/>.</summary>
    public IReadOnlyList<string> PeerRegions { get; init; } = Array.Empty<string>();

    /// <summary>Regions to report (ids or codes); null reports every region except a named benchmark region.</summary>
    public IReadOnlyList<string>? Regions { get; init; }

    /// <summary>Presence M = 1 where LQ ≥ this (METHODS.md default 1.0).</summary>
    public double PresenceThreshold { get; init; } = 1.0;

    /// <summary>A cell behind fewer firms than this is flagged unreliable (issue 4 default 10).</summary>
    public int MinFirms { get; init; } = 10;

    /// <summary>
    /// Firms of <see cref="BaseYear"/> and <see cref="Year"/> (indices on the panel's axes). When both are given,
    /// the bounds, firm counts and reliability of <c>lq</c> and <c>growth</c> come from <see cref="MicroBootstrap"/>
    /// instead of the panel's rounding intervals.
    /// </summary>
    public FirmSample? FirmsBaseYear { get; init; }

    /// <inheritdoc cref="FirmsBaseYear"/>
    public FirmSample? FirmsYear { get; init; }

    /// <summary>Bootstrap replications when firms are given.</summary>
    public int BootstrapDraws { get; init; } = 1000;

    /// <summary>Seed of the bootstrap.</summary>
    public int Seed { get; init; } = 20240601;
}
