namespace CompeteModel.Engine.Procurement;

/// <summary>
/// What kind of agreement a process sets up (<see cref="ArrangementDetector"/>). A framework agreement or a
/// dynamic purchasing system only sets a ceiling on what may be bought through it; contracts and call-offs
/// are spend (awarded or expected).
/// </summary>
public enum ProcurementArrangement
{
    /// <summary>An ordinary contract: its value is spend.</summary>
    Contract,
    /// <summary>A call-off (or mini-competition) under a framework or DPS: its value is spend.</summary>
    CallOff,
    /// <summary>Sets up a framework agreement: its value is a ceiling, never demand.</summary>
    FrameworkAgreement,
    /// <summary>Sets up a dynamic purchasing system: its value is a ceiling, never demand.</summary>
    DynamicPurchasingSystem,
}
