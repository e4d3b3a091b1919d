using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Ingest;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Panels;

namespace CompeteModel.Tests.Indicators;

public class LongTablePanelTests
{
    [Fact]
    public void Every_row_is_used_unknown_or_rejected_with_its_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"long-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, string.Join("\n",
            "region,sector,year,value",
            "A,x,2020,10",       // line 2 used
            "A,y,2020,..",       // line 3 unknown
            "B,x,2020,7",        // line 4 used
            ",x,2020,3",         // line 5 no region
            "B,y,20x0,3",        // line 6 bad year
            "B,y,2020,abc",      // line 7 not a number
            "A,x,2020,11",       // line 8 duplicate cell
            "B,y,2021,",         // line 9 unknown (empty)
            "A,x,2021,12") + "\n");
        try
        {
            var account = new RowAccount(path);
            var panel = LongTablePanel.FromTable(TableFiles.Read(path), "region", "sector", "year", "value", account);
            Assert.Equal(9, account.Read);
            Assert.Equal(3, account.Used);
            Assert.Equal(2, account.Unknown);
            Assert.Equal(4, account.Rejected);
            Assert.Equal(new long[] { 5, 6, 7, 8 }, account.Rejects.Select(r => r.Line).ToArray());
            Assert.Equal("value", account.Rejects[2].Field);
            Assert.Equal(new[] { "A", "B" }, panel.Regions.Select(r => r.Id).ToArray());
            Assert.Equal(new[] { 2020, 2021 }, panel.Years.ToArray());
            var v = panel[Measure.Value].Value;
            Assert.Equal(10, v[panel.Index(0, 0, 0)]);
            Assert.True(double.IsNaN(v[panel.Index(0, 1, 0)])); // '..' stays unknown, never 0
            Assert.True(double.IsNaN(v[panel.Index(1, 0, 1)])); // never given
            Assert.Equal(12, v[panel.Index(0, 0, 1)]);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_missing_column_is_an_input_error_naming_the_columns()
    {
        var t = new Table(new[] { TableColumn.Of("region", new string?[] { "A" }), TableColumn.Of("value", new[] { 1.0 }) });
        var e = Assert.Throws<InputException>(() => LongTablePanel.FromTable(t, "region", "sector", "year", "value", new RowAccount("t")));
        Assert.Contains("sector", e.Message);
    }
}
