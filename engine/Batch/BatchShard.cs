using System.Globalization;
using CompeteModel.Engine.Errors;

namespace CompeteModel.Engine.Batch;

/// <summary>
/// Shard K of N (1-based), written "K/N". A run belongs to shard 1 + (h mod N), where h is the first
/// 8 bytes of its parameter hash read as an unsigned integer: the assignment depends only on the run's
/// own parameters, so every machine computes the same partition without talking to the others, and
/// adding runs to a plan never moves existing runs between shards.
/// </summary>
public readonly record struct BatchShard
{
    public BatchShard(int index, int count)
    {
        if (count < 1 || index < 1 || index > count)
            throw new ArgumentOutOfRangeException(nameof(index), $"shard {index}/{count}: need 1 ≤ K ≤ N");
        Index = index;
        Count = count;
    }

    /// <summary>K, 1-based.</summary>
    public int Index { get; }

    /// <summary>N.</summary>
    public int Count { get; }

    /// <summary>Parses "K/N" (e.g. "2/8"); also accepts "K/N" with K = 0..N-1 when <paramref name="zeroBased"/> (Kubernetes indexes).</summary>
    public static BatchShard Parse(string text, bool zeroBased = false)
    {
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var k)
            || !int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            throw new InputException($"'{text}' is not a shard; expected K/N such as 2/8", field: "--shard");
        if (zeroBased) k++;
        if (n < 1 || k < 1 || k > n)
            throw new InputException($"shard '{text}' is out of range; K must be between {(zeroBased ? "0 and N-1" : "1 and N")}", field: "--shard");
        return new BatchShard(k, n);
    }

    /// <summary>True when the run with this parameter hash belongs to this shard.</summary>
    public bool Contains(BatchRun run) => IndexOf(run.ParameterHash, Count) == Index;

    /// <summary>The 1-based shard a parameter hash (hex) falls in, out of <paramref name="count"/>.</summary>
    public static int IndexOf(string parameterHash, int count)
    {
        ulong h = ulong.Parse(parameterHash.AsSpan(0, 16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        return (int)(h % (ulong)count) + 1;
    }

    public override string ToString() => Index.ToString(CultureInfo.InvariantCulture) + "/" + Count.ToString(CultureInfo.InvariantCulture);
}
