using System.Globalization;
using CompeteModel.Engine.IO;

namespace CompeteModel.Tests.EndToEnd;

[Collection("EndToEnd")]
public sealed class CompareEndToEndTests
{
    private static readonly string[] CityRegions =
        ["cpca", "emcca", "glcca", "gmca", "heyca", "lcrca", "london", "neca", "symca", "tvca", "weca", "wmca", "wyca", "ynyca"];

    // ITL2 unions run on their own published BRES cells; the others (issue 14) on their ITL2 parents' published cells,
    // labelled as approximations ("~") everywhere, and never on generated firms
    private static readonly string[] Itl2Unions = ["emcca", "gmca", "lcrca", "london", "symca", "wmca", "wyca", "ynyca"];

    private static string Label(string id) => Itl2Unions.Contains(id) ? id : id + "~";

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
            var geography = regions.GetText(regions.Column("geography"), i)!;
            var data = regions.GetText(regions.Column("data"), i)!;
            Assert.DoesNotContain("generated", data);
            if (Itl2Unions.Contains(id)) Assert.Equal("exact", geography);
            else
            {
                Assert.StartsWith("approximation by ITL2 parent area(s)", geography);
                Assert.StartsWith("APPROXIMATION", data);
                Assert.Contains("--bres", data);
            }
            var manifest = File.ReadAllText(Path.Combine(dir, id, "run.json"));
            Assert.Contains("\"micro_data\": false", manifest);
            Assert.Contains("\"vintage\"", manifest);
        }

        var ranks = TableFiles.Read(Path.Combine(dir, "ranks.csv"));
        var sectors = Enumerable.Range(0, ranks.RowCount).Select(i => ranks.GetText(ranks.Column("sector"), i)!).ToArray();
        foreach (var id in CityRegions)
        {
            var own = TableFiles.Read(Path.Combine(dir, id, "rankings.csv"));
            var ownRank = Enumerable.Range(0, own.RowCount).ToDictionary(i => own.GetText(own.Column("sector"), i)!, i => own.GetText(own.Column("rank"), i));
            var col = ranks.Column("rank_" + id + (Itl2Unions.Contains(id) ? "" : "_approx"));
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
                double ab = double.Parse(sim.GetText(sim.Column(Label(CityRegions[b])), a)!, CultureInfo.InvariantCulture);
                double ba = double.Parse(sim.GetText(sim.Column(Label(CityRegions[a])), b)!, CultureInfo.InvariantCulture);
                Assert.Equal(ab, ba, 12);
                if (a == b) Assert.Equal(1.0, ab, 12);
            }

        var html = File.ReadAllText(Path.Combine(dir, "report.html"));
        Assert.Contains("Ranks across regions", html);
        Assert.Contains("LONDON", html);
        Assert.Contains("CPCA~", html);
        Assert.Contains("their columns describe their ITL2 parent area(s), an approximation", html);
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
}
