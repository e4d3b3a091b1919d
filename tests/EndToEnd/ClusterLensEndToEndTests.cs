using CompeteModel.Engine.IO;

namespace CompeteModel.Tests.EndToEnd;

/// <summary><c>compete run --sector-set</c> through the real program: the eight IS-8 clusters ranked, the codes listed, an unknown set refused.</summary>
[Collection("EndToEnd")]
public sealed class ClusterLensEndToEndTests
{
    [Fact]
    public void RunWithIs8_RanksTheEightClustersAndListsTheirCodes()
    {
        var cwd = Compete.TempDir("is8");
        var run = Compete.Run(cwd, "run", "--sector-set", "is8", "--draws", "20", "--out", "r");
        Assert.True(run.ExitCode == 0, run.ToString());
        var rankings = TableFiles.ReadCsv(Path.Combine(cwd, "r", "rankings.csv"));
        Assert.Equal(8, rankings.RowCount);
        var clusters = TableFiles.ReadCsv(Path.Combine(cwd, "r", "clusters.csv"));
        Assert.Equal(9, clusters.RowCount); // eight clusters and the rest of the economy
        Assert.Equal("64; 65; 66", Enumerable.Range(0, clusters.RowCount).Where(i => clusters.GetText(clusters.Column("cluster"), i) == "financial_services")
            .Select(i => clusters.GetText(clusters.Column("sic_codes"), i)).Single());
        Assert.Contains("financial_services", run.Stdout);
        Assert.Contains("Clean Energy Industries", File.ReadAllText(Path.Combine(cwd, "r", "report.html")));
    }

    [Fact]
    public void AnUnknownSectorSetIsAUserError()
    {
        var cwd = Compete.TempDir("noset");
        var run = Compete.Run(cwd, "run", "--sector-set", "no-such-set", "--draws", "20", "--out", "r");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("is8", run.Stderr);
    }
}
