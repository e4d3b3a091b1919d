using System.Collections.Immutable;

namespace CompeteModel.Engine.Geography;

/// <summary>
/// A region: an id used on the command line, its official code, name and level, and the local
/// authority districts it is made of. <see cref="Itl2Codes"/> lists the ITL2 areas whose union is
/// exactly this region, or is empty when the region is not such a union (a partial district, or
/// a city region that cuts across ITL2 boundaries). Codes are in ITL 2021 form (<c>TLG3</c>).
/// </summary>
public sealed record Region(
    string Id,
    string Code,
    string Name,
    RegionKind Kind,
    ImmutableArray<string> LadCodes,
    ImmutableArray<string> Itl2Codes)
{
    /// <summary>True when the region is exactly a union of ITL2 areas, so ITL2 statistics (BRES, GVA) describe it directly.</summary>
    public bool IsItl2Union => !Itl2Codes.IsDefaultOrEmpty;

    public override string ToString() => $"{Name} ({Code})";
}
