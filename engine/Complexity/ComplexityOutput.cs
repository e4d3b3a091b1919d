using CompeteModel.Engine.IO;

namespace CompeteModel.Engine.Complexity;

/// <summary>Result tables in py-ecomplexity's layout, and the per-year diagnostics table.</summary>
public static class ComplexityOutput
{
    /// <summary>The value columns, in order, after the time, location and product columns.</summary>
    public static readonly IReadOnlyList<string> ValueColumns = ["diversity", "ubiquity", "mcp", "eci", "pci", "density", "coi", "cog", "rca"];

    /// <summary>
    /// One row per period × location × product (periods in order, then locations and products in the
    /// order of each result), with the input's column names for time (when given), location and product.
    /// </summary>
    public static Table ToTable(IReadOnlyList<ComplexityYearResult> results, string locColumn, string prodColumn, string? timeColumn)
    {
        long total = 0;
        foreach (var r in results) total += (long)r.Locations.Count * r.Products.Count;
        int n = checked((int)total);
        var time = new string?[n];
        var loc = new string?[n];
        var prod = new string?[n];
        var cols = new double[ValueColumns.Count][];
        for (int c = 0; c < cols.Length; c++) cols[c] = new double[n];
        int k = 0;
        foreach (var r in results)
        {
            int np = r.Products.Count;
            var m = r.Presence;
            for (int i = 0; i < r.Locations.Count; i++)
                for (int s = 0; s < np; s++, k++)
                {
                    int cell = i * np + s;
                    time[k] = r.Time;
                    loc[k] = r.Locations[i];
                    prod[k] = r.Products[s];
                    cols[0][k] = m.Diversity[i];
                    cols[1][k] = m.Ubiquity[s];
                    cols[2][k] = m[i, s] ? 1 : 0;
                    cols[3][k] = r.Eci[i];
                    cols[4][k] = r.Pci[s];
                    cols[5][k] = r.Density[cell];
                    cols[6][k] = r.Coi[i];
                    cols[7][k] = r.Cog[cell];
                    cols[8][k] = r.Rca[cell];
                }
        }
        var columns = new List<TableColumn>();
        if (timeColumn is not null) columns.Add(TableColumn.Of(timeColumn, time));
        columns.Add(TableColumn.Of(locColumn, loc));
        columns.Add(TableColumn.Of(prodColumn, prod));
        for (int c = 0; c < cols.Length; c++) columns.Add(TableColumn.Of(ValueColumns[c], cols[c]));
        return new Table(columns);
    }

    /// <summary>
    /// Writes <see cref="ToTable"/>'s table to <paramref name="path"/>, CSV or Parquet by extension, as
    /// <see cref="TableFiles.Write"/> does. A CSV is formatted straight from the results, without building the table
    /// (the same bytes, less memory and time on a large panel).
    /// </summary>
    public static void Write(IReadOnlyList<ComplexityYearResult> results, string locColumn, string prodColumn, string? timeColumn, string path)
    {
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            TextFiles.WriteAtomic(path, s => WriteCsv(results, locColumn, prodColumn, timeColumn, s));
        else
            TableFiles.Write(ToTable(results, locColumn, prodColumn, timeColumn), path);
    }

    /// <summary>
    /// <see cref="ToTable"/>'s table as CSV to <paramref name="output"/> (left open): the bytes of <see cref="CsvTableWriter"/>
    /// for that table, formatted straight from the results (through the table only when a label is too long for a row buffer).
    /// </summary>
    public static void WriteCsv(IReadOnlyList<ComplexityYearResult> results, string locColumn, string prodColumn, string? timeColumn, Stream output)
    {
        if (ComplexityCsvRows.TryCreate(results, locColumn, prodColumn, timeColumn) is { } rows)
            CsvTableWriter.Write(rows, output, parallel: true);
        else
            CsvTableWriter.Write(ToTable(results, locColumn, prodColumn, timeColumn), output);
    }

    /// <summary>
    /// time, locations, products, lambda2, lambda3, eigengap, corr_diversity, reflections_agreement,
    /// corr_previous, sign_correlation, sign_rule, sign_flipped, eigen_converged, reliable, warning.
    /// </summary>
    public static Table DiagnosticsTable(IReadOnlyList<ComplexityYearResult> results)
    {
        var d = results.Select(r => r.Diagnostics).ToArray();
        return new Table(new[]
        {
            TableColumn.Of("time", d.Select(x => (string?)x.Time).ToArray()),
            TableColumn.Of("locations", d.Select(x => x.Locations).ToArray()),
            TableColumn.Of("products", d.Select(x => x.Products).ToArray()),
            TableColumn.Of("lambda2", d.Select(x => x.Lambda2).ToArray()),
            TableColumn.Of("lambda3", d.Select(x => x.Lambda3).ToArray()),
            TableColumn.Of("eigengap", d.Select(x => x.Eigengap).ToArray()),
            TableColumn.Of("corr_diversity", d.Select(x => x.CorrDiversity).ToArray()),
            TableColumn.Of("reflections_agreement", d.Select(x => x.ReflectionsAgreement).ToArray()),
            TableColumn.Of("corr_previous", d.Select(x => x.CorrPrevious).ToArray()),
            TableColumn.Of("sign_correlation", d.Select(x => x.SignCorrelation).ToArray()),
            TableColumn.Of("sign_rule", d.Select(x => (string?)x.SignRule).ToArray()),
            TableColumn.Of("sign_flipped", d.Select(x => x.SignFlipped).ToArray()),
            TableColumn.Of("eigen_converged", d.Select(x => x.EigenConverged).ToArray()),
            TableColumn.Of("reliable", d.Select(x => x.Reliable).ToArray()),
            TableColumn.Of("warning", d.Select(x => (string?)(x.Warning.Length == 0 ? null : x.Warning)).ToArray()),
        });
    }
}
