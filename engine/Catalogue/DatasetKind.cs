namespace CompeteModel.Engine.Catalogue;

/// <summary>What a dataset holds, as the catalogue lists it.</summary>
public enum DatasetKind
{
    Geography,
    Classification,
    Employment,
    BusinessCounts,
    Gva,
    Innovation,
    Procurement,
    FirmLevel,
    Taxonomy,
    Concordance,
    Spec,
    Reference,
}
