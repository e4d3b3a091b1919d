namespace CompeteModel.Engine.Procurement;

/// <summary>The kind of public body a buyer is (<see cref="BuyerTypeRules"/>).</summary>
public enum BuyerType
{
    LocalAuthority,
    HousingAssociation,
    Nhs,
    Education,
    CentralGovernment,
    OtherPublic,
}
