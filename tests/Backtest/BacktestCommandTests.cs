using CompeteModel.Engine.Backtest;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Scoring;

namespace CompeteModel.Tests.Backtest;

/// <summary>
/// <c>compete backtest</c> on the shipped BRES panel (main variant only, few bootstrap draws, to stay fast): the files,
/// the printed numbers, and the properties the acceptance asks for.
/// </summary>
[Collection("Console")]
public class BacktestCommandTests
{
    [Fact]
    public void Backtest_on_the_shipped_data_writes_the_report_and_prints_the_key_numbers()
    {
        var dir = Directory.CreateTempSubdirectory("cm-backtest-").FullName;
        var (code, output, err) = CliCapture.Run("backtest", "--from", "2015", "--to", "2021", "--level", "division", "--draws", "60",
            "--no-robustness", "--out", dir, "--data", TestData.Datasets);
        Assert.True(code == 0, err);
        foreach (var id in new[] { "density", "cog", "pci", "composite" })
        {
            Assert.Contains("entry AUC " + id, output);
            Assert.Contains("growth ρ " + id, output);
        }
        Assert.Contains("placebo", output);
        foreach (var f in new[] { "backtest.md", "backtest.html", "backtest.csv", BacktestFiles.DecileChart, BacktestFiles.RocChart })
            Assert.True(File.Exists(Path.Combine(dir, f)), f);
        Assert.StartsWith("<svg", File.ReadAllText(Path.Combine(dir, BacktestFiles.RocChart)));
        Assert.Contains("<table>", File.ReadAllText(Path.Combine(dir, "backtest.html")));

        var t = TableFiles.Read(Path.Combine(dir, "backtest.csv"));
        (double V, double Lo, double Hi) Get(string stat, string ind)
        {
            for (int i = 0; i < t.RowCount; i++)
                if (t.GetText(t.Column("statistic"), i) == stat && t.GetText(t.Column("indicator"), i) == ind)
                    return (t.GetDouble(t.Column("value"), i), t.GetDouble(t.Column("lower_95"), i), t.GetDouble(t.Column("upper_95"), i));
            throw new Xunit.Sdk.XunitException($"no row {stat}/{ind}");
        }
        foreach (var id in new[] { "density", "cog", "pci", "composite" })
        {
            var (v, lo, hi) = Get("entry_auc", id);
            Assert.InRange(v, 0, 1);
            Assert.True(lo <= v && v <= hi, $"{id}: {lo} ≤ {v} ≤ {hi}");
        }
        // Relatedness density predicts entry on UK regions (Neffke et al. 2011 found the same for Swedish regions):
        // its interval lies above 0.5, and the placebo's within-region interval holds 0.5.
        Assert.True(Get("entry_auc", "density").Lo > 0.5);
        var placebo = Get("placebo_within_region_entry_auc", "density");
        Assert.True(placebo.Lo <= 0.5 && 0.5 <= placebo.Hi, $"placebo {placebo.Lo}–{placebo.Hi}");
        var rho = Get("growth_spearman", "composite");
        Assert.InRange(rho.V, -1, 1);
        Assert.False(double.IsNaN(rho.Lo));
        // Entry rates by density decile: ten deciles whose cells add up to the cells at risk.
        var md = File.ReadAllText(Path.Combine(dir, "backtest.md"));
        Assert.Contains("times as often as one in the bottom decile", md);
    }

    [Fact]
    public void Same_seed_gives_the_same_report()
    {
        var uk = UkData.Load(TestData.Datasets);
        var spec = ModelSpec.Load(Path.Combine(TestData.Datasets, "specs", "city-region.yaml"));
        var req = new BacktestRequest { Spec = spec, Draws = 20, Robustness = false, Seed = 5 };
        var a = BacktestMarkdown.Render(UkBacktest.Run(uk, req));
        var b = BacktestMarkdown.Render(UkBacktest.Run(uk, req));
        Assert.Equal(a, b);
    }

    [Theory]
    [InlineData(new[] { "backtest", "--from", "2021", "--to", "2015" }, 1)]
    [InlineData(new[] { "backtest", "--from", "2010" }, 1)]
    [InlineData(new[] { "backtest", "--draws", "-1" }, 2)]
    [InlineData(new[] { "backtest", "--level", "section" }, 2)]
    public void Bad_requests_are_refused_with_the_right_exit_code(string[] args, int expected)
    {
        var (code, _, err) = CliCapture.Run([.. args, "--data", TestData.Datasets, "--out", Directory.CreateTempSubdirectory("cm-backtest-").FullName]);
        Assert.Equal(expected, code);
        Assert.NotEmpty(err);
    }

    [Fact]
    public void Variants_cover_level_small_cells_windows_and_sub_periods()
    {
        var spec = ModelSpec.Load(Path.Combine(TestData.Datasets, "specs", "city-region.yaml"));
        var v = UkBacktest.Variants(new BacktestRequest { Spec = spec });
        Assert.Equal(6, v.Count);
        Assert.Equal(CompeteModel.Engine.Sectors.SectorLevel.Subclass, v[1].Level);
        Assert.Equal(50, v[2].MinJobs);
        Assert.Equal(2, v[3].Window);
        Assert.Equal((2015, 2018), (v[4].From, v[4].To));
        Assert.Equal((2018, 2021), (v[5].From, v[5].To));
    }
}
