namespace CompeteModel.Engine.Generation;

/// <summary>
/// A small seeded generator (xoshiro256**, seeded through SplitMix64; Blackman and Vigna 2018), so that
/// generated data are the same on every platform and .NET version. Streams are derived from a seed and
/// a key, so each ITL2 × subclass cell draws from its own stream whatever else is generated.
/// </summary>
internal struct Rng
{
    private ulong _s0, _s1, _s2, _s3;

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
}
