using System.Globalization;
using System.IO.Compression;
using System.Text;
using CompeteModel.Engine.IO;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Table = CompeteModel.Engine.IO.Table;

namespace CompeteModel.Engine.Reporting;

/// <summary>
/// Writes engine <see cref="Table"/>s to an .xlsx workbook, one sheet per table (plus any <see cref="FormulaSheet"/>s,
/// written cell by cell with live formulas and their current values): a bold, frozen header
/// row; numbers as numeric cells (double in round-trip form, so Excel shows the same value as the CSV);
/// booleans as Excel booleans; text as inline strings; NaN and null as empty cells. The bytes are
/// deterministic (fixed relationship ids, zip entries re-stamped 1980-01-01) and the file is written
/// atomically (temporary file, then rename).
/// </summary>
public static class ExcelWriter
{
    private static readonly DateTimeOffset ZipEpoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Writes the workbook to <paramref name="path"/>; sheet names are made valid for Excel (≤ 31 characters, no []:*?/\, unique).</summary>
    public static void Write(string path, IReadOnlyList<(string Name, Table Table)> sheets) => Write(path, sheets, []);

    /// <summary>
    /// Writes the table sheets with the formula sheets placed after the first table sheet; a workbook with formulas is
    /// marked to be recalculated when opened.
    /// </summary>
    public static void Write(string path, IReadOnlyList<(string Name, Table Table)> sheets, IReadOnlyList<(string Name, FormulaSheet Sheet)> formulaSheets)
    {
        var bytes = ToBytes(sheets, formulaSheets);
        TextFiles.WriteAtomic(path, s => s.Write(bytes));
    }

    /// <summary>The workbook's bytes.</summary>
    public static byte[] ToBytes(IReadOnlyList<(string Name, Table Table)> sheets) => ToBytes(sheets, []);

    /// <summary>The workbook's bytes, formula sheets after the first table sheet.</summary>
    public static byte[] ToBytes(IReadOnlyList<(string Name, Table Table)> sheets, IReadOnlyList<(string Name, FormulaSheet Sheet)> formulaSheets)
    {
        if (sheets.Count == 0) throw new ArgumentException("a workbook needs at least one sheet", nameof(sheets));
        var all = new List<(string Name, Func<Worksheet> Make)> { (sheets[0].Name, () => Sheet(sheets[0].Table, true)) };
        all.AddRange(formulaSheets.Select(f => (f.Name, (Func<Worksheet>)(() => Sheet(f.Sheet)))));
        all.AddRange(sheets.Skip(1).Select(t => (t.Name, (Func<Worksheet>)(() => Sheet(t.Table, false)))));
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rIdWorkbook");
            wb.Workbook = new Workbook();
            var styles = wb.AddNewPart<WorkbookStylesPart>("rIdStyles");
            styles.Stylesheet = Stylesheet();
            var sheetList = wb.Workbook.AppendChild(new Sheets());
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < all.Count; i++)
            {
                var relId = "rIdSheet" + (i + 1).ToString(CultureInfo.InvariantCulture);
                var part = wb.AddNewPart<WorksheetPart>(relId);
                part.Worksheet = all[i].Make();
                sheetList.Append(new Sheet { Id = relId, SheetId = (uint)(i + 1), Name = UniqueName(all[i].Name, names) });
            }
            if (formulaSheets.Count > 0) wb.Workbook.Append(new CalculationProperties { CalculationId = 191029U, FullCalculationOnLoad = true });
        }
        return Restamp(ms.ToArray());
    }

    /// <summary>Excel column letters: 0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnName(int index)
    {
        var sb = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) sb.Insert(0, (char)('A' + (n - 1) % 26));
        return sb.ToString();
    }

    private static Worksheet Sheet(Table t, bool selected)
    {
        var pane = new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen };
        var view = new SheetView(pane, new Selection { Pane = PaneValues.BottomLeft }) { WorkbookViewId = 0U, TabSelected = selected };
        var data = new SheetData();
        var header = new Row { RowIndex = 1U };
        for (int c = 0; c < t.Columns.Count; c++) header.Append(TextCell(ColumnName(c) + "1", t.Columns[c].Name, bold: true));
        data.Append(header);
        for (int r = 0; r < t.RowCount; r++)
        {
            uint rowIndex = (uint)(r + 2);
            var row = new Row { RowIndex = rowIndex };
            var suffix = rowIndex.ToString(CultureInfo.InvariantCulture);
            for (int c = 0; c < t.Columns.Count; c++)
            {
                var reference = ColumnName(c) + suffix;
                Cell? cell = t.Columns[c].Data switch
                {
                    double[] d => double.IsFinite(d[r]) ? NumberCell(reference, d[r].ToString("R", CultureInfo.InvariantCulture)) : null,
                    long[] l => NumberCell(reference, l[r].ToString(CultureInfo.InvariantCulture)),
                    int[] n => NumberCell(reference, n[r].ToString(CultureInfo.InvariantCulture)),
                    bool[] b => new Cell { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(b[r] ? "1" : "0") },
                    string?[] s => s[r] is { } text ? TextCell(reference, text, bold: false) : null,
                    _ => throw new InvalidOperationException("unsupported column type"),
                };
                if (cell is not null) row.Append(cell);
            }
            data.Append(row);
        }
        return new Worksheet(new SheetViews(view), data);
    }

    private static Worksheet Sheet(FormulaSheet f)
    {
        var data = new SheetData();
        Row? row = null;
        foreach (var c in f.Cells)
        {
            uint rowIndex = (uint)(c.Row + 1);
            if (row is null || row.RowIndex!.Value != rowIndex)
            {
                row = new Row { RowIndex = rowIndex };
                data.Append(row);
            }
            var reference = ColumnName(c.Column) + rowIndex.ToString(CultureInfo.InvariantCulture);
            Cell cell;
            if (c.Formula is not null)
            {
                cell = new Cell { CellReference = reference, CellFormula = new CellFormula(c.Formula) };
                if (double.IsFinite(c.Number)) cell.CellValue = new CellValue(c.Number.ToString("R", CultureInfo.InvariantCulture));
                else { cell.DataType = CellValues.String; cell.CellValue = new CellValue(""); }
            }
            else if (c.Text is not null) cell = TextCell(reference, c.Text, bold: c.Style == 1);
            else cell = NumberCell(reference, c.Number.ToString("R", CultureInfo.InvariantCulture));
            if (c.Style == 2) cell.StyleIndex = 2U;
            row.Append(cell);
        }
        var top = "A" + (f.FrozenRows + 1).ToString(CultureInfo.InvariantCulture);
        var pane = new Pane { VerticalSplit = f.FrozenRows, HorizontalSplit = 2D, TopLeftCell = "C" + (f.FrozenRows + 1).ToString(CultureInfo.InvariantCulture), ActivePane = PaneValues.BottomRight, State = PaneStateValues.Frozen };
        var view = new SheetView(pane, new Selection { Pane = PaneValues.BottomRight, ActiveCell = top, SequenceOfReferences = new ListValue<StringValue> { InnerText = top } }) { WorkbookViewId = 0U };
        return new Worksheet(new SheetViews(view), data);
    }

    private static Cell NumberCell(string reference, string value) => new() { CellReference = reference, CellValue = new CellValue(value) };

    private static Cell TextCell(string reference, string text, bool bold)
    {
        var clean = new string(text.Where(ch => ch >= 0x20 || ch is '\t' or '\n' or '\r').ToArray());
        var t = new Text(clean);
        if (clean.Length > 0 && (char.IsWhiteSpace(clean[0]) || char.IsWhiteSpace(clean[^1]))) t.Space = SpaceProcessingModeValues.Preserve;
        var cell = new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(t) };
        if (bold) cell.StyleIndex = 1U;
        return cell;
    }

    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(new FontSize { Val = 11D }, new FontName { Val = "Calibri" }),
                  new Font(new Bold(), new FontSize { Val = 11D }, new FontName { Val = "Calibri" }))
        { Count = 2U },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }),
                  new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                  new Fill(new PatternFill(new ForegroundColor { Rgb = "FFFFF2CC" }) { PatternType = PatternValues.Solid }))
        { Count = 3U },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1U },
        new CellFormats(new CellFormat { FontId = 0U, FillId = 0U, BorderId = 0U },
                        new CellFormat { FontId = 1U, FillId = 0U, BorderId = 0U, ApplyFont = true },
                        new CellFormat { FontId = 0U, FillId = 2U, BorderId = 0U, ApplyFill = true })
        { Count = 3U });

    private static string UniqueName(string name, HashSet<string> used)
    {
        var sb = new StringBuilder();
        foreach (var ch in name) sb.Append(ch is '[' or ']' or ':' or '*' or '?' or '/' or '\\' ? '_' : ch);
        var baseName = sb.ToString().Trim('\'').Trim();
        if (baseName.Length == 0) baseName = "Sheet";
        if (baseName.Length > 31) baseName = baseName[..31];
        var candidate = baseName;
        for (int k = 2; !used.Add(candidate); k++)
        {
            var tag = "~" + k.ToString(CultureInfo.InvariantCulture);
            candidate = (baseName.Length + tag.Length > 31 ? baseName[..(31 - tag.Length)] : baseName) + tag;
        }
        return candidate;
    }

    /// <summary>Copies the package into a new zip with every entry's time set to 1980-01-01, so equal content gives equal bytes.</summary>
    private static byte[] Restamp(byte[] package)
    {
        using var src = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var outMs = new MemoryStream();
        using (var dst = new ZipArchive(outMs, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var e in src.Entries)
            {
                var copy = dst.CreateEntry(e.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = ZipEpoch;
                using var from = e.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }
        return outMs.ToArray();
    }
}
