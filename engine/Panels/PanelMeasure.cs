namespace CompeteModel.Engine.Panels;

/// <summary>
/// One measure of a <see cref="Panel"/>: for each region × sector × year cell a value, an interval
/// [Lower, Upper] that contains the true value (the published rounding band for BRES, equal to the
/// value where the number is exact), and for micro data the number of firms behind the cell.
/// Unknown cells (suppressed, not published) are NaN in all three arrays, never 0.
/// Layout: index = (t·R + r)·S + s, so each year is one contiguous row-major R × S matrix.
/// </summary>
public sealed class PanelMeasure
{
    public PanelMeasure(Measure measure, Provenance provenance, string source, double[] value, double[] lower, double[] upper, int[]? firmCount = null)
    {
        if (lower.Length != value.Length || upper.Length != value.Length || (firmCount is not null && firmCount.Length != value.Length))
            throw new ArgumentException("value, lower, upper and firm count arrays must have the same length");
        Measure = measure;
        Provenance = provenance;
        Source = source;
        Value = value;
        Lower = lower;
        Upper = upper;
        FirmCount = firmCount;
    }

    public Measure Measure { get; }
    public Provenance Provenance { get; }

    /// <summary>Plain-language source, e.g. "ONS BRES open access, ITL2 × SIC subclass (rounded)".</summary>
    public string Source { get; }

    public double[] Value { get; }
    public double[] Lower { get; }
    public double[] Upper { get; }

    /// <summary>Firms behind each cell (micro data only), else null.</summary>
    public int[]? FirmCount { get; }
}
