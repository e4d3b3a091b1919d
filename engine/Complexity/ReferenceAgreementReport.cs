namespace CompeteModel.Engine.Complexity;

/// <summary>The agreement of the two reference geographies, one row per city region, with notes for the reader.</summary>
public sealed record ReferenceAgreementReport(IReadOnlyList<ReferenceAgreementRow> Rows, IReadOnlyList<string> Notes);
