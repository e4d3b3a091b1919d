namespace CompeteModel.Engine.Reporting;

/// <summary>One indicator's contribution to a sector's composite score, in composite points (signed).</summary>
public sealed record ReportContribution(string IndicatorId, string Label, double Points);
