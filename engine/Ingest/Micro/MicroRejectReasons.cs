namespace CompeteModel.Engine.Ingest.Micro;

/// <summary>The reasons a firm-level row is rejected, as they appear in row accounts and reject files.</summary>
public static class MicroRejectReasons
{
    public const string MissingValue = "missing required value";
    public const string UnparsableNumber = "unparsable number";
    public const string YearOutOfRange = "year out of range";
    public const string UnknownLad = "unknown LAD code";
    public const string InvalidPostcode = "not a UK postcode";
    public const string PostcodeWithoutDistrict = "postcode without a district";
    public const string StraddlingWithoutItl2 = "straddling district without a valid itl2";
    public const string Itl2Mismatch = "itl2 does not contain the district";
    public const string UnknownSic = "unknown SIC code";
    public const string NegativeEmployment = "negative employment";
    public const string NegativeTurnover = "negative turnover";
    public const string DuplicateFirmYear = "duplicate firm-year";

    /// <summary>Used by the aggregator: the firm's SIC code is coarser than the panel's sector level.</summary>
    public const string SicCoarserThanLevel = "sic code coarser than level";

    /// <summary>Used by the aggregator: the firm-year is not one of the panel's years.</summary>
    public const string YearNotInPanel = "year not in panel";
}
