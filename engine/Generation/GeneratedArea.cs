using CompeteModel.Engine.Ingest.Micro;

namespace CompeteModel.Engine.Generation;

/// <summary>
/// The generated firms of one ITL2 area, ordered by firm id, then year, and the ITL2 × subclass × year
/// cells for which BRES publishes no number: no firm is written for those (they are unknown, not zero).
/// </summary>
public sealed record GeneratedArea(string Itl2Code, FirmTable Firms, IReadOnlyList<(int Year, string Subclass)> UnknownCells);
