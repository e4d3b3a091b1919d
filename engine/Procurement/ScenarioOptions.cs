namespace CompeteModel.Engine.Procurement;

/// <summary>
/// Options of a demand scenario. <see cref="Uplift"/> multiplies the baseline annual demand (2 =
/// doubled; must be ≥ 0). <see cref="BaselineAnnualGbp"/>, when given, replaces the demand observed
/// in the notices as the baseline (for a programme budget known from elsewhere; the notices then
/// only supply the sector mix). <see cref="Method"/> chooses how local supply is estimated (FLQ by
/// default, SLQ as the option) and <see cref="FlqDelta"/> is the FLQ's δ (0 ≤ δ &lt; 1; default 0.3).
/// </summary>
public sealed record ScenarioOptions(double Uplift = 2.0, double? BaselineAnnualGbp = null,
    LocalSupplyMethod Method = LocalSupplyMethod.Flq, double FlqDelta = LocalSupply.DefaultDelta);
