using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Ingest;
using CompeteModel.Engine.IO;

namespace CompeteModel.Engine.Complexity;

/// <summary>The user's anchor indicator for <see cref="SignRule.Anchor"/>: one value per location.</summary>
public static class AnchorTable
{
    /// <summary>
    /// Reads location → value. The location column is <paramref name="locColumn"/> when the table has
    /// it, else the first column; the value column is "value" when present, else the second column.
    /// Missing-value markers are skipped (the location then does not take part); anything else that
    /// is not a number, and a location given twice, is an <see cref="InputException"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, double> FromTable(Table table, string locColumn)
    {
        var source = table.SourceFile ?? "anchor";
        if (table.Columns.Count < 2) throw new InputException("the anchor table needs two columns: location and value", source, 1);
        var loc = table.HasColumn(locColumn) ? table.Column(locColumn) : table.Columns[0];
        var val = table.HasColumn("value") ? table.Column("value") : table.Columns[1];
        if (ReferenceEquals(loc, val)) throw new InputException("the anchor table's location and value columns are the same column", source, 1);
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int i = 0; i < table.RowCount; i++)
        {
            var l = table.GetText(loc, i)?.Trim();
            if (string.IsNullOrEmpty(l)) throw new InputException("no location", source, table.LineOf(i), loc.Name);
            if (val.Data is string?[] s && MissingTokens.IsMissing(s[i], out _)) continue;
            double v = table.GetDouble(val, i);
            if (double.IsNaN(v)) continue;
            if (!result.TryAdd(l, v)) throw new InputException($"location '{l}' appears twice", source, table.LineOf(i), loc.Name);
        }
        return result;
    }
}
