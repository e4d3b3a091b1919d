namespace CompeteModel.Engine.Batch;

/// <summary>
/// What an executor reports for one run. A run may also fail by throwing; the runner records the
/// exception's message the same way as a <see cref="Failed"/> outcome.
/// </summary>
public sealed record BatchRunOutcome
{
    private BatchRunOutcome(bool succeeded, string? error, IReadOnlyList<string> notes)
    {
        Succeeded = succeeded;
        Error = error;
        Notes = notes;
    }

    public bool Succeeded { get; }

    /// <summary>Why the run failed, written for an analyst; null on success.</summary>
    public string? Error { get; }

    /// <summary>Warnings or remarks to keep in the manifest (e.g. "complexity unreliable at this scale").</summary>
    public IReadOnlyList<string> Notes { get; }

    public static BatchRunOutcome Success(params string[] notes) => new(true, null, notes);

    public static BatchRunOutcome Failed(string error, params string[] notes)
    {
        if (string.IsNullOrWhiteSpace(error)) throw new ArgumentException("a failed outcome needs a reason", nameof(error));
        return new(false, error, notes);
    }
}
