namespace CompeteModel.Engine.Sectors;

/// <summary>Levels of SIC 2007, coarsest first. Code lengths: section a letter, division 2 digits, group 3, class 4, subclass 5.</summary>
public enum SectorLevel
{
    Section,
    Division,
    Group,
    Class,
    Subclass,
}
