namespace CompeteModel.Engine.Complexity;

/// <summary>
/// Options of the relatedness and complexity calculation. Defaults follow METHODS.md (py-ecomplexity
/// conventions); every alternative is named after the convention it reproduces.
/// </summary>
public sealed record ComplexityOptions
{
    /// <summary>M[r,s] = 1 where RCA ≥ this (exactly the threshold counts as present).</summary>
    public double RcaThreshold { get; init; } = 1.0;

    public ProximityMethod Proximity { get; init; } = ProximityMethod.CoOccurrence;
    public DensityDiagonal Density { get; init; } = DensityDiagonal.Included;
    public SdConvention Sd { get; init; } = SdConvention.Population;
    public SignRule Sign { get; init; } = SignRule.Diversity;

    /// <summary>Iterations N of the method of reflections (even, so kc_N is a country-side reflection).</summary>
    public int ReflectionIterations { get; init; } = 20;

    /// <summary>Fitness–Complexity stops when no value (on its mean-1 scale) changes by more than this, or after <see cref="FitnessMaxIterations"/>.</summary>
    public double FitnessTolerance { get; init; } = 1e-10;
    public int FitnessMaxIterations { get; init; } = 1000;

    /// <summary>Lanczos stops when the residuals of λ2 and λ3 are below this.</summary>
    public double EigenTolerance { get; init; } = 1e-10;

    public ReliabilityThresholds Reliability { get; init; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> for values no calculation can use.</summary>
    public void Validate()
    {
        if (!(RcaThreshold > 0) || double.IsInfinity(RcaThreshold)) throw new ArgumentException("RcaThreshold must be a positive number");
        if (ReflectionIterations < 2 || ReflectionIterations % 2 != 0) throw new ArgumentException("ReflectionIterations must be even and at least 2");
        if (FitnessMaxIterations < 1) throw new ArgumentException("FitnessMaxIterations must be at least 1");
        if (!(EigenTolerance > 0)) throw new ArgumentException("EigenTolerance must be positive");
    }
}
