namespace CompeteModel.Engine.Complexity;

/// <summary>One year (or other period) of a panel: its label as written in the input, and its matrix.</summary>
public sealed record ComplexityYear(string Time, ActivityMatrix Matrix);
