namespace CompeteModel.Engine.Batch;

/// <summary>Progress of a batch: reported once when runs to skip are known and after every finished run.</summary>
public sealed record BatchProgress(int Total, int Completed, int Failed, int Skipped, string? RunId, BatchRunStatus? Status, string? Error)
{
    /// <summary>Runs accounted for so far (completed + failed + skipped).</summary>
    public int Done => Completed + Failed + Skipped;
}
