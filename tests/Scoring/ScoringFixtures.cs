using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Scoring;

namespace CompeteModel.Tests.Scoring;

/// <summary>Small builders for specs and matrices used across the scoring tests.</summary>
internal static class ScoringFixtures
{
    public static ModelSpec Spec(string yaml, string file = "test.yaml") => ModelSpec.Parse(yaml, file);

    /// <summary>A matrix from rows of values (NaN = missing); all columns marked as published statistics.</summary>
    public static IndicatorMatrix Matrix(string[] units, string[] ids, double[][] rows)
    {
        var values = new double[units.Length * ids.Length];
        for (int u = 0; u < units.Length; u++)
            for (int j = 0; j < ids.Length; j++) values[u * ids.Length + j] = rows[u][j];
        return new IndicatorMatrix(units, ids, values, ids.Select(_ => Provenance.PublishedStatistics).ToArray());
    }

    /// <summary>A seeded random matrix: units U000.., the given indicator ids, values from correlated normals.</summary>
    public static IndicatorMatrix Random(int units, string[] ids, int seed)
    {
        var rng = new Random(seed);
        var values = new double[units * ids.Length];
        for (int u = 0; u < units; u++)
        {
            double common = Normal(rng);
            for (int j = 0; j < ids.Length; j++) values[u * ids.Length + j] = 0.6 * common + 0.8 * Normal(rng) + 3;
        }
        var codes = Enumerable.Range(0, units).Select(i => "U" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return new IndicatorMatrix(codes, ids, values, ids.Select(_ => Provenance.GeneratedMicroData).ToArray());
    }

    public static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
