using System.Collections.Immutable;

namespace CompeteModel.Engine.Procurement;

/// <summary>
/// One contracting process (one ocid) compiled from all its releases (<see cref="ProcessCompiler"/>):
/// the latest published value of each field, the value in pounds and its source, the contract period
/// and the value annualised over it, the awarded suppliers and whether they are SMEs.
/// <see cref="File"/>/<see cref="Line"/> locate the latest release.
/// </summary>
public sealed record ProcurementProcess(
    string Ocid,
    string File,
    long Line,
    int ReleaseCount,
    DateTimeOffset FirstDate,
    DateTimeOffset LastDate,
    string LatestTag,
    string? Title,
    string? Description,
    ImmutableArray<string> CpvCodes,
    ProcurementParty? Buyer,
    double ValueGbp,
    ValueSource ValueSource,
    DateTimeOffset? ContractStart,
    DateTimeOffset? ContractEnd,
    double Years,
    bool PeriodAssumed,
    double AnnualValueGbp,
    ImmutableArray<ProcurementParty> Suppliers,
    bool? SuitableForSme,
    ImmutableArray<string> DeliveryRegions,
    ImmutableArray<string> DeliveryPostcodes)
{
    /// <summary>True when every named supplier is an SME; false when any is large; null when no supplier's scale is known.</summary>
    public bool? SupplierIsSme
    {
        get
        {
            bool any = false;
            foreach (var s in Suppliers)
            {
                if (s.IsSme is false) return false;
                if (s.IsSme is true) any = true;
                else return null;
            }
            return any ? true : null;
        }
    }
}
