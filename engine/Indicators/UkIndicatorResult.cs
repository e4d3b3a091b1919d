using CompeteModel.Engine.Ingest;

namespace CompeteModel.Engine.Indicators;

/// <summary>
/// The indicator table of <see cref="UkIndicators.Compute"/>, the period it covers, the row accounts of the
/// files it read (for the run log) and plain-language notes on the conventions applied.
/// </summary>
public sealed record UkIndicatorResult(
    IndicatorTable Table,
    int Year,
    int BaseYear,
    IReadOnlyList<RowAccount> Accounts,
    IReadOnlyList<string> Notes);
