using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.Pipeline;
using CompeteModel.Engine.Scoring;

namespace CompeteModel.Tests.Pipeline;

/// <summary>Two published-data runs (Greater Manchester, Liverpool City Region; 20 draws) shared by the tests.</summary>
public sealed class CityRegionRunsFixture
{
    public CityRegionRunResult Gmca { get; }
    public CityRegionRunResult Lcrca { get; }

    public CityRegionRunsFixture()
    {
        var uk = UkData.Load(TestData.Datasets);
        var spec = ModelSpec.Load(Path.Combine(TestData.Datasets, "specs", "city-region.yaml"));
        CityRegionRunResult Run(string id) => CityRegionRun.Execute(uk, new CityRegionRunRequest { Region = uk.Geography.Resolve(id), Spec = spec, Draws = 20 });
        Gmca = Run("gmca");
        Lcrca = Run("lcrca");
    }
}

public sealed class CityRegionExplainTests(CityRegionRunsFixture runs) : IClassFixture<CityRegionRunsFixture>
{
    [Fact]
    public void PublishedRun_DropsMinFirms_WithANote()
    {
        // the shipped spec sets min_firms 10; published cells have no firm counts, so the run notes it instead of failing
        Assert.False(runs.Gmca.UsesMicroData);
        Assert.Null(runs.Gmca.Spec.Thresholds.MinFirms);
        Assert.Contains(runs.Gmca.Notes, n => n.Contains("min_firms (10) needs real firm counts", StringComparison.Ordinal));
    }

    [Fact]
    public void Breakdown_AddsUpToTheComposite_ForEveryScoredSector()
    {
        var r = runs.Gmca;
        foreach (var u in r.Score.Units)
        {
            var x = SectorExplanation.Build(r, u.Code);
            var present = x.Rows.Where(z => !double.IsNaN(z.Contribution)).ToList();
            Assert.Equal(u.Composite, present.Sum(z => z.Contribution), 9);
            Assert.Equal(1.0, present.Sum(z => z.EffectiveWeight), 12);
            foreach (var z in present)
            {
                Assert.Equal(z.Contribution, z.Normalised * z.EffectiveWeight, 9);
                Assert.InRange(z.Normalised, -1e-9, 100 + 1e-9); // every indicator of the shipped spec is min–max
            }
            if (u.NextCode is { } next)
                Assert.Equal(u.Composite - r.Score.Find(next)!.Composite, x.Rows.Sum(z => double.IsNaN(z.GapToNext) ? 0 : z.GapToNext), 9);
        }
    }

    [Fact]
    public void Breakdown_RawValuesAreTheScoringMatrixCells_WeightsAreTheSpecs()
    {
        var r = runs.Gmca;
        var code = r.Score.Units[3].Code;
        int e = r.Matrix.RowOf(code);
        var x = SectorExplanation.Build(r, code);
        var specInds = r.Spec.Pillars.SelectMany(p => p.Indicators.Select(i => (p, i))).ToList();
        Assert.Equal(specInds.Count, x.Rows.Count);
        for (int k = 0; k < x.Rows.Count; k++)
        {
            var row = x.Rows[k];
            Assert.Equal(specInds[k].i.Id, row.IndicatorId);
            Assert.Equal(specInds[k].p.Id, row.PillarId);
            Assert.Equal(specInds[k].i.Weight, row.IndicatorWeight);
            Assert.Equal(specInds[k].p.Weight, row.PillarWeight);
            int col = r.Matrix.ColumnOf(row.IndicatorId);
            if (col >= 0) Assert.Equal(r.Matrix[e, col], row.Raw);
        }
        Assert.Equal(4, x.Unit.Rank);
        Assert.Contains(x.Unit.Name, x.Paragraph);
    }

    [Fact]
    public void UnknownSector_IsAnInputExceptionOnTheSectorOption()
    {
        var e = Assert.Throws<InputException>(() => SectorExplanation.Build(runs.Gmca, "99x"));
        Assert.Equal("--sector", e.Field);
    }

    [Fact]
    public void Compare_RanksEqualEachRunsRanks_AndPeerLqIsOwnShareOverPeerShare()
    {
        var c = CompareRegions.Build([new CompareInput(runs.Gmca, "published"), new CompareInput(runs.Lcrca, "published")],
            new CompareOptions { Peers = 1 });
        for (int s = 0; s < c.SectorCodes.Count; s++)
        {
            Assert.Equal(runs.Gmca.Score.Find(c.SectorCodes[s])?.Rank, c.Ranks[s][0]);
            Assert.Equal(runs.Lcrca.Score.Find(c.SectorCodes[s])?.Rank, c.Ranks[s][1]);
        }
        Assert.Equal("lcrca", c.Peers[0][0].RegionId);
        // with one peer, the pooled peer share is the peer's own share: LQ_peers = x_gmca,s / x_lcrca,s
        var lq = CompareRegions.PeerLq(c, 0);
        for (int s = 0; s < lq.Length; s++)
            if (c.Shares[1][s] > 0) Assert.Equal(c.Shares[0][s] / c.Shares[1][s], lq[s], 12);
            else Assert.True(double.IsNaN(lq[s]));
        var report = CompareReport.Build(c);
        Assert.Equal(new[] { "GMCA", "LCRCA" }, report.Comparison!.Regions);
    }
}
