using System.Globalization;
using System.Text;
using CompeteModel.Engine.Complexity;

namespace CompeteModel.Benchmarks;

/// <summary>
/// Seeded location × product activity for the complexity benchmarks: lognormal values with a latent location
/// capability and product requirement (fixed across years) and year-specific noise. The capability–requirement
/// interaction (not separable, so RCA keeps it) makes M nested like real data; the panel evolves slowly.
/// </summary>
public static class GeneratedActivity
{
    /// <summary>The district × subclass size of issue 18: about 380 districts × 700 SIC subclasses × 10 years.</summary>
    public const int Districts = 380, Subclasses = 700, Years = 10;

    public static ActivityMatrix Matrix(int rows, int cols, int seed, int year, string rowPrefix = "R", string colPrefix = "S")
    {
        var structure = new Random(seed);
        var cap = new double[rows];
        var req = new double[cols];
        for (int r = 0; r < rows; r++) cap[r] = structure.NextDouble();
        for (int s = 0; s < cols; s++) req[s] = structure.NextDouble();
        var noise = new Random(seed * 1000 + year);
        var values = new double[rows * cols];
        for (int r = 0; r < rows; r++)
            for (int s = 0; s < cols; s++)
            {
                double z = Math.Sqrt(-2 * Math.Log(1 - noise.NextDouble())) * Math.Cos(2 * Math.PI * noise.NextDouble());
                values[r * cols + s] = Math.Exp(z + 3 * Math.Tanh(5 * (cap[r] - req[s])));
            }
        return new ActivityMatrix(
            Enumerable.Range(0, rows).Select(i => rowPrefix + i.ToString("D4", CultureInfo.InvariantCulture)).ToArray(),
            Enumerable.Range(0, cols).Select(i => colPrefix + i.ToString("D4", CultureInfo.InvariantCulture)).ToArray(),
            values);
    }

    /// <summary>The district × subclass panel, one matrix per year from 2012.</summary>
    public static ComplexityYear[] DistrictPanel(int seed = 18)
    {
        var years = new ComplexityYear[Years];
        for (int y = 0; y < Years; y++)
            years[y] = new ComplexityYear((2012 + y).ToString(CultureInfo.InvariantCulture), Matrix(Districts, Subclasses, seed, y, "E0", "S"));
        return years;
    }

    /// <summary>
    /// Writes the district panel as the long CSV both <c>compete complexity</c> and py-ecomplexity read
    /// (year,district,subclass,employment; values rounded to 0.001), for the whole-process comparison.
    /// </summary>
    public static void WriteDistrictPanelCsv(string path, int seed = 18)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        w.WriteLine("year,district,subclass,employment");
        foreach (var y in DistrictPanel(seed))
        {
            var m = y.Matrix;
            for (int r = 0; r < m.LocationCount; r++)
                for (int s = 0; s < m.ProductCount; s++)
                    w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{y.Time},{m.Locations[r]},{m.Products[s]},{Math.Round(m.Values[r * m.ProductCount + s], 3)}"));
        }
    }
}
