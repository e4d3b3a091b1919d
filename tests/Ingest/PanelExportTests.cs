using System.Globalization;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Tests.Ingest;

public class PanelExportTests
{
    private static Panel Sample()
    {
        // WMCA and North Eastern Scotland by division, 2015 and 2021: holds unknown cells (NaN) and partial sums (upper +∞).
        var uk = UkDataTests.Data.Value;
        return uk.BuildEmploymentPanel(new[] { uk.Geography.Resolve("wmca"), uk.Geography.Resolve("TLM5") }, SectorLevel.Division, new[] { 2015, 2021 });
    }

    [Fact]
    public void Long_table_has_one_row_per_cell_with_the_agreed_columns()
    {
        var p = Sample();
        var t = PanelExport.ToLongTable(p);
        Assert.Equal(new[] { "region", "region_name", "sector", "sector_name", "year", "measure", "value", "lower", "upper", "firms", "provenance" },
            t.Columns.Select(c => c.Name));
        Assert.Equal(p.CellCount, t.RowCount);
        Assert.Equal("E47000007", t.GetText(t.Column("region"), 0));
        Assert.Equal("PublishedStatistics", t.GetText(t.Column("provenance"), 0));
        Assert.All((int[])t.Column("firms").Data, f => Assert.Equal(0, f));
        Assert.Contains((double[])t.Column("upper").Data, double.IsPositiveInfinity);
    }

    [Fact]
    public void Round_trip_through_CSV_gives_identical_values()
    {
        var t = PanelExport.ToLongTable(Sample());
        var path = Path.Combine(Path.GetTempPath(), $"panel_{Guid.NewGuid():N}.csv");
        try
        {
            TableFiles.Write(t, path);
            var back = TableFiles.Read(path);
            Assert.Equal(t.RowCount, back.RowCount);
            foreach (var name in new[] { "value", "lower", "upper" })
                AssertBitIdentical((double[])t.Column(name).Data, ((string?[])back.Column(name).Data).Select(ParseCsv).ToArray());
            foreach (var name in new[] { "region", "region_name", "sector", "sector_name", "year", "measure", "firms", "provenance" })
                for (int i = 0; i < t.RowCount; i++)
                    Assert.Equal(t.GetText(t.Column(name), i), back.GetText(back.Column(name), i));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Round_trip_through_Parquet_gives_identical_values()
    {
        var t = PanelExport.ToLongTable(Sample());
        var path = Path.Combine(Path.GetTempPath(), $"panel_{Guid.NewGuid():N}.parquet");
        try
        {
            TableFiles.Write(t, path);
            var back = TableFiles.Read(path);
            Assert.Equal(t.RowCount, back.RowCount);
            foreach (var name in new[] { "value", "lower", "upper" })
                AssertBitIdentical((double[])t.Column(name).Data, (double[])back.Column(name).Data);
            Assert.Equal((int[])t.Column("year").Data, (int[])back.Column("year").Data);
            Assert.Equal((int[])t.Column("firms").Data, (int[])back.Column("firms").Data);
            foreach (var name in new[] { "region", "sector", "sector_name", "measure", "provenance" })
                Assert.Equal((string?[])t.Column(name).Data, (string?[])back.Column(name).Data);
        }
        finally { File.Delete(path); }
    }

    private static void AssertBitIdentical(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected[i]), BitConverter.DoubleToInt64Bits(actual[i]));
    }

    // CSV cells are text: NaN is written empty, +∞ as "Infinity" (Numbers.TryParse does not accept it, so parse directly).
    private static double ParseCsv(string? s) => s is null ? double.NaN : double.Parse(s, CultureInfo.InvariantCulture);
}
