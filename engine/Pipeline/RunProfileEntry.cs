namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// One line of run.json's optional <c>profile</c> block: a stage of the run (<see cref="RunStage"/>, or the steps the caller
/// adds around it: loading the data, writing the outputs), the wall time in seconds from the start of the command to the
/// moment the stage began, and the process's peak working set in MB up to that moment. Measured by the caller.
/// </summary>
public sealed record RunProfileEntry(string Stage, double Seconds, double PeakMegabytes);
