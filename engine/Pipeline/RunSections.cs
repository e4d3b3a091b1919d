using System.Globalization;
using CompeteModel.Engine.Catalogue;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Reporting;

namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// The report sections built from the data beside a run (issue 14): the region's districts side by side when the
/// employment data are by district (<see cref="DistrictProfile"/>), place-level innovation context
/// (<see cref="InnovationContext"/>), and every dataset the run read with its vintage.
/// </summary>
public static class RunSections
{
    public static RunDataSections Build(UkData uk, CityRegionRunResult r, IReadOnlyList<DataSource> datasets, int topSectors = 10)
    {
        var sections = new List<ReportSection>();
        var sheets = new List<(string, Table)>();
        var top = r.Score.Units.Take(topSectors).Select(u => u.Code).ToList();
        if (DistrictProfile.Build(uk, r.Region, r.Level, r.BaseYear, r.Year, top) is { } d)
        {
            sections.AddRange(Districts(d, r.Region.Name));
            sheets.Add(("districts", Long(d)));
        }
        if (Innovation(uk, r) is { } i) sections.Add(i);
        var ds = Datasets(datasets);
        sections.Add(ds);
        sheets.Add(("datasets", AsTable(ds)));
        return new RunDataSections(sections, sheets);
    }

    /// <summary>A section's table as text columns.</summary>
    private static Table AsTable(ReportSection s) =>
        new(s.Header.Select((h, c) => TableColumn.Of(h, s.Rows.Select(r => (string?)(c < r.Count ? r[c] : "")).ToArray())).ToArray());

    private static bool[] Numeric(int columns, params int[] numeric) => Enumerable.Range(0, columns).Select(numeric.Contains).ToArray();

    public static IReadOnlyList<ReportSection> Districts(DistrictProfile d, string regionName)
    {
        var headers = new List<string> { "Sector" };
        headers.AddRange(d.DistrictNames);
        var numeric = Numeric(headers.Count, Enumerable.Range(1, d.DistrictNames.Count).ToArray());
        List<IReadOnlyList<string>> Rows(double[] values, Func<double, string> format) =>
            Enumerable.Range(0, d.SectorCodes.Count).Select(s => (IReadOnlyList<string>)new[] { $"{d.SectorCodes[s]} {d.SectorNames[s]}" }
                .Concat(Enumerable.Range(0, d.DistrictCodes.Count).Select(k => format(values[d.Index(k, s)]))).ToList()).ToList();
        var lq = new ReportSection($"Districts side by side: specialisation, {d.Year}",
            [$"Location quotient against Great Britain of {regionName}'s top-ranked sectors in each of its {d.DistrictCodes.Count} districts (BRES employment by district)."],
            headers, Rows(d.Lq, v => ReportFormat.Fixed(v)), numeric);
        var growth = new ReportSection($"Districts side by side: growth, {d.BaseYear}–{d.Year}",
            ["Compound annual growth of employment in each district, per cent a year."],
            headers, Rows(d.Cagr, v => ReportFormat.Fixed(100 * v, 1)), numeric);
        return [lq, growth];
    }

    private static Table Long(DistrictProfile d)
    {
        int n = d.DistrictCodes.Count * d.SectorCodes.Count;
        var dist = new string?[n];
        var name = new string?[n];
        var sector = new string?[n];
        for (int k = 0; k < d.DistrictCodes.Count; k++)
            for (int s = 0; s < d.SectorCodes.Count; s++)
            {
                int i = d.Index(k, s);
                dist[i] = d.DistrictCodes[k];
                name[i] = d.DistrictNames[k];
                sector[i] = d.SectorCodes[s];
            }
        return new Table(new[]
        {
            TableColumn.Of("district", dist), TableColumn.Of("district_name", name), TableColumn.Of("sector", sector),
            TableColumn.Of("employment_" + d.Year.ToString(CultureInfo.InvariantCulture), d.Employment), TableColumn.Of("lq", d.Lq),
            TableColumn.Of("cagr", d.Cagr),
        });
    }

    private static ReportSection? Innovation(UkData uk, CityRegionRunResult r)
    {
        var rows = InnovationContext.Build(uk, r.Region);
        if (rows.Count == 0) return null;
        return new ReportSection("Innovation context (place level)",
            [$"{r.Region.Name} against Great Britain on region-level innovation inputs per 1,000 BRES jobs, pooled over the latest {InnovationContext.Window} complete years. " +
            "These describe the place, not its sectors: context for the enabling-technology discussion, not part of any score.",
             "Innovate UK funded projects and UKRI Gateway to Research (Open Government Licence v3.0), Eurostat business R&D (© European Union), " +
             "as processed by Nesta's beis-indicators (MIT); see datasets/innovation/README.md."],
            ["Indicator", "Years", $"{r.Region.Name}", "Great Britain", "Ratio", "Note"],
            rows.Select(x => (IReadOnlyList<string>)new[]
            {
                x.Indicator + " (" + x.Unit + ")", x.FirstYear > 0 ? ReportFormat.Int(x.FirstYear) + "–" + ReportFormat.Int(x.LastYear) : ReportFormat.Missing,
                ReportFormat.Fixed(x.RegionPerThousandJobs, 0), ReportFormat.Fixed(x.GbPerThousandJobs, 0), ReportFormat.Fixed(x.Ratio), x.Reason,
            }).ToList(),
            Numeric(6, 1, 2, 3, 4));
    }

    public static ReportSection Datasets(IReadOnlyList<DataSource> datasets) =>
        new("Datasets and vintages", ["Every dataset this run read, with the release it is."],
            ["Dataset", "File", "Vintage", "Licence"],
            datasets.Select(d => (IReadOnlyList<string>)new[] { d.Info.Description, Path.GetFileName(d.Path), d.Vintage, d.Info.Licence }).ToList(),
            Numeric(4));
}
