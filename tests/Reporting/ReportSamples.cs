using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Reporting;

namespace CompeteModel.Tests.Reporting;

/// <summary>Report models for the tests: a hand-made WMCA-like model and seeded random ones.</summary>
internal static class ReportSamples
{
    public static ReportSector MotorVehicles => new()
    {
        Code = "29",
        Name = "Manufacture of motor vehicles, trailers and semi-trailers",
        Composite = 81.257,
        Rank = 1,
        MedianRank = 1.5,
        BandLow = 1,
        BandHigh = 3,
        Quadrant = ReportQuadrant.Strength,
        Lq = 3.4,
        GrowthVsBenchmark = 1.234,
        Employment = 40000,
        Density = 0.62,
        Pci = 1.1,
        Contributions =
        [
            new("density", "Relatedness density", 3),
            new("lq", "Location quotient", 24.5),
            new("small", "Reliability of small cells", -2.5),
            new("growth", "Employment growth vs benchmark", 12.25),
            new("pci", "Complexity", 8),
        ],
    };

    /// <summary>Hand-made: sector 29 as above; 24 employs 10,000 (a quarter of 29's 40,000, so its bubble radius is half).</summary>
    public static ReportModel HandMade(int topN = 3) => new("West Midlands Combined Authority", "WMCA", "city-region", 2015, 2021,
    [
        MotorVehicles,
        new ReportSector
        {
            Code = "24", Name = "Manufacture of basic metals", Composite = 70.5, Rank = 2, MedianRank = 2, BandLow = 1, BandHigh = 4,
            Quadrant = ReportQuadrant.DecliningStrength, Lq = 2, GrowthVsBenchmark = -0.75, Employment = 10000, Density = 0.55, Pci = 0.4,
            Contributions = [new("lq", "Location quotient", 18)],
        },
        new ReportSector
        {
            Code = "62", Name = "Programming <& consultancy>", Composite = 66.125, Rank = 3, MedianRank = 3.5, BandLow = 2, BandHigh = 7,
            Quadrant = ReportQuadrant.Emerging, Lq = 0.5, GrowthVsBenchmark = 2.5, Employment = 25000, Density = 0.3, Pci = 0.9,
            Flags = ["small cells"],
        },
        new ReportSector
        {
            Code = "01", Name = "Crop and animal production", Composite = 12, Rank = 4, BandLow = 4, BandHigh = 4,
            Quadrant = ReportQuadrant.Underrepresented, Lq = 1, GrowthVsBenchmark = -1, Employment = double.NaN, Density = double.NaN, Pci = -1.2,
        },
        new ReportSector { Code = "99", Name = "Activities of extraterritorial organisations", Composite = double.NaN, Rank = 5, BandLow = 5, BandHigh = 5 },
    ])
    {
        TopN = topN,
        BenchmarkName = "Great Britain",
        Provenance =
        [
            new("BRES employment 2015–2021 (ONS, NOMIS)", Provenance.PublishedStatistics, "Rounded for disclosure control.",
                ChartKind.SpecialisationGrowth | ChartKind.RelatednessComplexity | ChartKind.RankBands),
            new("Synthetic firms of WMCA", Provenance.GeneratedMicroData, "", ChartKind.TechnologyHeatMap | ChartKind.RankBands),
        ],
        Technologies = new TechnologyMatrix("share of firms using the technology (%)", ["29 Motor vehicles", "24 Basic metals"], ["AI", "Robotics", "Hydrogen"],
            [[12.5, 40, double.NaN], [3, 22.25, 5]]),
        Comparison = new ComparisonTable(["WMCA", "GMCA"], ["29 Motor vehicles", "62 Computer programming"], [[1, 14], [3, null]]),
        Notes = ["Top-10 overlap with the national model: 6 of 10."],
        Warnings = ["Complexity is not reliable at this scale (eigengap 1.04)."],
    };

    /// <summary>A seeded random model of <paramref name="n"/> sectors with some missing values.</summary>
    public static ReportModel Random(int seed, int n = 40)
    {
        var rng = new Random(seed);
        var sectors = new List<ReportSector>();
        for (int i = 0; i < n; i++)
        {
            int lo = Math.Max(1, i + 1 - rng.Next(4)), hi = i + 2 + rng.Next(6); // the median (i+1 … i+2) lies inside the band
            double lq = rng.NextDouble() < 0.1 ? double.NaN : Math.Exp(rng.NextDouble() * 3 - 1.5);
            double g = rng.NextDouble() * 6 - 3;
            sectors.Add(new ReportSector
            {
                Code = (10 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Name = "Sector " + i + (i % 7 == 0 ? " with a very long name that must be shortened on the charts" : ""),
                Composite = 100 - i * 2.1 + rng.NextDouble(),
                Rank = i + 1,
                MedianRank = i + 1 + rng.NextDouble(),
                BandLow = lo,
                BandHigh = hi,
                Quadrant = double.IsNaN(lq) ? ReportQuadrant.Unclassified : lq >= 1 ? (g > 0 ? ReportQuadrant.Strength : ReportQuadrant.DecliningStrength) : (g > 0 ? ReportQuadrant.Emerging : ReportQuadrant.Underrepresented),
                Lq = lq,
                GrowthVsBenchmark = g,
                Employment = rng.Next(0, 60000),
                Density = rng.NextDouble(),
                Pci = rng.NextDouble() * 4 - 2,
                Contributions = [new("a", "Indicator A", rng.NextDouble() * 30), new("b", "Indicator B", rng.NextDouble() * 10 - 5)],
            });
        }
        return new ReportModel("Random region", "RND", "random", 2016, 2021, sectors) { TopN = 10 };
    }
}
