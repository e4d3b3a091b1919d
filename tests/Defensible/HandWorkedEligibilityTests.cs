namespace CompeteModel.Tests.Defensible;

/// <summary>
/// The empirical check of the traded/local classes, worked outside the engine: Hoover's localisation coefficient
/// H_s = ½ Σ_r |x_rs / X_s − T_r / T| over the 40 GB ITL2 areas, 2021, SIC divisions summed from the published subclass
/// counts of datasets/uk/bres_itl2_sic5_employment_2015_2021.csv.gz (unpublished cells left out of both sums). The
/// expected values were computed from that file by a separate script (Python's csv module, summing the same cells), not
/// by the engine; the labels follow docs/METHODS.md: dispersed below 0.15, concentrated from 0.20.
/// </summary>
public sealed class HandWorkedEligibilityTests(DefensibleRunsFixture runs) : IClassFixture<DefensibleRunsFixture>
{
    [Theory]
    [InlineData("24", 0.5086463812903986, "concentrated")] // basic metals: half of its jobs would have to move to match employment
    [InlineData("29", 0.40973830182914933, "concentrated")] // motor vehicles
    [InlineData("62", 0.20642141093733643, "concentrated")] // computer programming: just over the line
    [InlineData("86", 0.06451409708195431, "dispersed")] // human health: where people live
    [InlineData("47", 0.05698390459265374, "dispersed")] // retail
    public void HooverLocalisation_MatchesTheIndependentComputation(string sector, double hoover, string label)
    {
        var row = runs.Wmca.Eligibility.Single(x => x.Code == sector);
        Assert.Equal(hoover, row.Hoover, 12);
        Assert.Equal(label, row.Empirical);
    }
}
