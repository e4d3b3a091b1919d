namespace CompeteModel.Engine.Reporting;

/// <summary>
/// A self-contained section of a report: a title, a paragraph, a table of already formatted cells and notes under it
/// (the districts of a region side by side, innovation context, the datasets a run used). Renderers print it as it is.
/// </summary>
public sealed record ReportSection(string Title, string Intro, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>Notes printed under the table (sources, caveats).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The workbook sheet the table goes to (at most 31 characters), or null for the report only.</summary>
    public string? Sheet { get; init; }

    /// <summary>The numbers behind the table for the workbook (null: the formatted cells are written).</summary>
    public IO.Table? Data { get; init; }

    /// <summary>The table for the workbook: <see cref="Data"/>, else the formatted cells as text.</summary>
    public IO.Table ToTable() => Data ?? new(Headers.Select((h, c) => IO.TableColumn.Of(h, Rows.Select(r => (string?)(c < r.Count ? r[c] : "")).ToArray())).ToArray());

    /// <summary>Columns (by index) holding numbers, right-aligned.</summary>
    public IReadOnlySet<int> NumericColumns { get; init; } = new HashSet<int>();
}
