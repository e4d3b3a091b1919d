using CompeteModel.Engine.IO;
using Microsoft.Data.Analysis;

namespace CompeteModel.Engine.Api;

/// <summary>Conversion of the engine's result tables to <see cref="DataFrame"/> (Microsoft.Data.Analysis), for notebooks.</summary>
public static class DataFrames
{
    /// <summary>
    /// One DataFrame column per table column, same names and order. Numbers stay doubles (NaN, the engine's
    /// missing value, stays NaN: a DataFrame's own null is not used, so a column's statistics see what the engine
    /// computed); text columns are strings (null stays null); whole numbers are Int64; flags Boolean.
    /// </summary>
    public static DataFrame ToDataFrame(this Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = new List<DataFrameColumn>(table.Columns.Count);
        foreach (var c in table.Columns)
            columns.Add(c.Data switch
            {
                double[] d => new DoubleDataFrameColumn(c.Name, d),
                long[] l => new Int64DataFrameColumn(c.Name, l),
                int[] i => new Int64DataFrameColumn(c.Name, i.Select(v => (long)v)),
                bool[] b => new BooleanDataFrameColumn(c.Name, b),
                string?[] s => new StringDataFrameColumn(c.Name, s),
                _ => throw new NotSupportedException($"column '{c.Name}' holds {c.Data.GetType().Name}, which has no DataFrame column type"),
            });
        return new DataFrame(columns);
    }
}
