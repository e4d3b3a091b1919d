using System.Collections.Immutable;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Tests.Indicators;

/// <summary>Small panels for the indicator tests: regions R1.., sectors S1.., given years, one measure.</summary>
internal static class PanelFactory
{
    /// <summary><paramref name="values"/>[t][r, s]; NaN cells stay unknown. Intervals: [lower, upper] when given, else exact.</summary>
    public static Panel Build(int[] years, double[][,] values, Measure measure = Measure.Employment,
        double[][,]? lower = null, double[][,]? upper = null, string[]? regionIds = null)
    {
        int R = values[0].GetLength(0), S = values[0].GetLength(1);
        var regions = Enumerable.Range(0, R)
            .Select(r => new Region(regionIds?[r] ?? $"R{r + 1}", regionIds?[r] ?? $"R{r + 1}", $"Region {r + 1}", RegionKind.Custom, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty))
            .ToList();
        var sectors = Enumerable.Range(0, S).Select(s => new Sector($"S{s + 1}", $"Sector {s + 1}", null)).ToList();
        var b = new PanelBuilder(regions, sectors, years);
        b.AddMeasure(measure, Provenance.UserTable, "test");
        for (int t = 0; t < years.Length; t++)
            for (int r = 0; r < R; r++)
                for (int s = 0; s < S; s++)
                {
                    double v = values[t][r, s];
                    if (double.IsNaN(v)) continue;
                    b.Add(measure, r, s, t, v, lower?[t][r, s] ?? v, upper?[t][r, s] ?? v);
                }
        return b.Build();
    }

    /// <summary>A seeded random panel: counts 0–999 with about 10 % zeros.</summary>
    public static double[][,] Random(int seed, int years, int regions, int sectors)
    {
        var rng = new Random(seed);
        var v = new double[years][,];
        for (int t = 0; t < years; t++)
        {
            v[t] = new double[regions, sectors];
            for (int r = 0; r < regions; r++)
                for (int s = 0; s < sectors; s++)
                    v[t][r, s] = rng.NextDouble() < 0.1 ? 0 : rng.Next(1, 1000);
        }
        return v;
    }
}
