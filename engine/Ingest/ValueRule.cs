using System.Globalization;

namespace CompeteModel.Engine.Ingest;

/// <summary>
/// The one rule for the measured values every reader takes in (employment, enterprise counts, trade or output
/// values, turnover in long tables, firm files and complexity input): a value is a finite number, not negative and
/// not above <see cref="Ceiling"/>. Anything else is rejected with one of the reasons below and counted, never used:
/// a value near 1e300 would turn sums and squares into ±Infinity further down and come out "reliable".
/// </summary>
public static class ValueRule
{
    /// <summary>10¹⁵: above any employment, count or value (in pounds, dollars or euros) of a region or a country's product; far enough below the double range that sums of millions of values and their squares stay finite.</summary>
    public const double Ceiling = 1e15;

    public const string NotFinite = "not a finite number";
    public const string Negative = "negative value";
    public const string TooLarge = "value out of range (above 1e15)";

    /// <summary>Null when <paramref name="value"/> may be used, else the reason it is rejected.</summary>
    public static string? Check(double value) =>
        !double.IsFinite(value) ? NotFinite
        : value < 0 ? Negative
        : value > Ceiling ? TooLarge
        : null;

    /// <summary>The value as written in a reject: round-trip, invariant.</summary>
    public static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
