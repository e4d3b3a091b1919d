using CompeteModel.Engine.Complexity;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Statistics;
using MathNet.Numerics.LinearAlgebra;

namespace CompeteModel.Tests.Complexity;

/// <summary>Properties on seeded random matrices, sign rules, and input accounting.</summary>
public class PropertyTests
{
    /// <summary>Lognormal activity with a latent capability gradient, so M has the usual nested structure.</summary>
    internal static ActivityMatrix Random(int seed, int rows, int cols)
    {
        var rng = new Random(seed);
        var values = new double[rows * cols];
        var cap = Enumerable.Range(0, rows).Select(_ => rng.NextDouble()).ToArray();
        var req = Enumerable.Range(0, cols).Select(_ => rng.NextDouble()).ToArray();
        for (int r = 0; r < rows; r++)
            for (int s = 0; s < cols; s++)
            {
                double z = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
                values[r * cols + s] = Math.Exp(z + 3 * (cap[r] - req[s]));
            }
        return new ActivityMatrix(Enumerable.Range(0, rows).Select(i => "r" + i).ToArray(),
            Enumerable.Range(0, cols).Select(i => "s" + i).ToArray(), values);
    }

    [Theory]
    [InlineData(1, 30, 20)]
    [InlineData(2, 12, 40)]
    [InlineData(3, 60, 8)]
    [InlineData(4, 5, 3)]
    public void Lanczos_matches_a_dense_eigendecomposition_of_M_tilde(int seed, int rows, int cols)
    {
        var r = ComplexityCalculator.Compute(Random(seed, rows, cols), new ComplexityOptions());
        var m = r.Presence;
        var mt = Matrix<double>.Build.Dense(m.Cols, m.Cols);
        for (int a = 0; a < m.Cols; a++)
            for (int b = 0; b < m.Cols; b++)
            {
                double sum = 0;
                for (int c = 0; c < m.Rows; c++) if (m[c, a] && m[c, b]) sum += 1 / m.Diversity[c];
                mt[a, b] = sum / m.Ubiquity[a];
            }
        var evd = mt.Evd();
        var order = Enumerable.Range(0, m.Cols).OrderByDescending(i => evd.EigenValues[i].Real).ToArray();
        Assert.Equal(1, evd.EigenValues[order[0]].Real, 9);
        Assert.Equal(evd.EigenValues[order[1]].Real, r.Eigen.Lambda2, 8);
        if (m.Cols > 2) Assert.Equal(evd.EigenValues[order[2]].Real, r.Eigen.Lambda3, 8);
        var dense = evd.EigenVectors.Column(order[1]).ToArray();
        Assert.True(Math.Abs(Correlation.Pearson(dense, r.Eigen.Kp)) > 1 - 1e-8);
    }

    [Fact]
    public void Same_input_gives_identical_results()
    {
        var x = Random(11, 40, 25);
        var a = ComplexityCalculator.Compute(x, new ComplexityOptions());
        var b = ComplexityCalculator.Compute(x, new ComplexityOptions());
        Assert.Equal(a.Eci, b.Eci);
        Assert.Equal(a.Cog, b.Cog);
        Assert.Equal(a.Diagnostics, b.Diagnostics);
    }

    [Fact]
    public void Flipping_the_sign_keeps_the_identities()
    {
        // Anchor = −diversity forces the opposite sign to the diversity rule.
        var x = Random(5, 25, 15);
        var baseline = ComplexityCalculator.Compute(x, new ComplexityOptions());
        var anchor = Enumerable.Range(0, baseline.Locations.Count).ToDictionary(i => baseline.Locations[i], i => -baseline.Presence.Diversity[i]);
        var flipped = ComplexityCalculator.ComputePanel([new ComplexityYear("", x)], new ComplexityOptions { Sign = SignRule.Anchor }, anchor)[0];
        Assert.True(flipped.SignFlipped != baseline.SignFlipped);
        for (int i = 0; i < baseline.Eci.Length; i++) Assert.Equal(-baseline.Eci[i], flipped.Eci[i], 12);
        for (int i = 0; i < baseline.Coi.Length; i++) Assert.Equal(-baseline.Coi[i], flipped.Coi[i], 12);
        var m = flipped.Presence;
        for (int i = 0; i < flipped.Cog.Length; i++)
        {
            Assert.Equal(-baseline.Cog[i], flipped.Cog[i], 12);
            if (m[i / m.Cols, i % m.Cols]) Assert.Equal(0.0, flipped.Cog[i]);
        }
        for (int c = 0; c < m.Rows; c++)
        {
            double sum = 0;
            for (int j = m.RowStart[c]; j < m.RowStart[c + 1]; j++) sum += flipped.Pci[m.RowProducts[j]];
            Assert.Equal(flipped.Eci[c], sum / m.Diversity[c], 10);
        }
        Assert.True(flipped.Diagnostics.CorrDiversity < 0);
        Assert.Equal("anchor", flipped.Diagnostics.SignRule);
    }

    [Fact]
    public void Anchor_with_too_few_matching_locations_is_an_input_error()
    {
        var x = Random(6, 10, 6);
        var e = Assert.Throws<InputException>(() =>
            ComplexityCalculator.ComputePanel([new ComplexityYear("2020", x)], new ComplexityOptions { Sign = SignRule.Anchor },
                new Dictionary<string, double> { ["r1"] = 1, ["nowhere"] = 2 }, "anchor.csv"));
        Assert.Contains("1 of the 10 locations", e.Message);
        Assert.Equal("anchor.csv", e.File);
    }

    [Fact]
    public void Every_row_of_a_messy_input_is_used_unknown_or_rejected_with_its_line()
    {
        var input = ComplexityInput.FromTable(TableFiles.Read(TestData.Fixture("Complexity/messy.csv")), "place", "sector", "jobs", null);
        var a = input.Account;
        Assert.Equal(11, a.Read);
        Assert.Equal(6, a.Used);
        Assert.Equal(1, a.Unknown);
        Assert.Equal(4, a.Rejected);
        Assert.Equal([6L, 7, 8, 9], a.Rejects.Select(r => r.Line).ToArray());
        Assert.Equal("duplicate location × product (first at line 5)", a.Rejects[0].Reason);
        Assert.Equal("negative value", a.Rejects[1].Reason);
        Assert.Equal("not a number", a.Rejects[2].Reason);
        Assert.Equal("no location", a.Rejects[3].Reason);
        var x = input.Years[0].Matrix;
        Assert.Equal(["east", "north", "south"], x.Locations);
        Assert.Equal(["agri", "cars", "steel"], x.Products);
        Assert.Equal(20, x[2, 2]);
        Assert.Equal(0, x[2, 0]); // the empty cell: absent from the matrix, counted as unknown above
    }
}
