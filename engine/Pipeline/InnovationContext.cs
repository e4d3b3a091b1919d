using CompeteModel.Engine.Catalogue;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Indicators;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// Place-level innovation context for the report (issue 14): Innovate UK funding, UKRI funding and business R&amp;D
/// (NUTS 2, via Nesta's beis-indicators) of a region against Great Britain, per BRES job. For each indicator, the latest
/// year the indicator and BRES both have and in which every ITL2 area of the region and of Great Britain is present:
/// value per job = Σ value over the areas / Σ BRES employment over the areas (all sectors, known cells), and the ratio
/// region ÷ Great Britain. Context beside the enabling-technology discussion, never a scored indicator or a sector's
/// evidence. A region that is not a union of ITL2 areas has no value (NaN, with the reason).
/// </summary>
public static class InnovationContext
{
    public sealed record Row(string Indicator, string Unit, int Year, double RegionValue, double RegionPerJob, double GbPerJob, double Ratio, string Reason);

    private static readonly (string Id, string Label, string Unit)[] Indicators =
    [
        (DataCatalogue.Ids.InnovateUkFunding, "Innovate UK funding", "£ per job"),
        (DataCatalogue.Ids.UkriFunding, "UKRI research and innovation funding", "£ per job"),
        (DataCatalogue.Ids.Berd, "Business enterprise R&D expenditure", "€ per job"),
    ];

    public static IReadOnlyList<Row> Build(UkData uk, Region region)
    {
        var rows = new List<Row>();
        var gb = uk.Geography.GreatBritain;
        foreach (var (id, label, unit) in Indicators)
        {
            if (!uk.Catalogue.Exists(id)) continue;
            if (!region.IsItl2Union)
            {
                rows.Add(new Row(label, unit, 0, double.NaN, double.NaN, double.NaN, double.NaN,
                    $"{region.Name} is not a union of ITL2 (NUTS 2) areas, which these indicators describe"));
                continue;
            }
            var table = uk.Catalogue.Load(id, "innovation", InnovationTable.Read);
            var bresYears = uk.BresYears;
            int year = table.Years.Where(bresYears.Contains)
                .Where(y => gb.Itl2Codes.All(c => table.Has(y, c)) && region.Itl2Codes.All(c => table.Has(y, c)))
                .DefaultIfEmpty(0).Max();
            if (year == 0)
            {
                rows.Add(new Row(label, unit, 0, double.NaN, double.NaN, double.NaN, double.NaN,
                    "no year in which the indicator covers every GB ITL2 area and BRES has employment"));
                continue;
            }
            if (uk.TryCompose(region, SectorLevel.Section, [year], out var why) is null || uk.TryCompose(gb, SectorLevel.Section, [year], out why) is null)
            {
                rows.Add(new Row(label, unit, year, double.NaN, double.NaN, double.NaN, double.NaN, "no BRES employment to divide by: " + why));
                continue;
            }
            double Sum(Region r) => r.Itl2Codes.Sum(c => table.Value(year, c));
            var panel = uk.BuildEmploymentPanel([region, gb], SectorLevel.Section, [year]);
            var emp = panel[Measure.Employment];
            double Jobs(int r) => Specialisation.KnownSum(Enumerable.Range(0, panel.S).Select(s => emp.Value[panel.Index(r, s, 0)]).ToArray());
            double rv = Sum(region), rj = Jobs(0), gv = Sum(gb), gj = Jobs(1);
            double rp = rj > 0 ? rv / rj : double.NaN, gp = gj > 0 ? gv / gj : double.NaN;
            rows.Add(new Row(label, unit, year, rv, rp, gp, gp > 0 ? rp / gp : double.NaN, ""));
        }
        return rows;
    }
}
