namespace CompeteModel.Engine.Batch;

/// <summary>
/// A named set of run options from a plan's <c>options:</c> map (e.g. <c>fast: {draws: 200}</c>).
/// Values are kept as the text written in the plan, sorted by key (ordinal) so that the run id does
/// not depend on the order the keys were written in.
/// </summary>
public sealed record BatchOptionSet
{
    public BatchOptionSet(string name, IEnumerable<KeyValuePair<string, string>> values)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("an option set needs a name", nameof(name));
        Name = name;
        Values = values.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToArray();
        for (int i = 1; i < Values.Count; i++)
            if (Values[i].Key == Values[i - 1].Key) throw new ArgumentException($"option set '{name}': key '{Values[i].Key}' given twice");
    }

    public string Name { get; }
    public IReadOnlyList<KeyValuePair<string, string>> Values { get; }

    /// <summary>The value of <paramref name="key"/>, or null when the set does not hold it.</summary>
    public string? Get(string key)
    {
        foreach (var kv in Values) if (kv.Key == key) return kv.Value;
        return null;
    }

    /// <summary>"k1=v1;k2=v2" in key order; the form hashed into the run id.</summary>
    public string Canonical() => string.Join(";", Values.Select(kv => kv.Key + "=" + kv.Value));

    public bool Equals(BatchOptionSet? other) =>
        other is not null && Name == other.Name && Canonical() == other.Canonical();

    public override int GetHashCode() => HashCode.Combine(Name, Canonical());
}
