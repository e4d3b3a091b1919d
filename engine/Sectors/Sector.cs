namespace CompeteModel.Engine.Sectors;

/// <summary>
/// A sector: a node of SIC 2007 at one level, a user's bundle of SIC codes, or (Level null) a
/// sector outside SIC such as an SITC product or a German WZ section read from a user's table.
/// </summary>
public sealed record Sector(string Code, string Name, SectorLevel? Level, bool IsBundle = false)
{
    public override string ToString() => $"{Code} {Name}";
}
