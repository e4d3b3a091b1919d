using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.Statistics;

namespace CompeteModel.Engine.Procurement;

/// <summary>
/// Employment, location quotient and growth of each SIC division in a region that is a union of
/// ITL2 areas, from the published BRES division table (ITL2 × SIC 2-digit).
/// <para>Employment e[s] = Σ over the region's ITL2 areas of the published count in the latest year
/// (NaN when any of those cells is unpublished); its interval sums the cells' rounding intervals.
/// LQ[s] = (e[s]/E) / (B[s]/B), with E the region's total over published divisions and B the same
/// sums over all Great Britain ITL2 areas in the file (METHODS.md: benchmark = all regions in the
/// data); its interval replaces e[s] by its bounds, holding E and B at their published values.
/// Growth = (e1/e0)^(1/(t1−t0)) − 1 between the first and latest year (NaN when e0 ≤ 0).</para>
/// </summary>
public sealed class RegionalCapacity
{
    private readonly Dictionary<string, DivisionCapacity> _byDivision;

    private RegionalCapacity(Region region, int firstYear, int year, List<DivisionCapacity> divisions, double regionEmployment, double benchmarkEmployment)
    {
        RegionEmployment = regionEmployment;
        BenchmarkEmployment = benchmarkEmployment;
        Region = region;
        FirstYear = firstYear;
        Year = year;
        Divisions = divisions;
        _byDivision = divisions.ToDictionary(d => d.Division, StringComparer.Ordinal);
    }

    public Region Region { get; }
    public int FirstYear { get; }
    public int Year { get; }

    /// <summary>E_R: the region's employment in <see cref="Year"/>, summed over published divisions (the LQ's denominator).</summary>
    public double RegionEmployment { get; }

    /// <summary>E_N: Great Britain's employment in <see cref="Year"/>, summed over all ITL2 areas and published divisions.</summary>
    public double BenchmarkEmployment { get; }

    /// <summary>Divisions in code order.</summary>
    public IReadOnlyList<DivisionCapacity> Divisions { get; }

    public DivisionCapacity? Get(string division) => _byDivision.GetValueOrDefault(division);

    /// <summary>
    /// Builds the capacity table. <paramref name="divisionTable"/> is the BRES ITL2 × division file
    /// read with <see cref="BresReader"/>; <paramref name="divisionNames"/> maps codes to names.
    /// </summary>
    public static RegionalCapacity FromBres(BresTable divisionTable, Region region, IReadOnlyDictionary<string, string> divisionNames)
    {
        if (!region.IsItl2Union)
            throw new InputException($"{region.Name} is not a union of ITL2 areas, so the ITL2 BRES table cannot describe its employment; choose a city region that is (WMCA, GMCA, LCR, WYCA, SYMCA, London) or an ITL2/ITL1 area", field: "--region");
        var years = divisionTable.Years;
        if (years.Count == 0) throw new InputException("the BRES division table is empty", divisionTable.Account.Source);
        int y1 = years[^1], y0 = years[0];
        var inRegion = new HashSet<string>(region.Itl2Codes, StringComparer.Ordinal);
        var e1 = new SortedDictionary<string, (double V, double Lo, double Hi, int N)>(StringComparer.Ordinal);
        var e0 = new Dictionary<string, (double V, int N)>(StringComparer.Ordinal);
        var gb = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int i = 0; i < divisionTable.Count; i++)
        {
            var code = divisionTable.IndustryCode[i];
            if (code.Length != 2) continue;
            int y = divisionTable.Year[i];
            double v = divisionTable.Value[i];
            if (y == y1 && !double.IsNaN(v)) gb[code] = gb.GetValueOrDefault(code) + v;
            if (!inRegion.Contains(divisionTable.GeographyCode[i])) continue;
            if (y == y1)
            {
                var a = e1.GetValueOrDefault(code);
                e1[code] = (a.V + v, a.Lo + divisionTable.Lower[i], a.Hi + divisionTable.Upper[i], a.N + 1);
            }
            else if (y == y0)
            {
                var a = e0.GetValueOrDefault(code);
                e0[code] = (a.V + v, a.N + 1);
            }
        }
        double regionTotal = e1.Values.Where(a => !double.IsNaN(a.V)).Sum(a => a.V);
        double gbTotal = gb.Values.Sum();
        var list = new List<DivisionCapacity>();
        foreach (var (code, a) in e1)
        {
            bool complete = a.N == region.Itl2Codes.Length;
            double v = complete ? a.V : double.NaN, lo = complete ? a.Lo : double.NaN, hi = complete ? a.Hi : double.NaN;
            double bShare = gb.GetValueOrDefault(code) / gbTotal;
            double lq = LocationQuotient.OfShare(v, regionTotal, bShare), lqLo = LocationQuotient.OfShare(lo, regionTotal, bShare), lqHi = LocationQuotient.OfShare(hi, regionTotal, bShare);
            double growth = double.NaN;
            if (e0.TryGetValue(code, out var b) && b.N == region.Itl2Codes.Length && b.V > 0 && !double.IsNaN(v) && y1 > y0)
                growth = CompoundGrowth.Rate(b.V, v, y1 - y0);
            list.Add(new DivisionCapacity(code, divisionNames.GetValueOrDefault(code, code), v, lo, hi, lq, lqLo, lqHi, growth));
        }
        return new RegionalCapacity(region, y0, y1, list, regionTotal, gbTotal);
    }
}
