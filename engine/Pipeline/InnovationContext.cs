using CompeteModel.Engine.Catalogue;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Indicators;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// Place-level innovation context for the report (issue 14): Innovate UK funding, UKRI funding and business R&amp;D
/// (NUTS 2, via Nesta's beis-indicators) of a region against Great Britain, per 1,000 BRES jobs. Funding is lumpy from
/// year to year, so each indicator is pooled over its latest <see cref="Window"/> complete years that BRES also has and in
/// which every ITL2 area of the region and of Great Britain is present (a year is complete before the year the data were
/// collected: Innovate UK's 2020 holds only January–August): value per 1,000 jobs = 1000 × Σ_years Σ_areas value /
/// Σ_years Σ_areas BRES employment (all sectors, known cells), and the ratio region ÷ Great Britain. Context beside the enabling-technology discussion, never a scored indicator or a sector's
/// evidence. A region that is not a union of ITL2 areas has no value (NaN, with the reason).
/// </summary>
public static class InnovationContext
{
    /// <summary>One indicator: the years pooled (first, last; 0 when none), the region's pooled value, and per 1,000 jobs.</summary>
    public sealed record Row(string Indicator, string Unit, int FirstYear, int LastYear, double RegionValue, double RegionPerThousandJobs,
        double GbPerThousandJobs, double Ratio, string Reason);

    /// <summary>Years pooled per indicator.</summary>
    public const int Window = 3;

    private static readonly (string Id, string Label, string Unit, int LastComplete)[] Indicators =
    [
        (DataCatalogue.Ids.InnovateUkFunding, "Innovate UK funding", "£ per 1,000 jobs", 2019), // collected 21 August 2020
        (DataCatalogue.Ids.UkriFunding, "UKRI research and innovation funding", "£ per 1,000 jobs", 2019), // collected 10 September 2020
        (DataCatalogue.Ids.Berd, "Business enterprise R&D expenditure", "€ per 1,000 jobs", int.MaxValue),
    ];

    public static IReadOnlyList<Row> Build(UkData uk, Region region)
    {
        var rows = new List<Row>();
        var gb = uk.Geography.GreatBritain;
        foreach (var (id, label, unit, lastComplete) in Indicators)
        {
            if (!uk.Catalogue.Exists(id)) continue;
            if (!region.IsItl2Union)
            {
                rows.Add(new Row(label, unit, 0, 0, double.NaN, double.NaN, double.NaN, double.NaN,
                    $"{region.Name} is not a union of ITL2 (NUTS 2) areas, which these indicators describe"));
                continue;
            }
            var table = uk.Catalogue.Load(id, "innovation", InnovationTable.Read);
            var bresYears = uk.BresYears;
            var years = table.Years.Where(y => y <= lastComplete && bresYears.Contains(y))
                .Where(y => gb.Itl2Codes.All(c => table.Has(y, c)) && region.Itl2Codes.All(c => table.Has(y, c)))
                .TakeLast(Window).ToArray();
            if (years.Length == 0)
            {
                rows.Add(new Row(label, unit, 0, 0, double.NaN, double.NaN, double.NaN, double.NaN,
                    "no complete year in which the indicator covers every GB ITL2 area and BRES has employment"));
                continue;
            }
            if (uk.TryCompose(region, SectorLevel.Section, years, out var why) is null || uk.TryCompose(gb, SectorLevel.Section, years, out why) is null)
            {
                rows.Add(new Row(label, unit, years[0], years[^1], double.NaN, double.NaN, double.NaN, double.NaN, "no BRES employment to divide by: " + why));
                continue;
            }
            var panel = uk.BuildEmploymentPanel([region, gb], SectorLevel.Section, years);
            var emp = panel[Measure.Employment];
            double Jobs(int r) => Enumerable.Range(0, years.Length)
                .Sum(t => Specialisation.KnownSum(Enumerable.Range(0, panel.S).Select(s => emp.Value[panel.Index(r, s, t)]).ToArray()));
            double Sum(Region r) => years.Sum(y => r.Itl2Codes.Sum(c => table.Value(y, c)));
            double rv = Sum(region), rj = Jobs(0), gv = Sum(gb), gj = Jobs(1);
            double rp = rj > 0 ? 1000 * rv / rj : double.NaN, gp = gj > 0 ? 1000 * gv / gj : double.NaN;
            rows.Add(new Row(label, unit, years[0], years[^1], rv, rp, gp, gp > 0 ? rp / gp : double.NaN, ""));
        }
        return rows;
    }
}
