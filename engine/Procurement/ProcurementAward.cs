using System.Collections.Immutable;

namespace CompeteModel.Engine.Procurement;

/// <summary>One award of a release: status, amount and currency as published, suppliers and contract period.</summary>
public sealed record ProcurementAward(
    string? Id,
    string? Status,
    double? Amount,
    string? Currency,
    ImmutableArray<ProcurementParty> Suppliers,
    DateTimeOffset? ContractStart,
    DateTimeOffset? ContractEnd)
{
    /// <summary>Awards marked cancelled or unsuccessful carry no demand.</summary>
    public bool IsLive => Status is null || !(Status.Equals("cancelled", StringComparison.OrdinalIgnoreCase)
                                              || Status.Equals("unsuccessful", StringComparison.OrdinalIgnoreCase));
}
