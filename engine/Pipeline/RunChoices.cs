namespace CompeteModel.Engine.Pipeline;

/// <summary>The run options a user can set on the command line.</summary>
public sealed record RunChoices(string? Level, int? Year, int? BaseYear, string? MicroFile, bool NoMicro, int? Draws, int? Seed, int? Jobs)
{
    /// <summary>Use generated firm-level data (a demonstration, labelled in every output).</summary>
    public bool GeneratedFirms { get; init; }
}
