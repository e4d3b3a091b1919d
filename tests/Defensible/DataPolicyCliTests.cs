using System.Text.Json;
using CompeteModel.Engine.IO;

namespace CompeteModel.Tests.Defensible;

/// <summary>Generated firm data enter a command only when asked for, and then every output says so.</summary>
[Collection("Console")]
public sealed class DataPolicyCliTests
{
    private static string Temp() => Directory.CreateTempSubdirectory("compete-policy-").FullName;

    [Fact]
    public void GeneratedFirms_AreLabelledInTheHeadlineTheManifestAndTheReport()
    {
        var dir = Path.Combine(Temp(), "gen");
        var (code, stdout, stderr) = CliCapture.Run("run", "--generated-firms", "--draws", "20", "--out", dir, "--data", TestData.Datasets);
        Assert.True(code == 0, stderr);
        Assert.Contains("2015-2021, GENERATED firm-level data (demonstration)", stdout);
        Assert.Contains("GENERATED firm-level data", stderr); // the warning
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "run.json")));
        Assert.Equal("generated firm-level data", json.RootElement.GetProperty("region_data").GetString());
        Assert.True(json.RootElement.GetProperty("technologies_scored").GetBoolean());
        Assert.Contains("GENERATED firm-level data (demonstration)", File.ReadAllText(Path.Combine(dir, "report.md")));
        // min_firms is not applied to generated firm counts
        Assert.Contains(json.RootElement.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("firm counts of generated firm-level data are not real"));
    }

    [Fact]
    public void TechnologyProfile_WithoutFirmData_IsAUsageError()
    {
        var (code, _, stderr) = CliCapture.Run("technologies", "--region", "wmca", "--data", TestData.Datasets);
        Assert.Equal(2, code);
        Assert.Contains("--generated-firms", stderr);
    }

    [Fact]
    public void MicroAndGeneratedFirms_Together_AreAUsageError()
    {
        var (code, _, _) = CliCapture.Run("run", "--micro", "x.csv", "--generated-firms", "--data", TestData.Datasets);
        Assert.Equal(2, code);
    }

    [Fact]
    public void DefaultRun_WritesEligibilityStabilityAndTheYearsFactor()
    {
        var dir = Path.Combine(Temp(), "default");
        var (code, _, stderr) = CliCapture.Run("run", "--draws", "20", "--out", dir, "--data", TestData.Datasets);
        Assert.True(code == 0, stderr);
        var sensitivity = TableFiles.Read(Path.Combine(dir, "sensitivity.csv"));
        var factors = Enumerable.Range(0, sensitivity.RowCount).Select(i => sensitivity.GetText(sensitivity.Column("factor"), i)).ToArray();
        Assert.Contains("Years", factors);
        var rankings = TableFiles.Read(Path.Combine(dir, "rankings.csv"));
        Assert.True(rankings.HasColumn("trade_class") && rankings.HasColumn("jump_years") && rankings.HasColumn("flags"));
        for (int i = 0; i < rankings.RowCount; i++) Assert.Equal("traded", rankings.GetText(rankings.Column("trade_class"), i));
        var stability = TableFiles.Read(Path.Combine(dir, "stability.csv"));
        Assert.Equal(11, stability.RowCount);
        var unscored = TableFiles.Read(Path.Combine(dir, "unscored.csv"));
        var reasons = Enumerable.Range(0, unscored.RowCount).ToDictionary(i => unscored.GetText(unscored.Column("unit"), i)!, i => unscored.GetText(unscored.Column("reason"), i)!);
        Assert.StartsWith("local sector", reasons["80"]);
        Assert.StartsWith("uncorroborated employment jump in 2021 (3,540 → 1,160 jobs)", reasons["18"]);
        // --no-micro is the default now, and air transport has no productivity in 2021 (ONS GVA of division 51 is negative)
        var ind = TableFiles.Read(Path.Combine(dir, "indicators.csv"));
        int row = Enumerable.Range(0, ind.RowCount).Single(i => ind.GetText(ind.Column("sector"), i) == "51" && ind.GetText(ind.Column("indicator"), i) == "productivity_relative");
        Assert.Null(ind.GetText(ind.Column("value"), row));
        Assert.Equal("NonPositiveGva", ind.GetText(ind.Column("reason"), row));
        Assert.True(File.Exists(Path.Combine(dir, "local_sectors.csv")));
        Assert.True(File.Exists(Path.Combine(dir, "eligibility.csv")));
        var md = File.ReadAllText(Path.Combine(dir, "report.md"));
        Assert.Contains("## How stable is this ranking", md);
        Assert.Contains("## Sectors left out of the ranking", md);
        Assert.Contains("Complexity did not pass its checks", md);
    }
}
