using CompeteModel.Engine.Pipeline;

namespace CompeteModel.Tests.Pipeline;

public sealed class CityRegionPeersTests
{
    [Fact]
    public void Shares_CountUnpublishedCellsAsNoEmployment()
    {
        // 30 + 10 = 40 published jobs: shares 30/40, 0, 10/40, 0
        Assert.Equal(new[] { 0.75, 0, 0.25, 0 }, Peers.Shares([30, double.NaN, 10, 0]));
        Assert.All(Peers.Shares([0, double.NaN]), v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void Cosine_AndKrugman_HandWorked()
    {
        // x = (½, ½, 0), y = (½, 0, ½): x·y = ¼, ‖x‖‖y‖ = ½, so cosine = ½; Krugman = 0 + ½ + ½ = 1
        double[] x = [0.5, 0.5, 0], y = [0.5, 0, 0.5];
        Assert.Equal(0.5, Peers.Cosine(x, y), 15);
        Assert.Equal(1.0, Peers.Krugman(x, y), 15);
        // disjoint structures: cosine 0, Krugman at its maximum 2
        Assert.Equal(0.0, Peers.Cosine([1, 0], [0, 1]));
        Assert.Equal(2.0, Peers.Krugman([1, 0], [0, 1]));
        Assert.True(double.IsNaN(Peers.Cosine([0, 0], [1, 0])));
    }

    [Theory]
    [InlineData(PeersSimilarity.Cosine)]
    [InlineData(PeersSimilarity.Krugman)]
    public void Choose_MostSimilarFirst_TiesByRegionId(PeersSimilarity method)
    {
        // a = (1,0,0); b and d are equally close (cosine 0.8/√0.68 ≈ 0.970, Krugman 0.4), c is disjoint
        string[] ids = ["a", "d", "c", "b"];
        double[][] shares = [[1, 0, 0], [0.8, 0, 0.2], [0, 1, 0], [0.8, 0.2, 0]];
        var peers = Peers.Choose(ids, shares, 0, 3, method);
        Assert.Equal(new[] { "b", "d", "c" }, peers.Select(p => p.RegionId).ToArray());
        Assert.Equal(new[] { 1, 2, 3 }, peers.Select(p => p.Order).ToArray());
        Assert.Equal(method == PeersSimilarity.Cosine ? 0.8 / Math.Sqrt(0.68) : 0.4, peers[0].Value, 12);
    }

    [Fact]
    public void Matrix_IsSymmetric_OnSeededRandomShares()
    {
        var rng = new Random(17);
        var shares = Enumerable.Range(0, 6).Select(_ => Peers.Shares(Enumerable.Range(0, 20).Select(_ => rng.NextDouble() * 100).ToArray())).ToList();
        foreach (var method in new[] { PeersSimilarity.Cosine, PeersSimilarity.Krugman })
        {
            var m = Peers.Matrix(shares, method);
            for (int a = 0; a < 6; a++)
            {
                Assert.Equal(method == PeersSimilarity.Cosine ? 1.0 : 0.0, m[a * 6 + a], 12);
                for (int b = 0; b < 6; b++)
                {
                    Assert.Equal(m[a * 6 + b], m[b * 6 + a], 12);
                    if (method == PeersSimilarity.Krugman) Assert.InRange(m[a * 6 + b], 0, 2);
                    else Assert.InRange(m[a * 6 + b], 0, 1 + 1e-12);
                }
            }
        }
    }
}
