using System.Globalization;
using CompeteModel.Cli;
using CompeteModel.Engine.Complexity;
using CompeteModel.Engine.IO;

namespace CompeteModel.Tests.Complexity;

/// <summary><c>compete complexity</c> run in-process on a small panel fixture.</summary>
[Collection("Console")]
public class ComplexityCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "compete-cx-" + Guid.NewGuid().ToString("N")[..8]);

    public ComplexityCommandTests() => Directory.CreateDirectory(_dir);
    public void Dispose() => Directory.Delete(_dir, true);

    private static readonly string Fixture = TestData.Fixture("Complexity/small_panel.csv");

    private static (int Code, string Out, string Err) Run(params string[] args) => CliCapture.Run(args);

    [Fact]
    public void Writes_py_ecomplexity_columns_with_round_trip_values_equal_to_the_engine()
    {
        var outFile = Path.Combine(_dir, "out.csv");
        var diag = Path.Combine(_dir, "diag.csv");
        var (code, _, err) = Run("complexity", "--input", Fixture, "--loc", "place", "--prod", "sector", "--val", "jobs",
            "--time", "year", "--out", outFile, "--diagnostics", diag, "--sign", "previous-year");
        Assert.True(code == 0, err);
        Assert.Contains("60 read, 60 used, 0 unknown", err);
        Assert.Contains("warning: ECI for period 2020 is not reliable", err);

        var t = TableFiles.Read(outFile);
        Assert.Equal(["year", "place", "sector", "diversity", "ubiquity", "mcp", "eci", "pci", "density", "coi", "cog", "rca"],
            t.Columns.Select(c => c.Name));
        Assert.Equal(2 * 5 * 6, t.RowCount);

        var input = ComplexityInput.FromTable(TableFiles.Read(Fixture), "place", "sector", "jobs", "year");
        var expected = ComplexityCalculator.ComputePanel(input.Years, new ComplexityOptions { Sign = SignRule.PreviousYear });
        var table = ComplexityOutput.ToTable(expected, "place", "sector", "year");
        for (int c = 0; c < table.Columns.Count; c++)
            for (int r = 0; r < t.RowCount; r++)
                Assert.Equal(table.GetText(table.Columns[c], r), t.GetText(t.Columns[c], r));
        // Round trip: the text parses back to the engine's double exactly.
        var eci = t.Column("eci");
        Assert.Equal(expected[1].Eci[0], double.Parse(t.GetText(eci, 30)!, CultureInfo.InvariantCulture));

        var d = TableFiles.Read(diag);
        Assert.Equal(2, d.RowCount);
        Assert.Equal("false", d.GetText(d.Column("reliable"), 0));
        Assert.Equal("previous-year", d.GetText(d.Column("sign_rule"), 1));
        Assert.True(double.Parse(d.GetText(d.Column("corr_previous"), 1)!, CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public void Writes_parquet_by_extension()
    {
        var csv = Path.Combine(_dir, "out.csv");
        var pq = Path.Combine(_dir, "out.parquet");
        string[] common = ["complexity", "--input", Fixture, "--loc", "place", "--prod", "sector", "--val", "jobs", "--time", "year"];
        Assert.Equal(0, Run([.. common, "--out", csv]).Code);
        Assert.Equal(0, Run([.. common, "--out", pq]).Code);
        Assert.Equal(61, File.ReadAllLines(csv).Length);
        // The Parquet file holds exactly the CSV's cells (doubles compared as numbers, round-trip exact).
        var a = CompeteModel.Engine.IO.TableFiles.Read(csv);
        var b = CompeteModel.Engine.IO.TableFiles.Read(pq);
        Assert.Equal(a.RowCount, b.RowCount);
        Assert.Equal(a.Columns.Select(c => c.Name), b.Columns.Select(c => c.Name));
        foreach (var c in a.Columns)
            for (int r = 0; r < a.RowCount; r++)
            {
                var bc = b.Column(c.Name);
                if (bc.Data is double[]) Assert.Equal(a.GetDouble(c, r), b.GetDouble(bc, r));
                else Assert.Equal(a.GetText(c, r), b.GetText(bc, r));
            }
    }

    [Fact]
    public void Anchor_sign_rule_and_location_report()
    {
        var outFile = Path.Combine(_dir, "out.csv");
        var (code, stdout, err) = Run("complexity", "--input", Fixture, "--loc", "place", "--prod", "sector", "--val", "jobs",
            "--time", "year", "--out", outFile, "--sign", "anchor", "--anchor", TestData.Fixture("Complexity/anchor.csv"),
            "--report-location", "east", "--top", "2");
        Assert.True(code == 0, err);
        Assert.Contains("location: east in 2021", stdout);
        Assert.Contains("of 5 reference locations", stdout);
        Assert.Contains("product,cog,density,pci,rca", stdout);
    }

    [Fact]
    public void Bad_input_exits_1_and_usage_errors_exit_2()
    {
        var outFile = Path.Combine(_dir, "out.csv");
        var (code, _, err) = Run("complexity", "--input", Fixture, "--loc", "nosuch", "--prod", "sector", "--val", "jobs", "--out", outFile);
        Assert.Equal(1, code);
        Assert.Contains("column 'nosuch' not found", err);
        Assert.Equal(2, Run("complexity", "--input", Fixture, "--loc", "place", "--prod", "sector", "--val", "jobs", "--out", outFile, "--sign", "anchor").Code);
        Assert.Equal(2, Run("complexity", "--input", Fixture, "--loc", "place", "--prod", "sector", "--val", "jobs", "--out", outFile, "--sign", "sideways").Code);
        Assert.False(File.Exists(outFile));
    }
}
