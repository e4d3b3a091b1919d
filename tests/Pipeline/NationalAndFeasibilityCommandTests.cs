using CompeteModel.Cli;
using CompeteModel.Engine.IO;

namespace CompeteModel.Tests.Pipeline;

[Collection("Console")]
public class NationalAndFeasibilityCommandTests
{
    private static string Temp() => Directory.CreateTempSubdirectory("cm-run-").FullName;

    [Fact]
    public void National_run_on_world_trade_ranks_Costa_Rica_products_with_bananas_first()
    {
        // Costa Rica's revealed comparative advantage in 0573 (bananas, fresh or dried) is 32.8 in the
        // economiccomplexity world trade data (computed from the file by NationalRunTests); it leads the ranking.
        var dir = Temp();
        int rc = CommandCatalog.Invoke(["run", "--input", TestData.Reference("world_trade_avg_1998_to_2000.csv"),
            "--region", "cri", "--draws", "50", "--out", dir, "--data", TestData.Datasets]);
        Assert.Equal(0, rc);
        var t = TableFiles.Read(Path.Combine(dir, "rankings.csv"));
        Assert.Equal(785, t.RowCount);
        Assert.Equal("0573", t.GetText(t.Column("product"), 0));
        Assert.Equal(1, t.GetDouble(t.Column("rank"), 0));
    }

    [Fact]
    public void Feasibility_compares_the_national_and_city_region_models()
    {
        var dir = Temp();
        // the firm-vs-published comparison needs firm data: here the generated WMCA firms, asked for explicitly
        int rc = CommandCatalog.Invoke(["feasibility", "--generated-firms", "--draws", "40", "--out", dir, "--data", TestData.Datasets]);
        Assert.Equal(0, rc);
        var md = File.ReadAllText(Path.Combine(dir, "feasibility.md"));
        Assert.Contains("Spearman", md);
        Assert.Contains("UK among EU-28", md);
        var nat = TableFiles.Read(Path.Combine(dir, "national_rankings.csv"));
        Assert.Equal(10, nat.RowCount);
    }

    [Fact]
    public void Feasibility_without_firm_data_is_a_usage_error()
    {
        Assert.Equal(2, CommandCatalog.Invoke(["feasibility", "--no-micro", "--data", TestData.Datasets]));
        // no firm data named at all is the same usage error: generated firms are never used unasked
        Assert.Equal(2, CommandCatalog.Invoke(["feasibility", "--data", TestData.Datasets]));
    }
}
