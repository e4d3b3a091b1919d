using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Pipeline;
using CompeteModel.Engine.Scoring;
using CompeteModel.Engine.Technologies;

namespace CompeteModel.Tests.Pipeline;

/// <summary>The city-region run on the shipped data (WMCA), with few Monte Carlo draws to keep the suite fast.</summary>
public class CityRegionRunTests
{
    private static readonly Lazy<UkData> Uk = new(() => UkData.Load(TestData.Datasets));
    private static readonly Lazy<MicroSource> Micro = new(() => MicroSources.Default(Uk.Value, Uk.Value.Geography.Resolve("wmca")));
    private static readonly Lazy<CityRegionRunResult> Wmca = new(() => Run(seed: 7));

    private static CityRegionRunResult Run(int seed, bool micro = true) =>
        CityRegionRun.Execute(Uk.Value, new CityRegionRunRequest
        {
            Region = Uk.Value.Geography.Resolve("wmca"),
            Spec = ModelSpec.Load(Path.Combine(TestData.Datasets, "specs", "city-region.yaml")),
            Firms = micro ? Micro.Value.Firms : null,
            FirmProvenance = Micro.Value.Provenance,
            FirmSource = Micro.Value.Description,
            Taxonomy = TechnologyTaxonomy.Load(Path.Combine(TestData.Datasets, "technologies", "taxonomy.yaml")),
            Draws = 60,
            Seed = seed,
            BootstrapDraws = 50,
        });

    private static byte[] CsvBytes(Table t)
    {
        using var w = new StringWriter();
        TableFiles.WriteCsv(t, w);
        return System.Text.Encoding.UTF8.GetBytes(w.ToString());
    }

    [Fact]
    public void Same_seed_gives_identical_rankings_and_indicators()
    {
        var again = Run(seed: 7);
        Assert.Equal(CsvBytes(RunTables.Rankings(Wmca.Value)), CsvBytes(RunTables.Rankings(again)));
        Assert.Equal(CsvBytes(RunTables.Indicators(Wmca.Value)), CsvBytes(RunTables.Indicators(again)));
    }

    [Fact]
    public void Ranks_are_a_permutation_and_every_band_holds_its_point_rank_or_is_warned()
    {
        var r = Wmca.Value;
        Assert.Equal(Enumerable.Range(1, r.Score.Units.Count), r.Score.Units.Select(u => u.Rank));
        foreach (var b in r.MonteCarlo.Bands)
            Assert.True(b.ContainsPoint || r.Warnings.Any(w => w.StartsWith(b.Code + " ")), $"{b.Code}: point {b.PointRank} outside {b.P05}–{b.P95} without a warning");
    }

    [Fact]
    public void Motor_vehicles_is_a_specialisation_measured_on_firms_against_published_GB()
    {
        // WMCA's LQ in division 29 on BRES is 4.17 (published cells); the generated firms reproduce the BRES
        // cells within rounding, so the firm-based LQ must sit close to it and inside the bootstrap band.
        var r = Wmca.Value;
        int k = r.Matrix.ColumnOf("lq");
        int e = r.Matrix.RowOf("29");
        double lq = r.Matrix[e, k];
        Assert.InRange(lq, 3.5, 5.0);
        double pub = r.PublishedIndicators!.Get("wmca", "29", "lq");
        Assert.InRange(Math.Abs(lq / pub - 1), 0, 0.05);
        Assert.True(r.UsesMicroData);
    }

    [Fact]
    public void Employment_of_scored_sectors_equals_the_firms_in_the_panel()
    {
        var r = Wmca.Value;
        int k = r.Matrix.ColumnOf("employment");
        var f = Micro.Value.Firms;
        var wm = new HashSet<string>(Uk.Value.Geography.Resolve("wmca").LadCodes);
        for (int e = 0; e < r.Matrix.UnitCount; e += 7)
        {
            string code = r.Matrix.UnitCodes[e];
            double sum = 0;
            for (int i = 0; i < f.Count; i++)
                if (f.Year[i] == r.Year && f.SicCode[i].StartsWith(code, StringComparison.Ordinal) && wm.Contains(f.Geography.Lads[f.LadIndex[i]].Code))
                    sum += f.Employment[i];
            Assert.Equal(sum, r.Matrix[e, k], 6);
        }
    }

    [Fact]
    public void Technology_intensity_is_a_share_and_low_carbon_vehicles_peak_in_vehicle_manufacturing()
    {
        var r = Wmca.Value;
        foreach (var (id, shares) in r.TechnologyShares)
            foreach (var v in shares.Where(x => !double.IsNaN(x))) Assert.InRange(v, 0, 1);
        // The two sectors that build vehicles (29 motor vehicles, 30 other transport equipment) lead low-carbon vehicles.
        var lcv = r.TechnologyShares["low_carbon_vehicles"];
        var top2 = Enumerable.Range(0, lcv.Length).Where(s => !double.IsNaN(lcv[s])).OrderByDescending(s => lcv[s]).Take(2)
            .Select(s => r.Panel.Sectors[s].Code).Order().ToArray();
        Assert.Equal(new[] { "29", "30" }, top2);
    }

    [Fact]
    public void Published_only_run_uses_rounding_bands_and_says_so()
    {
        var r = Run(seed: 7, micro: false);
        Assert.False(r.UsesMicroData);
        Assert.Contains(r.Notes, n => n.Contains("published BRES", StringComparison.Ordinal));
        Assert.Equal(-1, r.Matrix.ColumnOf("firms"));
    }

    [Fact]
    public void A_region_that_is_not_an_ITL2_union_needs_firm_data()
    {
        var e = Assert.Throws<InputException>(() => CityRegionRun.Execute(Uk.Value, new CityRegionRunRequest
        {
            Region = Uk.Value.Geography.Resolve("E08000025"),
            Spec = ModelSpec.Load(Path.Combine(TestData.Datasets, "specs", "city-region.yaml")),
            Draws = 10,
        }));
        Assert.Contains("firm-level data", e.Message);
    }
}
