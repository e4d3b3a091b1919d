using System.Globalization;
using CompeteModel.Engine.IO;

namespace CompeteModel.Tests.EndToEnd;

[Collection("EndToEnd")]
public sealed class CompareEndToEndTests
{
    // Published ITL2 BRES cells describe only the city regions that are unions of ITL2 areas; the other six (cpca,
    // glcca, heyca, neca, tvca, weca) are left out with a note, never profiled from generated firms.
    private static readonly string[] CityRegions = ["emcca", "gmca", "lcrca", "london", "symca", "wmca", "wyca", "ynyca"];
    private static readonly string[] NotItl2Unions = ["cpca", "glcca", "heyca", "neca", "tvca", "weca"];

    [Fact]
    public void AllCityRegions_RanksTableMatchesEachRegionsOwnRankings()
    {
        var cwd = Compete.TempDir("compare-all");
        var r = Compete.Run(cwd, "compare", "--all-city-regions", "--draws", "50", "--out", "cmp");
        Assert.True(r.ExitCode == 0, r.ToString());
        var dir = Path.Combine(cwd, "cmp");
        foreach (var f in new[] { "ranks.csv", "ranks.parquet", "regions.csv", "similarity.csv", "peers.csv", "profiles.csv", "report.md", "report.html" })
            Assert.True(File.Exists(Path.Combine(dir, f)), f);

        var regions = TableFiles.Read(Path.Combine(dir, "regions.csv"));
        Assert.Equal(CityRegions, Enumerable.Range(0, regions.RowCount).Select(i => regions.GetText(regions.Column("region"), i)).ToArray());
        for (int i = 0; i < regions.RowCount; i++)
        {
            var id = regions.GetText(regions.Column("region"), i)!;
            Assert.Equal("false", regions.GetText(regions.Column("micro_data"), i), ignoreCase: true);
        }
        foreach (var id in NotItl2Unions) Assert.Contains("note: " + id + " ", r.Stderr);

        var ranks = TableFiles.Read(Path.Combine(dir, "ranks.csv"));
        var sectors = Enumerable.Range(0, ranks.RowCount).Select(i => ranks.GetText(ranks.Column("sector"), i)!).ToArray();
        foreach (var id in CityRegions)
        {
            var own = TableFiles.Read(Path.Combine(dir, id, "rankings.csv"));
            var ownRank = Enumerable.Range(0, own.RowCount).ToDictionary(i => own.GetText(own.Column("sector"), i)!, i => own.GetText(own.Column("rank"), i));
            var col = ranks.Column("rank_" + id);
            for (int i = 0; i < sectors.Length; i++)
                Assert.Equal(ownRank.GetValueOrDefault(sectors[i]), ranks.GetText(col, i));
        }

        // every region has 3 peers, never itself, and the similarity matrix is symmetric with 1 on the diagonal
        var peers = TableFiles.Read(Path.Combine(dir, "peers.csv"));
        Assert.Equal(3 * CityRegions.Length, peers.RowCount);
        for (int i = 0; i < peers.RowCount; i++) Assert.NotEqual(peers.GetText(peers.Column("region"), i), peers.GetText(peers.Column("peer"), i));
        var sim = TableFiles.Read(Path.Combine(dir, "similarity.csv"));
        for (int a = 0; a < CityRegions.Length; a++)
            for (int b = 0; b < CityRegions.Length; b++)
            {
                double ab = double.Parse(sim.GetText(sim.Column(CityRegions[b]), a)!, CultureInfo.InvariantCulture);
                double ba = double.Parse(sim.GetText(sim.Column(CityRegions[a]), b)!, CultureInfo.InvariantCulture);
                Assert.Equal(ab, ba, 12);
                if (a == b) Assert.Equal(1.0, ab, 12);
            }

        var html = File.ReadAllText(Path.Combine(dir, "report.html"));
        Assert.Contains("Ranks across regions", html);
        Assert.Contains("LONDON", html);
    }

    [Fact]
    public void PeersOf_WithKrugman_FocusesTheReport_AndDistancesFollowFromTheShares()
    {
        var cwd = Compete.TempDir("compare-peers");
        var r = Compete.Run(cwd, "compare", "--regions", "wmca,gmca,lcrca,symca", "--peers-of", "wyca", "--peers", "2",
            "--similarity", "krugman", "--no-micro", "--draws", "30", "--out", "cmp");
        Assert.True(r.ExitCode == 0, r.ToString());
        var dir = Path.Combine(cwd, "cmp");
        var regions = TableFiles.Read(Path.Combine(dir, "regions.csv"));
        Assert.Equal("wyca", regions.GetText(regions.Column("region"), 0));
        Assert.Contains("Sector priorities for West Yorkshire", File.ReadAllText(Path.Combine(dir, "report.md")));

        // Krugman distance = Σ_s |x_s − y_s| over the employment shares in profiles.csv
        var prof = TableFiles.Read(Path.Combine(dir, "profiles.csv"));
        var shares = new Dictionary<string, Dictionary<string, double>>();
        for (int i = 0; i < prof.RowCount; i++)
        {
            var reg = prof.GetText(prof.Column("region"), i)!;
            if (!shares.TryGetValue(reg, out var m)) shares[reg] = m = new();
            m[prof.GetText(prof.Column("sector"), i)!] = double.Parse(prof.GetText(prof.Column("share"), i)!, CultureInfo.InvariantCulture);
        }
        var peers = TableFiles.Read(Path.Combine(dir, "peers.csv"));
        Assert.Equal(2 * 5, peers.RowCount);
        double previous = double.NegativeInfinity;
        for (int i = 0; i < peers.RowCount; i++)
        {
            var a = peers.GetText(peers.Column("region"), i)!;
            var b = peers.GetText(peers.Column("peer"), i)!;
            Assert.Equal("krugman_distance", peers.GetText(peers.Column("measure"), i));
            double expected = shares[a].Keys.Sum(s => Math.Abs(shares[a][s] - shares[b][s]));
            double value = double.Parse(peers.GetText(peers.Column("value"), i)!, CultureInfo.InvariantCulture);
            Assert.Equal(expected, value, 10);
            if (a == "wyca") { Assert.True(value >= previous); previous = value; }
        }
    }

    [Fact]
    public void RegionsRunSideBySide_GiveTheSameBytesAsRunInTurn()
    {
        // ComparePolicy.RunAll runs regions concurrently (--jobs, default 2) and CompareOutputs writes their folders
        // concurrently: the outputs must not depend on the scheduling
        var cwd = Compete.TempDir("compare-jobs");
        foreach (var (jobs, folder) in new[] { ("1", "one"), ("3", "three") })
        {
            var r = Compete.Run(cwd, "compare", "--regions", "wmca,gmca,symca", "--draws", "30", "--jobs", jobs, "--out", folder);
            Assert.True(r.ExitCode == 0, r.ToString());
        }
        string one = Path.Combine(cwd, "one"), three = Path.Combine(cwd, "three");
        var files = Directory.GetFiles(one, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(one, f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(files, Directory.GetFiles(three, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(three, f)).Order(StringComparer.Ordinal).ToArray());
        Assert.Contains(Path.Combine("symca", "rankings.csv"), files);
        foreach (var f in files) Assert.True(File.ReadAllBytes(Path.Combine(one, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(three, f))), f);
    }
}
