namespace CompeteModel.Engine.Batch;

/// <summary>The state of a run in the manifest. A run that was interrupted has no entry at all.</summary>
public enum BatchRunStatus
{
    /// <summary>Finished; its outputs were renamed into place and hashed.</summary>
    Complete,
    /// <summary>The executor failed (returned a failure or threw); the error is recorded and there are no outputs.</summary>
    Failed,
}
