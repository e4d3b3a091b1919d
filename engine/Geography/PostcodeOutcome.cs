namespace CompeteModel.Engine.Geography;

/// <summary>What the postcode lookup says about a postcode of valid shape.</summary>
public enum PostcodeOutcome
{
    /// <summary>The postcode lies in a local authority district.</summary>
    District,
    /// <summary>The directory's range holds no district ("nan": terminated, non-geographic or large-user postcodes between live ranges).</summary>
    NoDistrict,
    /// <summary>Channel Islands or Isle of Man (the directory's pseudo-codes L99999999 / M99999999): outside the UK's districts.</summary>
    CrownDependency,
    /// <summary>The postcode area (its leading letters) has no range in the directory, so the postcode does not exist there.</summary>
    AreaNotInDirectory,
    /// <summary>The directory names a district that the geography lookup does not list.</summary>
    DistrictNotInGeography,
}
