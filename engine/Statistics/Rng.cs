namespace CompeteModel.Engine.Statistics;

/// <summary>
/// The engine's one seeded random source: xoshiro256** seeded through SplitMix64 (Blackman and Vigna 2018),
/// written out here so that a seed gives the same sequence on every platform and every .NET version
/// (.NET's own <c>Random</c> does not promise that, and the engine promises byte-identical reruns). Every draw in
/// the engine (Monte Carlo weights, bootstraps, generated firms and notices, eigen-solver start vectors)
/// comes from this type. Streams are derived from a seed and a key (<see cref="For(long, string)"/>) or from a
/// seed alone (<see cref="Rng(long)"/>). A mutable struct: pass it by <c>ref</c>.
/// </summary>
internal struct Rng
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>A stream for a signed seed (two's complement bits, so every int/long seed is a distinct stream).</summary>
    public Rng(long seed) : this(unchecked((ulong)seed)) { }

    public Rng(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>A stream for (seed, key): FNV-1a of the key mixed with the seed.</summary>
    public static Rng For(long seed, string key)
    {
        ulong h = 14695981039346656037UL;
        foreach (var c in key)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        ulong x = h ^ (ulong)seed * 0x9E3779B97F4A7C15UL;
        return new Rng(SplitMix(ref x));
    }

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextULong()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, n).</summary>
    public int Next(int n) => (int)((NextULong() >> 33) * (ulong)n >> 31);

    /// <summary>Uniform integer in [lo, hi] inclusive.</summary>
    public int Between(int lo, int hi) => lo + Next(hi - lo + 1);

    /// <summary>A uniform number in [0, 1) determined by a key alone (a stateless hash), for draws that must not disturb a stream.</summary>
    public static double Hash01(ulong key)
    {
        ulong x = key;
        return (SplitMix(ref x) >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>Standard normal by the Box–Muller transform (one of the pair is used).</summary>
    public double NextGaussian()
    {
        double u1 = 1.0 - NextDouble(), u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>
    /// Gamma(shape, 1) by Marsaglia and Tsang (2000), "A simple method for generating gamma variables", ACM TOMS
    /// 26(3): d = shape − 1/3, c = 1/√(9d); draw z ~ N(0,1), v = (1 + cz)³, u ~ U(0,1) until v &gt; 0 and
    /// ln u &lt; z²/2 + d − dv + d·ln v; return d·v. For shape &lt; 1, Gamma(shape + 1)·u^(1/shape) (their §6).
    /// Written here instead of MathNet's sampler because that one draws from .NET's <c>Random</c>.
    /// </summary>
    public double NextGamma(double shape)
    {
        if (!(shape > 0)) throw new ArgumentOutOfRangeException(nameof(shape), shape, "gamma shape must be positive");
        if (shape < 1)
        {
            double g = NextGamma(shape + 1);
            return g * Math.Pow(1.0 - NextDouble(), 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0, c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double z = NextGaussian(), v = 1.0 + c * z;
            if (v <= 0) continue;
            v = v * v * v;
            double u = 1.0 - NextDouble();
            if (Math.Log(u) < 0.5 * z * z + d - d * v + d * Math.Log(v)) return d * v;
        }
    }
}
