using System.Collections.Immutable;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Indicators;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// A region's districts side by side (issue 14): for each district of the region, as the employment data build it
/// (a district-level BRES download), and each of the given sectors, employment in the year, the location quotient
/// against Great Britain in the year (<see cref="Specialisation.LocationQuotient"/>, district total = sum of its known
/// sector cells) and compound annual growth from the base year (<see cref="Growth.Cagr"/>). Null when the region's
/// employment does not come from districts (ITL2 data cannot be split).
/// </summary>
public sealed record DistrictProfile(
    IReadOnlyList<string> DistrictCodes,
    IReadOnlyList<string> DistrictNames,
    IReadOnlyList<string> SectorCodes,
    IReadOnlyList<string> SectorNames,
    int BaseYear,
    int Year,
    double[] Employment,
    double[] Lq,
    double[] Cagr)
{
    /// <summary>Index of district d, sector s in the row-major arrays.</summary>
    public int Index(int d, int s) => d * SectorCodes.Count + s;

    public static DistrictProfile? Build(UkData uk, Region region, SectorLevel level, int baseYear, int year, IReadOnlyList<string> sectorCodes)
    {
        var years = new[] { baseYear, year };
        var composition = uk.TryCompose(region, level, years, out _);
        if (composition is null || composition.Kind != BresAreaKind.District || sectorCodes.Count == 0) return null;
        var table = composition.Table;
        var districts = composition.Areas
            .Select(a => new Region(a, a, uk.Geography.TryGetLad(a, out var l) ? l.Name : table.GeographyNames.GetValueOrDefault(a, a), RegionKind.Lad,
                [a], ImmutableArray<string>.Empty))
            .ToList();
        var gb = uk.Geography.GreatBritain;
        var panel = uk.BuildEmploymentPanel([.. districts, gb], level, years);
        var emp = panel[Measure.Employment];
        int S = panel.S, D = districts.Count, K = sectorCodes.Count, n = D * K;
        int t0 = panel.YearIndex(baseYear), t1 = panel.YearIndex(year);
        double RowTotal(int r, int t)
        {
            var row = new double[S];
            for (int s = 0; s < S; s++) row[s] = emp.Value[panel.Index(r, s, t)];
            return Specialisation.KnownSum(row);
        }
        double gbTotal = RowTotal(D, t1);
        var idx = sectorCodes.Select(c => panel.TrySectorIndex(c, out var s) ? s : -1).ToArray();
        double[] e = new double[n], lq = new double[n], cagr = new double[n];
        for (int d = 0; d < D; d++)
        {
            double total = RowTotal(d, t1);
            for (int k = 0; k < K; k++)
            {
                int i = d * K + k, s = idx[k];
                if (s < 0) { e[i] = lq[i] = cagr[i] = double.NaN; continue; }
                e[i] = emp.Value[panel.Index(d, s, t1)];
                lq[i] = Specialisation.LocationQuotient(e[i], total, emp.Value[panel.Index(D, s, t1)], gbTotal, out _);
                cagr[i] = Growth.Cagr(emp.Value[panel.Index(d, s, t0)], e[i], year - baseYear, out _);
            }
        }
        var names = sectorCodes.Select(c => panel.TrySectorIndex(c, out var s) ? panel.Sectors[s].Name : c).ToList();
        return new DistrictProfile(districts.Select(x => x.Id).ToList(), districts.Select(x => x.Name).ToList(), sectorCodes.ToList(), names,
            baseYear, year, e, lq, cagr);
    }
}
