using System.Collections.Immutable;

namespace CompeteModel.Engine.Procurement;

/// <summary>
/// Where a buyer or supplier is: the districts it stands for (one district, or all districts of a
/// city region named in the alias list; empty when not placed), the district code and city region
/// when they are single, how it was matched, and the text that matched (the evidence).
/// </summary>
public sealed record PartyLocation(ImmutableArray<string> LadCodes, string? LadCode, string? CityRegionId, LocationMethod Method, string? Evidence)
{
    public static PartyLocation None(LocationMethod method, string? evidence = null) => new(ImmutableArray<string>.Empty, null, null, method, evidence);

    public bool IsPlaced => !LadCodes.IsDefaultOrEmpty;

    /// <summary>True when every district the party stands for lies in the given set (a region's districts).</summary>
    public bool IsInside(IReadOnlySet<string> regionLads)
    {
        if (!IsPlaced) return false;
        foreach (var l in LadCodes)
            if (!regionLads.Contains(l)) return false;
        return true;
    }
}
