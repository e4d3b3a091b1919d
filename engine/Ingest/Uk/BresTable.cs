namespace CompeteModel.Engine.Ingest.Uk;

/// <summary>
/// BRES employment as published: one entry per year × ITL2 area × SIC code (subclass or division).
/// <see cref="Value"/> is the published (rounded) count or NaN where the cell is empty; Lower/Upper
/// is the rounding interval (<see cref="BresRounding"/>). Geography codes are in ITL 2021 form.
/// </summary>
public sealed class BresTable
{
    public BresTable(int[] year, string[] geographyCode, string[] industryCode, double[] value, double[] lower, double[] upper,
        IReadOnlyDictionary<string, string> geographyNames, RowAccount account)
    {
        Year = year;
        GeographyCode = geographyCode;
        IndustryCode = industryCode;
        Value = value;
        Lower = lower;
        Upper = upper;
        GeographyNames = geographyNames;
        Account = account;
    }

    public int Count => Year.Length;
    public int[] Year { get; }
    public string[] GeographyCode { get; }
    public string[] IndustryCode { get; }
    public double[] Value { get; }
    public double[] Lower { get; }
    public double[] Upper { get; }

    /// <summary>ITL2 code → name as printed in the file.</summary>
    public IReadOnlyDictionary<string, string> GeographyNames { get; }
    public RowAccount Account { get; }

    public IReadOnlyList<int> Years => Year.Distinct().Order().ToList();
}
