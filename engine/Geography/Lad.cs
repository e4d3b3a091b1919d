using System.Collections.Immutable;

namespace CompeteModel.Engine.Geography;

/// <summary>
/// A local authority district. <see cref="Itl2Codes"/> has one entry for almost every district and
/// two for the districts the ONS lookup places partly in two ITL2 areas (Argyll and Bute; North
/// Ayrshire): those are <see cref="Straddles"/> and are never silently assigned to the first.
/// </summary>
public sealed record Lad(string Code, string Name, ImmutableArray<string> Itl2Codes, string Itl1Code, string? CityRegionId)
{
    public bool Straddles => Itl2Codes.Length > 1;
}
