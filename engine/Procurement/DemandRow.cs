namespace CompeteModel.Engine.Procurement;

/// <summary>
/// Public demand placed by a region's buyers in one SIC division (or for one technology).
/// <list type="bullet">
/// <item><see cref="Processes"/>: processes with any value in the division (a process split over
/// several divisions counts in each, so these do not add up across divisions).</item>
/// <item><see cref="ValueGbp"/>, <see cref="AnnualValueGbp"/>: Σ process value × its division share
/// (whole value for a technology row).</item>
/// <item><see cref="LocalSupplierShare"/>: Σ annual × inside-fraction / Σ annual over processes whose
/// suppliers could be placed; <see cref="SupplierPlacedShare"/> is the part of the annual value that
/// this rests on. NaN when no supplier could be placed.</item>
/// <item><see cref="SmeShare"/>: annual value to SME suppliers / annual value whose supplier scale is
/// known; <see cref="SmeKnownShare"/> the part known. NaN when none is known.</item>
/// <item><see cref="DemandIntensity"/>: annual value / regional employment of the division, £ per
/// job (NaN for technology rows, or where employment is unpublished or zero).</item>
/// <item><see cref="CeilingProcesses"/>, <see cref="CeilingGbp"/>: frameworks and DPSs in the row and Σ ceiling ×
/// share. Ceilings are kept apart: they are never in the value, annual value or shares above (those count
/// spend: contracts and call-offs only). <see cref="CeilingGbp"/> is 0 when the row has no framework.</item>
/// </list>
/// </summary>
public sealed record DemandRow(
    string RegionId,
    string Dimension,
    string Key,
    string Name,
    int Processes,
    double ValueGbp,
    double AnnualValueGbp,
    double LocalSupplierShare,
    double SupplierPlacedShare,
    double SmeShare,
    double SmeKnownShare,
    double Employment,
    double LocationQuotient,
    double DemandIntensity,
    int CeilingProcesses = 0,
    double CeilingGbp = 0);
