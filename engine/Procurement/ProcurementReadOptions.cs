namespace CompeteModel.Engine.Procurement;

/// <summary>
/// How notices are read and valued.
/// <para><see cref="EurToGbp"/>: pounds per euro used to convert EUR amounts. Null (the default)
/// rejects EUR notices as "currency not convertible"; when given, one fixed rate is applied to every
/// EUR amount whatever its date (state the rate and its date in any report that uses it). Every other
/// currency is rejected.</para>
/// <para><see cref="AssumedYearsWhenNoPeriod"/>: the contract length assumed when a process gives no
/// usable contract period (default 1 year, i.e. the whole value counts as one year's demand);
/// such processes are flagged <c>period_assumed</c>.</para>
/// </summary>
public sealed record ProcurementReadOptions(double? EurToGbp = null, double AssumedYearsWhenNoPeriod = 1.0)
{
    public static ProcurementReadOptions Default { get; } = new();
}
