using System.Collections.Immutable;
using CompeteModel.Engine.Errors;

namespace CompeteModel.Engine.Sectors;

/// <summary>
/// A user's sector made of SIC codes at any level (e.g. "automotive" = 29, 30300, 45). Bundles may
/// overlap each other; they are extra sectors, not a partition of the economy.
/// </summary>
public sealed record SectorBundle(string Name, ImmutableArray<string> Codes)
{
    /// <summary>The subclasses the bundle covers; every code must exist in the hierarchy.</summary>
    public IReadOnlyList<int> SubclassIndices(SicHierarchy sic)
    {
        var set = new SortedSet<int>();
        foreach (var c in Codes)
        {
            var idx = sic.SubclassesUnder(c);
            if (idx.Count == 0) throw new InputException($"bundle '{Name}': SIC code '{c}' is not in SIC 2007", field: "bundle");
            foreach (var i in idx) set.Add(i);
        }
        return set.ToList();
    }
}
