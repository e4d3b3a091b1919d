namespace CompeteModel.Engine.Ingest.Micro;

/// <summary>Firm-level data read from a file, with the accounting of every row (used or rejected, and why).</summary>
public sealed record MicroData(FirmTable Firms, RowAccount Account);
