using System.Collections.Immutable;

namespace CompeteModel.Engine.Procurement;

/// <summary>
/// One OCDS release (or one Contracts Finder CSV row) reduced to the fields the procurement
/// measures use. <see cref="File"/> and <see cref="Line"/> say where it starts in its input.
/// Text fields have the literal "rn" line breaks of the source replaced (<see cref="OcdsText"/>).
/// Amounts are as published, in <c>*Currency</c>; conversion happens when processes are compiled.
/// <see cref="Extras"/> holds method details, framework flags and the buyer's identifier (OCDS only).
/// </summary>
public sealed record ProcurementRelease(
    string File,
    long Line,
    string Ocid,
    string? ReleaseId,
    DateTimeOffset Date,
    ImmutableArray<string> Tags,
    string? Title,
    string? Description,
    ImmutableArray<string> CpvCodes,
    ProcurementParty? Buyer,
    double? TenderAmount,
    string? TenderCurrency,
    DateTimeOffset? ContractStart,
    DateTimeOffset? ContractEnd,
    bool? SuitableForSme,
    ImmutableArray<string> DeliveryRegions,
    ImmutableArray<string> DeliveryPostcodes,
    ImmutableArray<ProcurementAward> Awards,
    ReleaseExtras? Extras = null);
