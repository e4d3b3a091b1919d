using CompeteModel.Engine.IO;

namespace CompeteModel.Engine.Indicators;

/// <summary>
/// The long indicator table: one row per region × sector × year × indicator with the value, its lower and
/// upper bounds (NaN where no uncertainty was propagated), the reliability flag, the firms behind the cell
/// (NaN when unknown) and, for undefined values, the reason. Region-level rows have sector "*".
/// </summary>
public sealed class IndicatorTable
{
    private readonly List<string> _region = new(), _sector = new(), _indicator = new();
    private readonly List<int> _year = new();
    private readonly List<double> _value = new(), _lower = new(), _upper = new(), _firms = new();
    private readonly List<bool> _reliable = new();
    private readonly List<UndefinedReason> _reason = new();
    private readonly Dictionary<(string, UndefinedReason), long> _undefined = new();
    private readonly Dictionary<(string Region, string Sector, string Indicator), int> _row = new(RowKeyComparer.Instance);

    public int RowCount => _value.Count;
    public IReadOnlyList<string> Region => _region;
    public IReadOnlyList<string> Sector => _sector;
    public IReadOnlyList<int> Year => _year;
    public IReadOnlyList<string> Indicator => _indicator;
    public IReadOnlyList<double> Value => _value;
    public IReadOnlyList<double> Lower => _lower;
    public IReadOnlyList<double> Upper => _upper;
    public IReadOnlyList<bool> Reliable => _reliable;
    public IReadOnlyList<double> Firms => _firms;
    public IReadOnlyList<UndefinedReason> Reason => _reason;

    /// <summary>Undefined cells per indicator and reason, ordered by indicator (table order) then reason.</summary>
    public IReadOnlyList<UndefinedCount> UndefinedCounts =>
        _undefined.OrderBy(kv => Order(kv.Key.Item1)).ThenBy(kv => kv.Key.Item1, StringComparer.Ordinal).ThenBy(kv => kv.Key.Item2)
            .Select(kv => new UndefinedCount(kv.Key.Item1, kv.Key.Item2, kv.Value)).ToList();

    /// <summary>Undefined cells of one indicator (all reasons).</summary>
    public long UndefinedCount(string indicator) => _undefined.Where(kv => kv.Key.Item1 == indicator).Sum(kv => kv.Value);

    internal void Add(string region, string sector, int year, string indicator, double value, UndefinedReason reason,
        double lower = double.NaN, double upper = double.NaN, double firms = double.NaN, bool? reliable = null)
    {
        if (double.IsNaN(value) && reason == UndefinedReason.None) reason = UndefinedReason.UnknownInput;
        if (!double.IsNaN(value)) reason = UndefinedReason.None;
        _region.Add(region);
        _sector.Add(sector);
        _year.Add(year);
        _indicator.Add(indicator);
        _row.TryAdd((region, sector, indicator), _value.Count);
        _value.Add(value);
        _lower.Add(reason == UndefinedReason.None ? lower : double.NaN);
        _upper.Add(reason == UndefinedReason.None ? upper : double.NaN);
        _firms.Add(firms);
        _reliable.Add(reason == UndefinedReason.None && (reliable ?? true));
        _reason.Add(reason);
        if (reason != UndefinedReason.None)
            _undefined[(indicator, reason)] = _undefined.GetValueOrDefault((indicator, reason)) + 1;
    }

    /// <summary>Finds the row of one cell, or -1.</summary>
    public int Find(string region, string sector, string indicator) =>
        _row.TryGetValue((region, sector, indicator), out var i) ? i : -1;

    /// <summary>Region ids match case-insensitively, sector codes and indicator ids exactly.</summary>
    private sealed class RowKeyComparer : IEqualityComparer<(string Region, string Sector, string Indicator)>
    {
        public static readonly RowKeyComparer Instance = new();

        public bool Equals((string Region, string Sector, string Indicator) a, (string Region, string Sector, string Indicator) b) =>
            string.Equals(a.Region, b.Region, StringComparison.OrdinalIgnoreCase) && a.Sector == b.Sector && a.Indicator == b.Indicator;

        public int GetHashCode((string Region, string Sector, string Indicator) k) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(k.Region), k.Sector, k.Indicator);
    }

    /// <summary>The value of one cell; throws when the table has no such row.</summary>
    public double Get(string region, string sector, string indicator)
    {
        int i = Find(region, sector, indicator);
        return i >= 0 ? _value[i] : throw new KeyNotFoundException($"no row {region} / {sector} / {indicator}");
    }

    /// <summary>
    /// As a <see cref="Table"/> for CSV or Parquet: region, sector, year, indicator, value, lower, upper,
    /// reliable, firms, reason (empty where the value is defined).
    /// </summary>
    public Table ToTable() => new(new[]
    {
        TableColumn.Of("region", _region.Select(s => (string?)s).ToArray()),
        TableColumn.Of("sector", _sector.Select(s => (string?)s).ToArray()),
        TableColumn.Of("year", _year.ToArray()),
        TableColumn.Of("indicator", _indicator.Select(s => (string?)s).ToArray()),
        TableColumn.Of("value", _value.ToArray()),
        TableColumn.Of("lower", _lower.ToArray()),
        TableColumn.Of("upper", _upper.ToArray()),
        TableColumn.Of("reliable", _reliable.ToArray()),
        TableColumn.Of("firms", _firms.ToArray()),
        TableColumn.Of("reason", _reason.Select(r => r == UndefinedReason.None ? null : (string?)r.ToString()).ToArray()),
    });

    /// <summary>The undefined-cell counts as a table: indicator, reason, cells.</summary>
    public Table UndefinedCountsTable()
    {
        var counts = UndefinedCounts;
        return new Table(new[]
        {
            TableColumn.Of("indicator", counts.Select(c => (string?)c.Indicator).ToArray()),
            TableColumn.Of("reason", counts.Select(c => (string?)c.Reason.ToString()).ToArray()),
            TableColumn.Of("cells", counts.Select(c => c.Count).ToArray()),
        });
    }

    private static int Order(string id)
    {
        for (int i = 0; i < IndicatorIds.All.Count; i++) if (IndicatorIds.All[i] == id) return i;
        return int.MaxValue;
    }
}
