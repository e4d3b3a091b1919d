namespace CompeteModel.Engine.Ingest.Uk;

/// <summary>How one region is built from the areas of one BRES table: the area codes summed and a plain description.</summary>
public sealed record BresComposition(BresTable Table, IReadOnlyList<string> Areas, BresAreaKind Kind, string Description);
