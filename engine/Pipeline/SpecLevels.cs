using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Engine.Pipeline;

/// <summary>Reads a spec's <c>sector_level</c> (sic1..sic5 or section..subclass) and a CLI <c>--level</c>.</summary>
public static class SpecLevels
{
    public static SectorLevel? TryParse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "sic1" or "section" => SectorLevel.Section,
        "sic2" or "division" => SectorLevel.Division,
        "sic3" or "group" => SectorLevel.Group,
        "sic4" or "class" => SectorLevel.Class,
        "sic5" or "subclass" => SectorLevel.Subclass,
        _ => null,
    };

    public static SectorLevel Parse(string text, string field) =>
        TryParse(text) ?? throw new InputException($"'{text}' is not a sector level; use section, division, group, class or subclass", field: field);
}
