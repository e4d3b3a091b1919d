using CompeteModel.Engine.Panels;

namespace CompeteModel.Engine.Ingest.Micro;

/// <summary>A panel aggregated from firm-level data, with the accounting of the firm rows (used, or rejected and why).</summary>
public sealed record MicroPanel(Panel Panel, RowAccount Account);
