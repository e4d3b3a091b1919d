using CompeteModel.Engine.Sectors;

namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// Whether a sector may enter the main ranking and why: its traded/local class (with the reason and the SIC code of the
/// classification row), the empirical check of that class (Hoover localisation across the GB ITL2 areas, see
/// <see cref="EligibilityCheck"/>), its employment over the end window against the size floor, and the reason it is
/// left out (null when eligible).
/// </summary>
public sealed record SectorEligibility(
    string Code,
    string Name,
    TradeClass Class,
    string ClassReason,
    string ClassCode,
    double Hoover,
    string Empirical,
    bool Agrees,
    double Employment,
    double EmploymentShare,
    string? Exclusion)
{
    /// <summary>True when the sector is scored in the main ranking.</summary>
    public bool Eligible => Exclusion is null;
}
