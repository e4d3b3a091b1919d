namespace CompeteModel.Engine.Procurement;

/// <summary>Where a process's value came from.</summary>
public enum ValueSource
{
    /// <summary>The sum of the live awards of the latest release that carries awards.</summary>
    Award,
    /// <summary>The tender's (or planning budget's) value: no award with a positive amount was published.</summary>
    Tender,
}
