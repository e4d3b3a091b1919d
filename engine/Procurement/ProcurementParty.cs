namespace CompeteModel.Engine.Procurement;

/// <summary>
/// A buyer or supplier as a notice names it: identifier, name, the address parts given (street
/// address already cleaned of the literal "rn" line breaks), and the supplier's scale as published
/// (<c>sme</c> or <c>large</c>; null when not given).
/// </summary>
public sealed record ProcurementParty(
    string? Id,
    string? Name,
    string? StreetAddress,
    string? Locality,
    string? PostalCode,
    string? Region,
    string? Scale)
{
    /// <summary>True / false when the notice says whether the party is an SME; null when it does not.</summary>
    public bool? IsSme => Scale?.Trim().ToLowerInvariant() switch
    {
        "sme" or "small" or "medium" or "micro" => true,
        "large" => false,
        _ => null,
    };
}
