using CompeteModel.Engine.Panels;

namespace CompeteModel.Engine.Scoring;

/// <summary>
/// The scoring input: units (sectors, products or technologies) × indicators, one raw value per cell, NaN where
/// missing. Values are row-major: <c>Values[u·IndicatorIds.Count + j]</c>. Each indicator column says where it came
/// from (<see cref="Provenance"/>), so every score can say whether it rests on published statistics or generated data.
/// A column named "firms" is used for the spec's min_firms threshold.
/// </summary>
public sealed class IndicatorMatrix
{
    private readonly Dictionary<string, int> _column;
    private readonly Dictionary<string, int> _row;

    /// <summary>Builds a matrix; unit codes and indicator ids must be unique and the value count must match.</summary>
    public IndicatorMatrix(IReadOnlyList<string> unitCodes, IReadOnlyList<string> indicatorIds, double[] values, IReadOnlyList<Provenance> provenance, IReadOnlyList<string>? unitNames = null)
    {
        if (values.Length != unitCodes.Count * indicatorIds.Count)
            throw new ArgumentException("values has " + values.Length + " cells; expected units × indicators = " + unitCodes.Count * indicatorIds.Count, nameof(values));
        if (provenance.Count != indicatorIds.Count) throw new ArgumentException("one provenance per indicator is needed", nameof(provenance));
        if (unitNames is not null && unitNames.Count != unitCodes.Count) throw new ArgumentException("one name per unit is needed", nameof(unitNames));
        _row = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int u = 0; u < unitCodes.Count; u++)
            if (!_row.TryAdd(unitCodes[u], u)) throw new ArgumentException("unit codes must be unique", nameof(unitCodes));
        _column = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int j = 0; j < indicatorIds.Count; j++)
            if (!_column.TryAdd(indicatorIds[j], j)) throw new ArgumentException("indicator '" + indicatorIds[j] + "' appears twice", nameof(indicatorIds));
        UnitCodes = unitCodes.ToArray();
        UnitNames = (unitNames ?? unitCodes).ToArray();
        IndicatorIds = indicatorIds.ToArray();
        Values = values;
        Provenance = provenance.ToArray();
    }

    /// <summary>Unit codes (ties in rank are broken by ordinal order of these).</summary>
    public IReadOnlyList<string> UnitCodes { get; }
    /// <summary>Unit labels for reports (the codes when none were given).</summary>
    public IReadOnlyList<string> UnitNames { get; }
    /// <summary>Indicator ids (catalog ids).</summary>
    public IReadOnlyList<string> IndicatorIds { get; }
    /// <summary>Raw values, row-major, NaN = missing.</summary>
    public double[] Values { get; }
    /// <summary>Where each indicator column came from.</summary>
    public IReadOnlyList<Provenance> Provenance { get; }

    /// <summary>Number of units.</summary>
    public int UnitCount => UnitCodes.Count;
    /// <summary>Number of indicator columns.</summary>
    public int IndicatorCount => IndicatorIds.Count;

    /// <summary>The column index of an indicator, or −1.</summary>
    public int ColumnOf(string id) => _column.TryGetValue(id, out var j) ? j : -1;

    /// <summary>The row index of a unit, or −1.</summary>
    public int RowOf(string code) => _row.TryGetValue(code, out var u) ? u : -1;

    /// <summary>The value of unit <paramref name="unit"/> on column <paramref name="column"/>.</summary>
    public double this[int unit, int column] => Values[unit * IndicatorIds.Count + column];
}
