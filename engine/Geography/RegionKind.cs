namespace CompeteModel.Engine.Geography;

/// <summary>The levels of the UK geography the engine knows.</summary>
public enum RegionKind
{
    /// <summary>Local authority district (2021 codes, plus the 2023 unitary successors).</summary>
    Lad,
    /// <summary>ITL3 area (GVA tables only; in the West Midlands these are single districts).</summary>
    Itl3,
    /// <summary>ITL2 area (= NUTS2 2016; BRES writes <c>UKG3</c> where ITL 2021 writes <c>TLG3</c>).</summary>
    Itl2,
    /// <summary>ITL1 area (English region or nation).</summary>
    Itl1,
    /// <summary>Great Britain or the United Kingdom.</summary>
    Nation,
    /// <summary>A mayoral combined authority or Greater London.</summary>
    CityRegion,
    /// <summary>A named list of districts or ITL areas given by the user.</summary>
    Custom,
}
