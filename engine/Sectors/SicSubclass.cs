namespace CompeteModel.Engine.Sectors;

/// <summary>One SIC 2007 subclass with the codes of every level above it.</summary>
public sealed record SicSubclass(string Code, string Name, string ClassCode, string GroupCode, string DivisionCode, string Section)
{
    /// <summary>The code of this subclass's parent at <paramref name="level"/>.</summary>
    public string CodeAt(SectorLevel level) => level switch
    {
        SectorLevel.Section => Section,
        SectorLevel.Division => DivisionCode,
        SectorLevel.Group => GroupCode,
        SectorLevel.Class => ClassCode,
        SectorLevel.Subclass => Code,
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };
}
