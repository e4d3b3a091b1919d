namespace CompeteModel.Engine.Ingest.Uk;

/// <summary>
/// How a BRES download is read. NOMIS API downloads can carry several employment statuses (employees, full-time,
/// part-time, employment) and measures (counts, percentages) in one file; the model counts employment (employees +
/// working owners), so a file holding anything else is refused unless the status or measure to keep is named here.
/// </summary>
public sealed record BresReadOptions
{
    /// <summary>Employment status to keep (name or NOMIS code, case-insensitive); null = "Employment" only.</summary>
    public string? EmploymentStatus { get; init; }

    /// <summary>Measure to keep (name or NOMIS code); null = "Count" only.</summary>
    public string? Measure { get; init; }

    public BresRoundingRule Rounding { get; init; } = BresRoundingRule.Relaxed;

    public static BresReadOptions Default { get; } = new();

    /// <summary>A key naming these options, for the catalogue's once-per-process cache.</summary>
    public string Key => $"status={EmploymentStatus ?? ""};measure={Measure ?? ""};rounding={Rounding}";
}
