using CompeteModel.Cli;
using CompeteModel.Engine.IO;

namespace CompeteModel.Tests.Indicators;

[Collection("Console")]
public class IndicatorsCommandTests
{
    [Fact]
    public void Runs_on_the_Freiburg_data_and_writes_the_long_table()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"ind-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            string input = Path.Combine(dir, "freiburg_long.csv"), output = Path.Combine(dir, "out.csv");
            TableFiles.WriteCsv(ReferenceData.FreiburgLong(), input);
            int rc = CliCapture.Invoke(new[]
            {
                "indicators", "--input", input, "--region-col", "region", "--sector-col", "sector",
                "--year-col", "year", "--value-col", "value", "--benchmark", "Germany", "--region", "Freiburg",
                "--year", "2014", "--base-year", "2008", "--out", output,
            });
            Assert.Equal(0, rc);
            var t = TableFiles.Read(output);
            Assert.Equal(new[] { "region", "sector", "year", "indicator", "value", "lower", "upper", "reliable", "firms", "reason" },
                t.Columns.Select(c => c.Name).ToArray());
            int Row(string sector, string indicator)
            {
                for (int i = 0; i < t.RowCount; i++)
                    if (t.GetText(t.Column("sector"), i) == sector && t.GetText(t.Column("indicator"), i) == indicator) return i;
                throw new Xunit.Sdk.XunitException($"no row {sector} {indicator}");
            }
            // REAT gini.spec(Freiburg 2014, Germany 2014) = 0.2089009 (published)
            Assert.Equal(0.2089009, t.GetDouble(t.Column("value"), Row("*", "gini")), 7);
            Assert.Equal(9887.278398260894, t.GetDouble(t.Column("value"), Row("*", "ss_national")), 6);
            Assert.Equal("2014", t.GetText(t.Column("year"), Row("*", "gini")));
            // 9 sectors × 13 sector-level ids (lq, present, growth, cagr, gvb, 5 shift-share, 3 dynamic),
            // 11 region rows of the same ids (all but lq and present) and 7 concentration rows
            Assert.Equal(9 * 13 + 11 + 7, t.RowCount);

            // Parquet output holds the same table
            var parquet = Path.Combine(dir, "out.parquet");
            Assert.Equal(0, CliCapture.Invoke(new[]
            {
                "indicators", "--input", input, "--benchmark", "Germany", "--year", "2014", "--base-year", "2008", "--out", parquet,
            }));
            var back = TableFiles.Read(parquet);
            Assert.Equal(t.Columns.Select(c => c.Name).ToArray(), back.Columns.Select(c => c.Name).ToArray());
            Assert.Equal(t.RowCount, back.RowCount);
            // the same rows as the CSV of the same run (which also named --region Freiburg: the only region besides Germany)
            foreach (var name in new[] { "region", "sector", "year", "indicator", "reliable", "firms", "reason" })
                for (int i = 0; i < t.RowCount; i++)
                    Assert.Equal(t.GetText(t.Column(name), i) ?? "", back.GetText(back.Column(name), i) ?? "");
            foreach (var name in new[] { "value", "lower", "upper" })
                for (int i = 0; i < t.RowCount; i++)
                    Assert.Equal(t.GetDouble(t.Column(name), i), back.GetDouble(back.Column(name), i));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void A_missing_column_exits_1_and_no_input_exits_2()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"ind-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var input = Path.Combine(dir, "in.csv");
            TableFiles.WriteCsv(ReferenceData.FreiburgLong(), input);
            Assert.Equal(1, CliCapture.Invoke(new[] { "indicators", "--input", input, "--value-col", "employment", "--year", "2014", "--base-year", "2008", "--out", Path.Combine(dir, "o.csv") }));
            Assert.Equal(2, CliCapture.Invoke(new[] { "indicators", "--year", "2014", "--base-year", "2008" }));
            Assert.False(File.Exists(Path.Combine(dir, "o.csv")));
        }
        finally { Directory.Delete(dir, true); }
    }
}
