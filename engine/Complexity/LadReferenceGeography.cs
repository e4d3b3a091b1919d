using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Ingest;
using CompeteModel.Engine.Ingest.Micro;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Engine.Complexity;

/// <summary>
/// The second reference geography: every GB local authority district × SIC sectors at one level, on
/// employment summed from firm-level data for one year (<see cref="MicroAggregator"/>: a cell is the sum of
/// its firms' employment; micro data are a census of the firms given, so a cell without firms is 0).
/// The city region's districts are merged into one row, as <see cref="UkReferenceGeography"/> merges
/// ITL2 parts (<see cref="ReferenceRows"/>). Districts without any firm have a zero row and are left out
/// of the calculation (reported in the result's DroppedLocations).
/// </summary>
public sealed class LadReferenceGeography
{
    private LadReferenceGeography(IReadOnlyList<Region> regions, int regionRow, int year, ActivityMatrix matrix, RowAccount account, int itl2WithFirms)
    {
        Regions = regions;
        RegionRow = regionRow;
        Year = year;
        Matrix = matrix;
        Account = account;
        Itl2AreasWithFirms = itl2WithFirms;
    }

    /// <summary>The reference rows: GB districts in code order, the region's merged row where its first district was.</summary>
    public IReadOnlyList<Region> Regions { get; }

    /// <summary>The row of the region the reference was built for.</summary>
    public int RegionRow { get; }
    public int Year { get; }

    /// <summary>Employment, rows labelled by region id (district code; the region's id for the merged row) × sector codes.</summary>
    public ActivityMatrix Matrix { get; }

    /// <summary>Every firm row of the table: used, or rejected (other year, SIC code coarser than the level).</summary>
    public RowAccount Account { get; }

    /// <summary>How many GB ITL2 areas have at least one firm of the year (40 when the data cover Great Britain).</summary>
    public int Itl2AreasWithFirms { get; }

    /// <summary>
    /// Builds the district reference for <paramref name="region"/> from <paramref name="firms"/> in <paramref name="year"/>.
    /// Throws an <see cref="InputException"/> when the year has no firms, the region has no GB district, or no firm
    /// lies outside the region's districts (nothing to compare it with).
    /// </summary>
    public static LadReferenceGeography Build(FirmTable firms, Region region, SectorLevel level, int year)
    {
        ArgumentNullException.ThrowIfNull(firms);
        ArgumentNullException.ThrowIfNull(region);
        var geo = firms.Geography;
        var years = firms.Years();
        if (!years.Contains(year))
            throw new InputException(years.Count == 0 ? "the firm-level data have no rows"
                : $"year {year} is not in the firm-level data (years {years[0]}–{years[^1]})", field: "--year");
        var gb = new HashSet<string>(geo.GreatBritain.LadCodes, StringComparer.Ordinal);
        var parts = new HashSet<string>(region.LadCodes, StringComparer.Ordinal);
        var lads = geo.Regions.Where(r => r.Kind == RegionKind.Lad && gb.Contains(r.Code)).OrderBy(r => r.Code, StringComparer.Ordinal);
        var (rows, regionRow) = ReferenceRows.Merge(lads, region, r => parts.Contains(r.Code));
        if (regionRow < 0)
            throw new InputException($"region '{region.Name}' has no district in Great Britain, so the district reference cannot hold it", field: "--region");
        if (rows.Count < 2)
            throw new InputException($"region '{region.Name}' covers all of Great Britain; complexity needs other regions to compare it with", field: "--region");

        var micro = MicroAggregator.ToPanel(firms, rows, level, [year]);
        var panel = micro.Panel;
        var emp = panel.Slice(Measure.Employment, 0);
        var x = new double[emp.Length];
        for (int i = 0; i < x.Length; i++) x[i] = double.IsNaN(emp[i]) ? 0 : emp[i];
        var matrix = new ActivityMatrix(rows.Select(r => r.Id).ToArray(), panel.Sectors.Select(s => s.Code).ToArray(), x);

        var itl2 = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < firms.Count; i++)
        {
            if (firms.Year[i] != year) continue;
            var lad = geo.Lads[firms.LadIndex[i]];
            if (!gb.Contains(lad.Code)) continue;
            itl2.Add(firms.Itl2[i] ?? lad.Itl2Codes[0]);
        }
        int others = 0;
        for (int r = 0; r < rows.Count; r++)
        {
            if (r == regionRow) continue;
            for (int j = 0; j < matrix.ProductCount; j++) if (matrix[r, j] > 0) { others++; break; }
        }
        if (others == 0)
            throw new InputException($"the firm-level data have no firm of {year} outside {region.Name}'s districts ({itl2.Count} of {geo.GreatBritain.Itl2Codes.Length} GB ITL2 areas have firms); " +
                                     "the district reference needs firms across Great Britain", field: "--firms");
        return new LadReferenceGeography(rows, regionRow, year, matrix, micro.Account, itl2.Count);
    }

    /// <summary>Relatedness and complexity of the district reference (one cross-section, labelled by the year).</summary>
    public ComplexityYearResult Compute(ComplexityOptions options) =>
        ComplexityCalculator.Compute(Matrix, options, Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
