using System.Globalization;
using CompeteModel.Engine.Errors;
using System.Runtime.CompilerServices;

namespace CompeteModel.Engine.IO;

/// <summary>
/// A column-oriented table at the edges of the engine: what readers return from a user's CSV or
/// Parquet file and what writers save. Each column holds one array: <c>string?[]</c>,
/// <c>double[]</c>, <c>long[]</c>, <c>int[]</c> or <c>bool[]</c>. Missing doubles are NaN;
/// missing strings are null. Rows read from a file remember the physical line each came from.
/// </summary>
public sealed class Table
{
    private readonly Dictionary<string, int> _byName = new(StringComparer.OrdinalIgnoreCase);

    public Table(IReadOnlyList<TableColumn> columns, string? sourceFile = null, long[]? sourceLines = null)
    {
        if (columns.Count == 0) throw new ArgumentException("a table needs at least one column", nameof(columns));
        int n = columns[0].Length;
        for (int i = 0; i < columns.Count; i++)
        {
            if (columns[i].Length != n)
                throw new ArgumentException($"column '{columns[i].Name}' has {columns[i].Length} rows, expected {n}");
            if (!_byName.TryAdd(columns[i].Name, i))
                throw new ArgumentException($"duplicate column name '{columns[i].Name}'");
        }
        Columns = columns;
        RowCount = n;
        SourceFile = sourceFile;
        SourceLines = sourceLines;
    }

    public IReadOnlyList<TableColumn> Columns { get; }
    public int RowCount { get; }

    /// <summary>The file the table was read from, for error messages.</summary>
    public string? SourceFile { get; }

    /// <summary>Physical line (CSV) or 1-based row number (Parquet, counting a header line as 1) of each row.</summary>
    public long[]? SourceLines { get; }

    /// <summary>The line to name in an error about row <paramref name="row"/>.</summary>
    public long LineOf(int row) => SourceLines is null ? row + 2 : SourceLines[row];

    public bool HasColumn(string name) => _byName.ContainsKey(name);

    /// <summary>A column that must exist; an <see cref="InputException"/> names the file and the columns present otherwise.</summary>
    public TableColumn Column(string name)
    {
        if (_byName.TryGetValue(name, out var i)) return Columns[i];
        throw ColumnNotFound(name, Columns.Select(c => c.Name), SourceFile);
    }

    /// <summary>The error for a column that a file does not have, listing the columns it has.</summary>
    public static InputException ColumnNotFound(string name, IEnumerable<string> present, string? file) =>
        new($"column '{name}' not found; the file has: {string.Join(", ", present)}", file, 1, name);

    /// <summary>Cell as text (numbers formatted invariantly, round-trip).</summary>
    public string? GetText(TableColumn column, int row) => column.Data switch
    {
        string?[] s => s[row],
        double[] d => double.IsNaN(d[row]) ? null : d[row].ToString("R", CultureInfo.InvariantCulture),
        long[] l => l[row].ToString(CultureInfo.InvariantCulture),
        int[] i => i[row].ToString(CultureInfo.InvariantCulture),
        bool[] b => b[row] ? "true" : "false",
        _ => throw new InvalidOperationException("unsupported column type"),
    };

    /// <summary>
    /// Cell as a number. Text cells are parsed invariantly (thousands separators allowed); an empty cell is NaN;
    /// a cell that is not a number raises an <see cref="InputException"/> naming file, line and column.
    /// </summary>
    public double GetDouble(TableColumn column, int row)
    {
        switch (column.Data)
        {
            case double[] d: return d[row];
            case long[] l: return l[row];
            case int[] i: return i[row];
            case bool[] b: return b[row] ? 1 : 0;
            case string?[] s:
                var t = s[row];
                if (string.IsNullOrWhiteSpace(t)) return double.NaN;
                if (Numbers.TryParse(t, out var v, allowInfinity: true)) return v;
                throw new InputException($"'{t}' is not a number", SourceFile, LineOf(row), column.Name);
            default: throw new InvalidOperationException("unsupported column type");
        }
    }
}

/// <summary>One named column of a <see cref="Table"/>.</summary>
public sealed class TableColumn
{
    public TableColumn(string name, Array data)
    {
        if (data is not (string?[] or double[] or long[] or int[] or bool[]))
            throw new ArgumentException($"column '{name}': unsupported element type {data.GetType().GetElementType()}");
        Name = name;
        Data = data;
    }

    public string Name { get; }
    public Array Data { get; }
    public int Length => Data.Length;

    public static TableColumn Of(string name, string?[] data) => new(name, data);
    public static TableColumn Of(string name, double[] data) => new(name, data);
    public static TableColumn Of(string name, long[] data) => new(name, data);
    public static TableColumn Of(string name, int[] data) => new(name, data);
    public static TableColumn Of(string name, bool[] data) => new(name, data);
}

/// <summary>Invariant number parsing for published statistics.</summary>
public static class Numbers
{
    /// <summary>
    /// Parses "12,219", "-3.5", "1e-3" invariantly. Thousands separators are accepted only in the
    /// digit groups of the integer part. "Infinity"/"-Infinity" (how .NET writes an unbounded interval end) are
    /// accepted only with <paramref name="allowInfinity"/>, for reading back the engine's own outputs; a published
    /// statistic is never infinite. Returns false for anything else, including NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<char> text, out double value, bool allowInfinity = false)
    {
        text = text.Trim();
        if (TryParseShortDecimal(text, out value)) return true;
        if (allowInfinity && (text.Equals("Infinity", StringComparison.OrdinalIgnoreCase) || text.Equals("inf", StringComparison.OrdinalIgnoreCase)))
        { value = double.PositiveInfinity; return true; }
        if (allowInfinity && (text.Equals("-Infinity", StringComparison.OrdinalIgnoreCase) || text.Equals("-inf", StringComparison.OrdinalIgnoreCase)))
        { value = double.NegativeInfinity; return true; }
        if (text.IndexOf(',') >= 0)
        {
            if (!ThousandsGroupsValid(text)) { value = double.NaN; return false; }
            return double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out value);
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
               && !double.IsNaN(value) && !double.IsInfinity(value);
    }

    private static readonly double[] PowersOf10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    /// <summary>
    /// "123" or "12.345" with at most 15 digits in all: the digits as an integer below 2⁵³ and 10^(fraction digits)
    /// are both exact doubles, so their quotient, rounded once by the division, is the correctly rounded value that
    /// <c>double.Parse</c> returns (Clinger's fast path). Anything else is left to <c>double.TryParse</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryParseShortDecimal(ReadOnlySpan<char> t, out double value)
    {
        value = 0;
        if (t.IsEmpty || t.Length > 16) return false;
        ulong digits = 0;
        int count = 0, fraction = -1;
        for (int i = 0; i < t.Length; i++)
        {
            uint d = (uint)(t[i] - '0');
            if (d <= 9)
            {
                digits = digits * 10 + d;
                count++;
                if (fraction >= 0) fraction++;
            }
            else if (t[i] == '.' && fraction < 0 && count > 0 && i < t.Length - 1) fraction = 0;
            else return false;
        }
        if (count > 15) return false;
        value = fraction > 0 ? digits / PowersOf10[fraction] : digits;
        return true;
    }

    private static bool ThousandsGroupsValid(ReadOnlySpan<char> t)
    {
        int start = t.Length > 0 && (t[0] == '-' || t[0] == '+') ? 1 : 0;
        int dot = t.IndexOf('.');
        var intPart = dot >= 0 ? t[start..dot] : t[start..];
        var groups = intPart.ToString().Split(',');
        if (groups[0].Length is < 1 or > 3) return false;
        for (int i = 1; i < groups.Length; i++) if (groups[i].Length != 3) return false;
        return true;
    }

    /// <summary>Formats a double for output: round-trip, invariant, empty for NaN.</summary>
    public static string Format(double v) => double.IsNaN(v) ? "" : v.ToString("R", CultureInfo.InvariantCulture);
}
