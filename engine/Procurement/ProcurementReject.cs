namespace CompeteModel.Engine.Procurement;

/// <summary>
/// A release (or an unreadable part of a file) that could not be used: where it is (file, 1-based
/// line; for malformed JSON the line and byte position of the fault), its ocid when known, the field
/// at fault, the reason, and the offending value.
/// </summary>
public sealed record ProcurementReject(string File, long Line, string? Ocid, string Field, string Reason, string? Value);
