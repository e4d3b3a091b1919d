namespace CompeteModel.Engine.Procurement;

/// <summary>How a demand scenario estimates local supply (<see cref="LocalSupply"/>).</summary>
public enum LocalSupplyMethod
{
    /// <summary>Flegg's location quotient: SLQ × [log₂(1 + E_R/E_N)]^δ (the default).</summary>
    Flq,
    /// <summary>The simple location quotient: min(1, SLQ).</summary>
    Slq,
}
