using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Engine.Complexity;

/// <summary>
/// The reference geography a city region's complexity is read from: the ITL2 areas of Great Britain
/// (40; BRES does not cover Northern Ireland) × SIC sectors at one level, on BRES employment. A region
/// that is a union of ITL2 areas (WMCA = TLG3; London = TLI3–TLI7) replaces its parts by one row, so no
/// job is counted twice and the region competes with the rest of GB as one unit.
/// <para>Cells: the published subclass counts summed to the level (<see cref="UkData.BuildEmploymentPanel"/>).
/// A cell with no published value at all is treated as absent (0 in the matrix, as py-ecomplexity treats
/// a missing pair) and counted in <see cref="UnknownCells"/>; a sum with an unpublished part keeps the sum
/// of its known parts (a lower estimate) and is counted in <see cref="LowerBoundCells"/>.</para>
/// </summary>
public sealed class UkReferenceGeography
{
    private UkReferenceGeography(IReadOnlyList<Region> regions, int regionRow, Panel panel,
        IReadOnlyList<ComplexityYear> years, int[] unknownCells, int[] lowerBoundCells)
    {
        Regions = regions;
        RegionRow = regionRow;
        Panel = panel;
        Years = years;
        UnknownCells = unknownCells;
        LowerBoundCells = lowerBoundCells;
    }

    /// <summary>The reference rows: ITL2 areas in code order, the region's merged row where its first part was. Matrix labels are the regions' ids.</summary>
    public IReadOnlyList<Region> Regions { get; }

    /// <summary>The row of the region the reference was built for.</summary>
    public int RegionRow { get; }

    /// <summary>BRES employment of the reference rows (value, rounding intervals).</summary>
    public Panel Panel { get; }

    /// <summary>One activity matrix per panel year (labels: region ids × sector codes).</summary>
    public IReadOnlyList<ComplexityYear> Years { get; }

    /// <summary>Per panel year: cells with no published value (read as absent).</summary>
    public int[] UnknownCells { get; }

    /// <summary>Per panel year: cells summed from published and unpublished parts (a lower estimate).</summary>
    public int[] LowerBoundCells { get; }

    /// <summary>
    /// Builds the reference for <paramref name="region"/> (an ITL2 area or a union of ITL2 areas) at
    /// <paramref name="level"/> for <paramref name="years"/> (in the order given). Throws an
    /// <see cref="InputException"/> for a region that is not such a union (it needs micro data) or that
    /// covers all of Great Britain (nothing would be left to compare it with).
    /// </summary>
    public static UkReferenceGeography Build(UkData data, Region region, SectorLevel level, IReadOnlyList<int> years)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(region);
        var itl2 = data.Geography.GreatBritain.Itl2Codes;
        if (!region.IsItl2Union)
            throw new InputException($"region '{region.Name}' ({region.Code}) is not a union of whole ITL2 areas, so the ITL2 reference geography cannot hold it " +
                                     "(BRES open-access employment is published for ITL2 areas only)", field: "--region");
        var parts = new HashSet<string>(region.Itl2Codes, StringComparer.Ordinal);
        var outside = parts.FirstOrDefault(c => !itl2.Contains(c));
        if (outside is not null)
            throw new InputException($"region '{region.Name}' includes {outside}, which is not an ITL2 area of Great Britain (BRES covers GB only)", field: "--region");
        var byCode = data.Geography.OfKind(RegionKind.Itl2).ToDictionary(r => r.Code, StringComparer.Ordinal);
        var (regions, regionRow) = ReferenceRows.Merge(itl2.Select(c => byCode[c]), region, r => parts.Contains(r.Code));
        if (regions.Count < 2)
            throw new InputException($"region '{region.Name}' covers all of Great Britain; complexity needs other regions to compare it with", field: "--region");

        var panel = data.BuildEmploymentPanel(regions, level, years);
        var emp = panel[Measure.Employment];
        var labels = regions.Select(r => r.Id).ToArray();
        var codes = panel.Sectors.Select(s => s.Code).ToArray();
        int R = panel.R, S = panel.S;
        var list = new ComplexityYear[panel.T];
        var unknown = new int[panel.T];
        var lower = new int[panel.T];
        for (int t = 0; t < panel.T; t++)
        {
            var x = new double[R * S];
            int off = t * R * S;
            for (int i = 0; i < x.Length; i++)
            {
                double v = emp.Value[off + i];
                if (double.IsNaN(v)) { unknown[t]++; continue; }
                if (double.IsPositiveInfinity(emp.Upper[off + i])) lower[t]++;
                x[i] = v;
            }
            list[t] = new ComplexityYear(panel.Years[t].ToString(System.Globalization.CultureInfo.InvariantCulture), new ActivityMatrix(labels, codes, x));
        }
        return new UkReferenceGeography(regions, regionRow, panel, list, unknown, lower);
    }

    /// <summary>
    /// Labour productivity of each reference row in <paramref name="year"/>, £ per job: ONS regional GVA
    /// at current prices, the all-industries "Total" row (ITL2, balanced; £ million × 10⁶, summed over the
    /// row's ITL2 parts) divided by the row's BRES employment summed over all sectors (employees and
    /// working owners; known cells only). This is the GVA-per-job-filled concept of ONS's subregional
    /// productivity statistics, with BRES jobs as the denominator; "Total" includes imputed rental of
    /// owner-occupied housing, as ONS's regional GVA totals do. NaN (no value) where either part is unknown.
    /// Throws an <see cref="InputException"/> when the GVA table has no such year.
    /// </summary>
    public IReadOnlyDictionary<string, double> Productivity(UkData data, int year)
    {
        var gva = data.GvaItl2(false);
        if (!gva.HasYear(year))
            throw new InputException($"year {year} is not in ONS regional GVA ({gva.Years[0]}–{gva.Years[^1]}), so productivity cannot anchor the sign", gva.Source, field: "--year");
        int t = Panel.YearIndex(year);
        var emp = Panel[Measure.Employment];
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int r = 0; r < Regions.Count; r++)
        {
            double jobs = 0;
            for (int s = 0; s < Panel.S; s++)
            {
                double v = emp.Value[Panel.Index(r, s, t)];
                if (!double.IsNaN(v)) jobs += v;
            }
            double pounds = 0;
            foreach (var c in Regions[r].Itl2Codes) pounds += gva.Value(c, GvaIndustries.TotalCode, year) * 1e6;
            result[Regions[r].Id] = jobs > 0 ? pounds / jobs : double.NaN;
        }
        return result;
    }
}
