namespace CompeteModel.Engine.Procurement;

/// <summary>
/// Fields of an OCDS release read beside the core ones (<see cref="OcdsReleaseExtrasReader"/>): the
/// procurement method details as published ("Call-off from a framework agreement"), the OCDS techniques
/// extension's framework and DPS flags (<c>tender.techniques.hasFrameworkAgreement</c>,
/// <c>hasDynamicPurchasingSystem</c>; null when absent), and the buyer's identifier scheme and id
/// (<c>parties[].identifier</c>: "GB-LAE", "GB-GOR", "GB-SHPE", …).
/// </summary>
public sealed record ReleaseExtras(
    string? MethodDetails,
    bool? HasFrameworkAgreement,
    bool? HasDynamicPurchasingSystem,
    string? BuyerScheme,
    string? BuyerIdentifier);
