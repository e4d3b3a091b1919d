using CompeteModel.Engine.Reporting;
using CompeteModel.Engine.IO;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Table = CompeteModel.Engine.IO.Table;
using TableColumn = CompeteModel.Engine.IO.TableColumn;

namespace CompeteModel.Tests.Reporting;

public class ExcelWriterTests
{
    private static Table Rankings() => new([
        TableColumn.Of("sector", new string?[] { "29", "24", null }),
        TableColumn.Of("composite", new[] { 81.257, double.NaN, 0.1 + 0.2 }),
        TableColumn.Of("rank", new[] { 1, 2, 3 }),
        TableColumn.Of("employment", new long[] { 40000, 10000, 0 }),
        TableColumn.Of("reliable", new[] { true, false, true }),
    ]);

    [Fact]
    public void WorkbookHasOneSheetPerTableWithTypedCells()
    {
        var path = Path.Combine(Path.GetTempPath(), "compete-" + Guid.NewGuid().ToString("N") + ".xlsx");
        try
        {
            var notes = new Table([TableColumn.Of("note", new string?[] { " leading space", "a<b&c" })]);
            ExcelWriter.Write(path, [("rankings", Rankings()), ("notes: [x]", notes), ("rankings", notes)]);
            using var doc = SpreadsheetDocument.Open(path, false);
            var wb = doc.WorkbookPart!;
            var sheets = wb.Workbook.Sheets!.Elements<Sheet>().ToList();
            Assert.Equal(["rankings", "notes_ _x_", "rankings~2"], sheets.Select(s => s.Name!.Value));

            var ws = ((WorksheetPart)wb.GetPartById(sheets[0].Id!)).Worksheet;
            var cells = ws.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
            Assert.Equal("composite", cells["B1"].InlineString!.Text!.Text);
            Assert.Equal(1U, cells["B1"].StyleIndex!.Value);
            var bold = wb.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>().ElementAt(1);
            Assert.NotNull(bold.Bold);
            Assert.Equal("81.257", cells["B2"].CellValue!.Text);
            Assert.Null(cells["B2"].DataType);                       // numeric cell
            Assert.False(cells.ContainsKey("B3"));                   // NaN → empty
            Assert.Equal("0.30000000000000004", cells["B4"].CellValue!.Text); // round-trip, as in the CSV
            Assert.Equal("40000", cells["D2"].CellValue!.Text);
            Assert.Equal(CellValues.Boolean, cells["E3"].DataType!.Value);
            Assert.Equal("0", cells["E3"].CellValue!.Text);
            Assert.False(cells.ContainsKey("A4"));                   // null text → empty
            var pane = ws.Descendants<Pane>().Single();
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            Assert.Equal("A2", pane.TopLeftCell!.Value);

            var ws2 = ((WorksheetPart)wb.GetPartById(sheets[1].Id!)).Worksheet;
            var texts = ws2.Descendants<Cell>().Select(c => c.InlineString!.Text!.Text).ToList();
            Assert.Equal(["note", " leading space", "a<b&c"], texts);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SameTablesGiveSameBytes_WhateverTheClock()
    {
        // Two writes a second apart can fall in one 2-second zip time bucket and match by luck; what makes the bytes
        // independent of the clock is that every entry carries the fixed 1980-01-01 stamp, so check that directly.
        var a = ExcelWriter.ToBytes([("rankings", Rankings())]);
        var b = ExcelWriter.ToBytes([("rankings", Rankings())]);
        Assert.Equal(a, b);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(a), System.IO.Compression.ZipArchiveMode.Read);
        Assert.NotEmpty(zip.Entries);
        foreach (var entry in zip.Entries)
            Assert.Equal(new DateTime(1980, 1, 1, 0, 0, 0), entry.LastWriteTime.DateTime);
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(51, "AZ")]
    [InlineData(52, "BA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void ColumnNames(int index, string name) => Assert.Equal(name, ExcelWriter.ColumnName(index));
}
