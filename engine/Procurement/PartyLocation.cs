using System.Collections.Immutable;

namespace CompeteModel.Engine.Procurement;

/// <summary>
/// Where a buyer or supplier is: the districts it stands for (one district, or all districts of a
/// city region named in the alias list; empty when not placed), the district code and city region
/// when they are single, how it was matched, and the text that matched (the evidence: the postcode,
/// or the name that matched). <see cref="National"/> marks a national body (alias list): it may be
/// placed at its office, but its demand belongs to no region (<see cref="IsInside"/> is false).
/// </summary>
public sealed record PartyLocation(ImmutableArray<string> LadCodes, string? LadCode, string? CityRegionId, LocationMethod Method, string? Evidence,
    bool National = false)
{
    public static PartyLocation None(LocationMethod method, string? evidence = null) =>
        new(ImmutableArray<string>.Empty, null, null, method, evidence, method == LocationMethod.National);

    public bool IsPlaced => !LadCodes.IsDefaultOrEmpty;

    /// <summary>"postcode", "name" (alias list, district in the name, locality or address text) or "none".</summary>
    public string Basis => !IsPlaced ? "none" : Method == LocationMethod.Postcode ? "postcode" : "name";

    /// <summary>True when every district the party stands for lies in the given set (a region's districts); never for a national body.</summary>
    public bool IsInside(IReadOnlySet<string> regionLads)
    {
        if (!IsPlaced || National) return false;
        foreach (var l in LadCodes)
            if (!regionLads.Contains(l)) return false;
        return true;
    }
}
