using System.Collections.Immutable;

namespace CompeteModel.Engine.Procurement;

/// <summary>
/// One contracting process (one ocid) compiled from all its releases (<see cref="ProcessCompiler"/>):
/// the latest published value of each field, the value in pounds and its source, the contract period
/// and the value annualised over it, the awarded suppliers and whether they are SMEs.
/// <see cref="File"/>/<see cref="Line"/> locate the latest release. <see cref="Arrangement"/> says whether the
/// value is spend (contract, call-off) or a ceiling (framework agreement, DPS; see <see cref="ArrangementDetector"/>),
/// with the evidence; <see cref="BuyerScheme"/>/<see cref="BuyerIdentifier"/> are the buyer's published identifier.
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
    ImmutableArray<string> DeliveryPostcodes,
    ProcurementArrangement Arrangement = ProcurementArrangement.Contract,
    string? ArrangementEvidence = null,
    string? BuyerScheme = null,
    string? BuyerIdentifier = null)
{
    /// <summary>True for a framework agreement or DPS: <see cref="ValueGbp"/> is then a ceiling on what may be bought, not spend.</summary>
    public bool IsCeiling => Arrangement is ProcurementArrangement.FrameworkAgreement or ProcurementArrangement.DynamicPurchasingSystem;

    /// <summary>The ceiling in pounds for a framework or DPS; NaN for spend (a contract or call-off has no ceiling).</summary>
    public double CeilingGbp => IsCeiling ? ValueGbp : double.NaN;

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
