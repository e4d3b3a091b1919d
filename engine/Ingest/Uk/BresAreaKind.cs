namespace CompeteModel.Engine.Ingest.Uk;

/// <summary>The kind of area a row of a BRES download describes (NOMIS offers each as a geography type).</summary>
public enum BresAreaKind
{
    /// <summary>Great Britain (K03000001).</summary>
    Nation,

    /// <summary>A country of Great Britain (England E92000001, Wales W92000004, Scotland S92000003).</summary>
    Country,
    Itl1,
    Itl2,
    Itl3,

    /// <summary>A combined authority or Greater London, by its ONS code (E47…, E12000007).</summary>
    CityRegion,

    /// <summary>A local authority district of any vintage.</summary>
    District,
}
