using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Scoring;

namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// The feasibility question the product exists to answer: how far does the national specialisation and
/// growth-orientation model carry to a city region? Three comparisons:
/// (1) the national spec run on the UK as one country among the EU-28 (Eurostat employment by NACE section group)
///     against the city-region spec on the region's firm-level data, aggregated to the same ten groups
///     (employment-weighted mean composite);
/// (2) the city-region ranking on firm-level data against the same spec on published BRES aggregates (what
///     changes when micro data replace published aggregates), at the run's sector level;
/// (3) the reliability of each scale: rank-band widths, share of unreliable cells, complexity diagnostics.
/// </summary>
public static class FeasibilityStudy
{
    public sealed record Result(
        FeasibilityReport NationalVsCityRegion,
        FeasibilityReport MicroVsPublished,
        NationalRunResult National,
        CityRegionRunResult Micro,
        CityRegionRunResult Published,
        IReadOnlyList<FeasibilityGroupScore> CityRegionGroups);

    public static Result Run(UkData uk, Table eu28, ModelSpec nationalSpec, CityRegionRunRequest micro, int? draws = null)
    {
        if (micro.Firms is null) throw new ArgumentException("the feasibility study needs firm-level data for the city region", nameof(micro));
        var national = NationalRun.Execute(eu28, "geo", "nace_r2", "emp1000", "UK", nationalSpec, new NationalRunOptions
        {
            TimeColumn = "time",
            Provenance = Provenance.PublishedStatistics,
            Source = "Eurostat employment by NACE section group (EU-28 + IS, NO), via the REAT package",
            ProductNames = FeasibilitySectorGroups.Names,
            Draws = draws,
            Seed = micro.Seed,
        });
        var m = CityRegionRun.Execute(uk, micro);
        var p = CityRegionRun.Execute(uk, micro with { Firms = null, FirmAccount = null });

        int kEmp = m.Matrix.ColumnOf("employment");
        var sectors = m.Score.Units.Select(u => (u.Code, u.Composite, m.Matrix[m.Matrix.RowOf(u.Code), kEmp])).ToList();
        var groups = FeasibilityComparison.AggregateToGroups(sectors);
        var cityGroupRanking = FeasibilityComparison.Ranking(groups);
        var nationalRanking = national.Score.Units.Select(u => (u.Code, u.Rank)).ToList();
        var a1 = FeasibilityComparison.Compare(nationalRanking, cityGroupRanking, topK: 3);
        var nationalScale = FeasibilityScale.FromNational(national, "national model (UK among EU-28, 10 NACE groups)");
        var microScale = CityScale(m, $"city-region model ({m.Region.Name}, firm-level data)");
        var publishedScale = CityScale(p, $"city-region model ({p.Region.Name}, published BRES)");
        var r1 = FeasibilityReport.Create(nationalScale, microScale, a1, new[]
        {
            "The national model sees the economy in 10 NACE section groups; the city-region model scores SIC divisions, aggregated here to the same groups by the employment-weighted mean composite.",
        });
        var a2 = FeasibilityComparison.Compare(p.Score.Units.Select(u => (u.Code, u.Rank)).ToList(), m.Score.Units.Select(u => (u.Code, u.Rank)).ToList(), topK: 10);
        var r2 = FeasibilityReport.Create(publishedScale, microScale, a2, new[]
        {
            "Both runs use the same spec, benchmark and complexity reference; they differ only in whether specialisation, growth and technology intensity come from firm-level data (with the firm bootstrap) or from published BRES cells (with their rounding intervals); without firms the technology pillar is empty and re-weighted away.",
        });
        return new Result(r1, r2, national, m, p, groups);
    }

    /// <summary>One scale's reliability numbers from a city-region run: a cell is unreliable when its indicator value is missing or the sector carries a reliability flag.</summary>
    public static FeasibilityScale CityScale(CityRegionRunResult r, string label)
    {
        var mx = r.Matrix;
        var used = r.Score.Indicators.Where(i => i.Used).Select(i => mx.ColumnOf(i.Id)).Where(k => k >= 0).ToArray();
        int cells = 0, bad = 0;
        for (int e = 0; e < mx.UnitCount; e++)
        {
            bool flagged = Reliability.Flags(r, mx.UnitCodes[e]).Length > 0;
            foreach (var k in used)
            {
                cells++;
                if (double.IsNaN(mx[e, k]) || flagged) bad++;
            }
        }
        return FeasibilityScale.FromBands(label, r.MonteCarlo, r.Score.Unscored.Count, cells == 0 ? double.NaN : (double)bad / cells,
            "missing value, or the sector carries a reliability flag (few firms, LQ band straddling 1, wide rank band, unreliable complexity)",
            GatedDiagnostics(r));
    }

    /// <summary>The run's complexity diagnostics, marked unreliable when its complexity gate failed (the eigenvector may be sound while its sign is not identified).</summary>
    private static Complexity.ComplexityDiagnostics GatedDiagnostics(CityRegionRunResult r)
    {
        var d = r.Complexity.Diagnostics;
        if (r.ComplexityGate is not { Passed: false } g) return d;
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var why = new List<string>();
        if (!g.SignsAgree) why.Add("anchored on productivity, ECI correlates negatively with diversity (" + string.Join(", ", g.Years.Select((y, i) => string.Format(inv, "{0}: r = {1:0.###}", y, g.CorrDiversity[i]))) + ")");
        if (!g.Stable) why.Add(string.Format(inv, "PCI ranks from one year to the next agree only ρ = {0:0.###}", g.YearStability));
        return d with { Reliable = false, Warning = "complexity gate failed: " + string.Join("; ", why) + "; " + string.Join(" and ", g.Excluded) + " carry no weight" };
    }
}
