using System.Globalization;
using CompeteModel.Engine.Pipeline;

namespace CompeteModel.Tests.Pipeline;

/// <summary>
/// The national spec on the UK as one country among the EU-28 (+ Iceland, Norway) countries, units = the ten NACE
/// section groups (Eurostat employment, REAT's EU28.emp; datasets/reference/ATTRIBUTION.md).
/// </summary>
public class NationalEu28Tests
{
    private static NationalRunResult Uk => NationalData.UkEu28.Value;

    [Fact]
    public void Uk_latest_year_ranks_the_ten_section_groups()
    {
        var r = Uk;
        Assert.Equal("2016", r.Time); // the file runs 2007–2016 and has the UK in every year
        Assert.Equal(10, r.Score.Units.Count);
        Assert.Equal(Enumerable.Range(1, 10), r.Score.Units.Select(u => u.Rank));
        Assert.Equal(FeasibilitySectorGroups.Groups.Order(StringComparer.Ordinal), r.Score.Units.Select(u => u.Code).Order(StringComparer.Ordinal));
        Assert.Equal("Information and communication", r.Score.Find("J")!.Name);
        Assert.Equal(30, r.Complexity.Locations.Count);
        // Iceland's 2007 rows are "NA" (10 rows): counted as unknown (R's missing marker), not silently dropped
        Assert.Equal(3000, r.Account.Read);
        Assert.Equal(10, r.Account.Unknown);
        Assert.Equal(0, r.Account.Rejected);
    }

    [Fact]
    public void Uk_rca_matches_the_location_quotient_recomputed_from_the_file()
    {
        // LQ[UK,J] = (X[UK,J]/X[UK,·]) / (X[·,J]/X[·,·]) over the 2016 rows of all 30 countries.
        var t = NationalData.Eu28.Value;
        var geo = (string?[])t.Column("geo").Data;
        var nace = (string?[])t.Column("nace_r2").Data;
        var time = (string?[])t.Column("time").Data;
        var emp = (string?[])t.Column("emp1000").Data;
        double xcp = 0, xc = 0, xp = 0, x = 0;
        for (int i = 0; i < t.RowCount; i++)
        {
            if (time[i] != "2016") continue;
            double v = double.Parse(emp[i]!, CultureInfo.InvariantCulture);
            x += v;
            if (geo[i] == "UK") xc += v;
            if (nace[i] == "J") xp += v;
            if (geo[i] == "UK" && nace[i] == "J") xcp = v;
        }
        var m = Uk.Matrix;
        Assert.Equal(xcp / xc / (xp / x), m[m.RowOf("J"), m.ColumnOf("rca")], 10);
        // 2016 UK J employment as published in the file: 1,138.0025 thousand
        Assert.Equal(1138.0025, xcp, 6);
    }

    [Fact]
    public void Complexity_at_ten_sectors_is_flagged_unreliable_and_the_feasibility_scale_says_so()
    {
        var r = Uk;
        Assert.Equal(10, r.Diagnostics.Products);
        Assert.False(r.Diagnostics.Reliable);
        Assert.Contains("only 10 products", r.Diagnostics.Warning);
        Assert.Contains(r.Notes, n => n.Contains("only 10 products", StringComparison.Ordinal) && n.EndsWith("PCI, COG and the ECI rank of UK inherit this.", StringComparison.Ordinal));

        // no missing cells; pci and cog (2 of the spec's 4 indicators) rest on the rejected eigenvector: 20 of 40 cells
        var s = FeasibilityScale.FromNational(r);
        Assert.Equal("UK 2016", s.Label);
        Assert.Equal(10, s.Units);
        Assert.Equal(0.5, s.ShareUnreliableCells, 12);
        Assert.Contains("pci/cog", s.UnreliableCellsRule);
        Assert.Equal(r.MonteCarlo.Bands.Average(b => b.P95 - b.P05), s.MeanBandWidth, 12);
        Assert.Equal(s.MeanBandWidth / 9, s.RelativeBandWidth, 12);

        // Costa Rica's 785 products pass the diagnostics' product count, so only missing cells (none) would count
        var cri = FeasibilityScale.FromNational(NationalData.CostaRica.Value);
        Assert.Equal(785, cri.Units);
        Assert.Equal(NationalData.CostaRica.Value.Diagnostics.Reliable ? 0.0 : 0.5, cri.ShareUnreliableCells, 12);
    }
}
