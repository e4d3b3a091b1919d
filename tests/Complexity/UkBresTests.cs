using CompeteModel.Engine.Complexity;
using CompeteModel.Engine.IO;

namespace CompeteModel.Tests.Complexity;

/// <summary>The reference geography of the city-region runs: 40 GB ITL2 regions × SIC subclasses, BRES 2021.</summary>
public class UkBresTests
{
    private static readonly Lazy<ComplexityYearResult> Bres2021 = new(() =>
    {
        var t = TableFiles.Read(TestData.Uk("bres_itl2_sic5_employment_2015_2021.csv.gz"));
        var date = (string?[])t.Column("DATE").Data;
        var rows = Enumerable.Range(0, t.RowCount).Where(i => date[i] == "2021").ToArray();
        var input = ComplexityInput.FromTable(ComplexityData.Subset(t, rows), "GEOGRAPHY_CODE", "INDUSTRY_CODE", "COUNT", null);
        return ComplexityCalculator.Compute(input.Years[0].Matrix, new ComplexityOptions());
    });

    [Fact]
    public void Diversity_sign_rule_ranks_Inner_London_West_least_complex_and_is_flagged()
    {
        // What the data show (not a published value): at ITL2 scale ECI correlates only weakly with
        // diversity (about 0.18 in 2021), and py-ecomplexity's sign rule orients the ranking so that
        // Inner London – West (UKI3) comes last of the 40 regions — the UK analogue of Baden-Württemberg.
        var r = Bres2021.Value;
        Assert.Equal(40, r.Locations.Count);
        Assert.Equal(729 - r.DroppedProducts.Count, r.Products.Count);
        Assert.Equal(40, RegionComplexityReport.FromResult(r, "UKI3").Rank);
        var d = r.Diagnostics;
        Assert.True(d.Eigengap > 1.5 && d.ReflectionsAgreement > 0.99, "the ranking itself is well defined");
        Assert.False(d.Reliable);
        Assert.Contains("sign rests on a correlation of only", d.Warning);
    }
}
