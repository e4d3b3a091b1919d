using CompeteModel.Engine.Ingest.Uk;

namespace CompeteModel.Engine.Procurement;

/// <summary>
/// Gross value added per job of each SIC division in a region, to turn local demand into jobs supported.
/// <para>For division s, g_s = Σ_{ITL2 a in region} GVA(a, row(s), t) × 10⁶ / Σ_{d in row(s)} e_d, in £ per job:
/// GVA from ONS "Regional gross value added (balanced) by industry", current prices, ITL2 (£ million;
/// datasets/uk/ons_gva_current_itl2.csv.gz), row(s) the finest row of that table covering s ("43", or
/// "CI (26)"), employment e_d from BRES for the same region and year t (the capacity year). NaN when the
/// year, the region's GVA cell or any division's employment is missing.</para>
/// <para>Jobs supported by local demand D_s = D_s / g_s. Demand is gross output, of which only the GVA part
/// pays local labour and capital, so this is an upper bound on the direct jobs (no indirect or induced effects).</para>
/// </summary>
public static class GvaPerJob
{
    /// <summary>£ GVA per job by division (divisions of the capacity table), and the GVA row used for each.</summary>
    public static IReadOnlyDictionary<string, (double GbpPerJob, string? GvaRow)> Compute(GvaTable gva, RegionalCapacity capacity)
    {
        var result = new Dictionary<string, (double, string?)>(StringComparer.Ordinal);
        bool year = gva.HasYear(capacity.Year);
        foreach (var d in capacity.Divisions)
        {
            var row = gva.Industries.OfDivision(d.Division);
            if (row is null || !year)
            {
                result[d.Division] = (double.NaN, row?.Code);
                continue;
            }
            double value = 0;
            foreach (var itl2 in capacity.Region.Itl2Codes)
                value += gva.HasRegion(itl2) ? gva.Value(itl2, row.Code, capacity.Year) : double.NaN;
            double jobs = 0;
            foreach (var div in row.Divisions)
                jobs += capacity.Get(div)?.Employment ?? double.NaN;
            result[d.Division] = (jobs > 0 ? value * 1e6 / jobs : double.NaN, row.Code);
        }
        return result;
    }
}
