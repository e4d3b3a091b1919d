using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Pipeline;
using CompeteModel.Engine.Scoring;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Tests.Pipeline;

/// <summary>
/// The cluster lens on the shipped data: the shipped definitions are valid SIC 2007 with shares that never exceed 1,
/// the IS-8 run ranks the eight clusters, the clusters and the rest of the economy add up to WMCA's BRES employment,
/// a cluster's employment is the sum of its BRES subclass cells, and its LQ is (X_c/X)/(B_c/B) of those sums.
/// </summary>
public class ClusterLensTests
{
    private static readonly Lazy<UkData> Uk = new(() => UkData.Load(TestData.Datasets));
    private static string SetFile(string name) => Path.Combine(TestData.Datasets, "sectors", "clusters_" + name + ".csv");

    private static readonly Lazy<CityRegionRunResult> Is8 = new(() => CityRegionRun.Execute(Uk.Value, new CityRegionRunRequest
    {
        Region = Uk.Value.Geography.Resolve("wmca"),
        Spec = ModelSpec.Load(Path.Combine(TestData.Datasets, "specs", "city-region.yaml")),
        SectorSet = SectorSetReader.Read(SetFile("is8"), "is8"),
        Draws = 30,
        Seed = 3,
    }));

    [Theory]
    [InlineData("is8", 8)]
    [InlineData("wmca", 6)]
    public void ShippedSetsAreValidSicWithSharesAtMostOne(string name, int clusters)
    {
        var set = SectorSetReader.Read(SetFile(name), name);
        Assert.Equal(clusters, set.Clusters.Count);
        var shares = set.SubclassShares(Uk.Value.Sic);
        for (int i = 0; i < Uk.Value.Sic.Subclasses.Count; i++)
            Assert.Equal(1.0, shares.Sum(s => s[i]), 12); // clusters + rest = the whole subclass
        Assert.All(set.Clusters, c => Assert.All(c.Members, m => Assert.False(string.IsNullOrWhiteSpace(m.Reason))));
    }

    [Fact]
    public void Is8RanksTheEightGrowthDrivingSectors()
    {
        var r = Is8.Value;
        Assert.Equal(["advanced_manufacturing", "clean_energy", "creative", "defence", "digital", "financial_services", "life_sciences", "professional_business_services"],
            r.Score.Units.Select(u => u.Code).Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(1, 8), r.Score.Units.Select(u => u.Rank));
        Assert.Equal(Enumerable.Range(1, 8), r.WeightSets.Results[1].Units.Select(u => u.Rank).Order());
    }

    [Fact]
    public void ClustersAndRestAddUpToTheRegionsEmployment_AndEachIsTheSumOfItsCells()
    {
        var r = Is8.Value;
        var region = Uk.Value.Geography.Resolve("wmca");
        var sub = Uk.Value.BuildEmploymentPanel([region, Uk.Value.Geography.GreatBritain], Engine.Sectors.SectorLevel.Subclass, [r.Year]);
        var emp = sub[Measure.Employment];
        double Sum(int a, Func<string, bool> take) => Enumerable.Range(0, sub.S).Where(s => take(sub.Sectors[s].Code)).Select(s => emp.Value[sub.Index(a, s, 0)]).Where(v => !double.IsNaN(v)).Sum();
        var t = r.Clusters!;
        var employment = (double[])t.Column("employment").Data;
        var benchmark = (double[])t.Column("benchmark_employment").Data;
        double total = Sum(0, _ => true), gbTotal = Sum(1, _ => true);
        Assert.Equal(total, employment.Sum(), 1e-6 * total);
        Assert.Equal(gbTotal, benchmark.Sum(), 1e-6 * gbTotal);

        // financial services = every subclass under divisions 64, 65 and 66, whole
        int fs = Enumerable.Range(0, t.RowCount).Single(i => t.GetText(t.Column("cluster"), i) == "financial_services");
        Assert.Equal(Sum(0, c => c[..2] is "64" or "65" or "66"), employment[fs], 1e-9);
        // a split code: defence takes 0.3 of 30.30 (air and spacecraft) and all of 25.40, 30.40, 84.22, 0.2 of 26.51 (subclasses 26511–26514), 0.3 of 33.16
        int def = Enumerable.Range(0, t.RowCount).Single(i => t.GetText(t.Column("cluster"), i) == "defence");
        double expected = Sum(0, c => c is "25400" or "30400" or "84220") + 0.3 * Sum(0, c => c == "30300") + 0.2 * Sum(0, c => c.StartsWith("2651", StringComparison.Ordinal)) + 0.3 * Sum(0, c => c == "33160");
        Assert.Equal(expected, employment[def], 1e-9);

        // LQ of a cluster from its sums: (X_c / X) / (B_c / B)
        int lq = r.Matrix.ColumnOf("lq");
        double expectedLq = employment[fs] / total / (benchmark[fs] / gbTotal);
        Assert.Equal(expectedLq, r.Matrix[r.Matrix.RowOf("financial_services"), lq], 1e-9);
    }

    [Fact]
    public void SharesAboveOneAndUnknownCodesAreRejectedWithTheirLine()
    {
        var dir = Path.Combine(Path.GetTempPath(), "compete-sets-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var over = Path.Combine(dir, "over.csv");
        File.WriteAllText(over, "cluster,cluster_name,sic,share,reason,source\na,A,29,1,cars,x\nb,B,29.10,0.5,also cars,x\n");
        var set = SectorSetReader.Read(over, "over");
        var e = Assert.Throws<InputException>(() => set.SubclassShares(Uk.Value.Sic));
        Assert.Equal(3, e.Line);
        Assert.Contains("29100", e.Message);

        var unknown = Path.Combine(dir, "unknown.csv");
        File.WriteAllText(unknown, "cluster,cluster_name,sic,share,reason,source\na,A,99.99,1,nothing,x\n");
        Assert.Equal(2, Assert.Throws<InputException>(() => SectorSetReader.Read(unknown, "u").SubclassShares(Uk.Value.Sic)).Line);

        var noReason = Path.Combine(dir, "noreason.csv");
        File.WriteAllText(noReason, "cluster,cluster_name,sic,share,reason,source\na,A,29,0.5,,x\n");
        var e2 = Assert.Throws<InputException>(() => SectorSetReader.Read(noReason, "n"));
        Assert.Equal("reason", e2.Field);

        var badShare = Path.Combine(dir, "share.csv");
        File.WriteAllText(badShare, "cluster,cluster_name,sic,share,reason,source\na,A,29,1.5,cars,x\n");
        Assert.Equal("share", Assert.Throws<InputException>(() => SectorSetReader.Read(badShare, "s")).Field);
    }
}
