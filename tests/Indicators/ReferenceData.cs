using System.Globalization;
using CompeteModel.Engine.Ingest;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Panels;

namespace CompeteModel.Tests.Indicators;

/// <summary>The REAT reference data sets (datasets/reference, see its ATTRIBUTION.md) as panels and long tables.</summary>
internal static class ReferenceData
{
    /// <summary>Göttingen and BRD, 15 WZ 2008 sections, 2008–2017; the first row (total A–R) is left out.</summary>
    public static Panel Goettingen()
    {
        var t = TableFiles.Read(TestData.Reference("Goettingen.csv"));
        var code = t.Column("WZ2008_Code");
        var rows = new List<(string, string, int, double)>();
        for (int i = 0; i < t.RowCount; i++)
        {
            string c = t.GetText(code, i)!;
            if (c == "A-R") continue;
            for (int y = 2008; y <= 2017; y++)
                foreach (var region in new[] { "Goettingen", "BRD" })
                    rows.Add((region, c, y, t.GetDouble(t.Column(region + y.ToString(CultureInfo.InvariantCulture)), i)));
        }
        return LongTablePanel.FromTable(Long(rows), "region", "sector", "year", "value", new RowAccount("Goettingen"));
    }

    /// <summary>Freiburg and Germany, 9 sectors, 2008 and 2014, as a long table.</summary>
    public static Table FreiburgLong()
    {
        var t = TableFiles.Read(TestData.Reference("Freiburg.csv"));
        var industry = t.Column("industry");
        var rows = new List<(string, string, int, double)>();
        for (int i = 0; i < t.RowCount; i++)
            foreach (var (region, prefix) in new[] { ("Freiburg", "e_Freiburg"), ("Germany", "e_Germany") })
                foreach (var y in new[] { 2008, 2014 })
                    rows.Add((region, t.GetText(industry, i)!, y, t.GetDouble(t.Column(prefix + y.ToString(CultureInfo.InvariantCulture)), i)));
        return Long(rows);
    }

    private static Table Long(List<(string Region, string Sector, int Year, double Value)> rows) => new(new[]
    {
        TableColumn.Of("region", rows.Select(r => (string?)r.Region).ToArray()),
        TableColumn.Of("sector", rows.Select(r => (string?)r.Sector).ToArray()),
        TableColumn.Of("year", rows.Select(r => r.Year).ToArray()),
        TableColumn.Of("value", rows.Select(r => r.Value).ToArray()),
    });
}
