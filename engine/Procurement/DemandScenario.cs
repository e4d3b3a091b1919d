using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;

namespace CompeteModel.Engine.Procurement;

/// <summary>
/// A demand push for one technology in one region, set against local capacity.
/// <para>Baseline D0 = Σ annual value of the processes tagged with the technology whose buyer is in the
/// region (or the user's baseline). Scenario demand D1 = uplift × D0; added demand = D1 − D0.</para>
/// <para>Supply mix w_s = Σ_p annual_p × share_p,s / Σ_p annual_p over the tagged processes of the region,
/// or over all tagged processes in the input when the region has none (a technology's mix of
/// supplying industries is a property of what is bought, not of who buys it; the result says which).</para>
/// <para>Leakage uses the simple location quotient method of regionalising input-output coefficients
/// (Miller &amp; Blair 2009, Input-Output Analysis, 2nd ed., §8.2): a division with LQ_s ≥ 1 is taken to
/// meet local demand from local firms; one with LQ_s &lt; 1 to meet the fraction LQ_s and import the rest.
/// Local supply share = min(1, LQ_s); leakage share = 1 − min(1, LQ_s); leaked demand = D1·w_s·(1 − min(1, LQ_s)).
/// The overall leakage rate Σ_s w_s·(1 − min(1, LQ_s)) / Σ_s w_s runs over the divisions with a known LQ (those
/// with unpublished employment are left out and their mix share reported), with bounds from the LQ rounding intervals.</para>
/// <para>Each division is assessed: "leaks: low LQ" (LQ &lt; 1), "local strength" (LQ ≥ 1), with
/// "uncertain" when the rounding interval straddles 1, and "shrinking" when employment growth &lt; 0.</para>
/// </summary>
public static class DemandScenario
{
    public static ScenarioResult Run(IReadOnlyList<ClassifiedProcess> processes, Region region, string technologyId,
        RegionalCapacity capacity, ScenarioOptions? options = null)
    {
        options ??= new ScenarioOptions();
        if (!(options.Uplift >= 0) || double.IsInfinity(options.Uplift))
            throw new InputException($"uplift must be a number ≥ 0 (2 doubles the demand), not {options.Uplift}", field: "--uplift");
        if (options.BaselineAnnualGbp is { } b && !(b >= 0))
            throw new InputException($"baseline must be an annual amount in pounds ≥ 0, not {b}", field: "--baseline");
        var lads = new HashSet<string>(region.LadCodes, StringComparer.Ordinal);
        var tagged = processes.Where(p => p.HasTechnology(technologyId)).ToList();
        if (tagged.Count == 0)
            throw new InputException($"no process in the input is tagged '{technologyId}', so there is no mix of supplying sectors to scale; check the technology id or give a larger input", field: "--technology");
        var regional = tagged.Where(p => p.Buyer.IsInside(lads)).ToList();
        double observed = regional.Sum(p => p.Process.AnnualValueGbp);
        var mixFrom = regional.Where(p => p.SectorShares.Length > 0).ToList();
        string mixSource = "region";
        if (mixFrom.Count == 0)
        {
            mixFrom = tagged.Where(p => p.SectorShares.Length > 0).ToList();
            mixSource = "all_input";
        }
        if (mixFrom.Count == 0)
            throw new InputException($"none of the processes tagged '{technologyId}' has a CPV code the concordance maps, so the supplying sectors are unknown", field: "--technology");
        var mix = new SortedDictionary<string, double>(StringComparer.Ordinal);
        double mixTotal = 0;
        foreach (var p in mixFrom)
        {
            double w = p.Process.AnnualValueGbp;
            foreach (var (div, share) in p.SectorShares) mix[div] = mix.GetValueOrDefault(div) + w * share;
            mixTotal += w;
        }
        double baseline = options.BaselineAnnualGbp ?? observed;
        double scenario = options.Uplift * baseline, added = scenario - baseline;
        var rows = new List<ScenarioRow>();
        double leak = 0, leakLo = 0, leakHi = 0, withoutCapacity = 0;
        foreach (var (div, raw) in mix)
        {
            double w = raw / mixTotal;
            var cap = capacity.Get(div);
            double lq = cap?.LocationQuotient ?? double.NaN;
            double local = double.IsNaN(lq) ? double.NaN : Math.Min(1, lq);
            double leakShare = 1 - local;
            if (double.IsNaN(lq)) withoutCapacity += w;
            else
            {
                leak += w * leakShare;
                leakLo += w * (1 - Math.Min(1, cap!.LqUpper));
                leakHi += w * (1 - Math.Min(1, cap.LqLower));
            }
            double emp = cap?.Employment ?? double.NaN;
            string assessment = cap is null || double.IsNaN(lq) ? "no published employment"
                : (lq < 1 ? "leaks: low LQ" : "local strength") + (cap.LqReliable ? "" : ", uncertain") + (cap.Growth < 0 ? ", shrinking" : "");
            rows.Add(new ScenarioRow(div, cap?.Name ?? div, w, scenario * w, added * w, emp,
                cap?.EmploymentLower ?? double.NaN, cap?.EmploymentUpper ?? double.NaN, lq,
                cap?.LqLower ?? double.NaN, cap?.LqUpper ?? double.NaN, cap?.LqReliable ?? false, cap?.Growth ?? double.NaN,
                local, leakShare, scenario * w * leakShare, 1e6 * w * leakShare, emp > 0 ? added * w / emp : double.NaN, assessment));
        }
        rows.Sort((a, c) =>
        {
            int k = c.MixShare.CompareTo(a.MixShare);
            return k != 0 ? k : string.CompareOrdinal(a.Division, c.Division);
        });
        double placedAnnual = 0, localAnnual = 0;
        foreach (var p in regional)
        {
            double f = p.SupplierInsideFraction(lads);
            if (double.IsNaN(f)) continue;
            placedAnnual += p.Process.AnnualValueGbp;
            localAnnual += p.Process.AnnualValueGbp * f;
        }
        double covered = 1 - withoutCapacity;
        return new ScenarioResult(region.Id, technologyId, options.Uplift, regional.Count, observed, baseline,
            options.BaselineAnnualGbp is null ? "observed" : "given", mixSource, mixFrom.Count, scenario, added,
            covered > 0 ? leak / covered : double.NaN, covered > 0 ? leakLo / covered : double.NaN, covered > 0 ? leakHi / covered : double.NaN,
            withoutCapacity, placedAnnual > 0 ? localAnnual / placedAnnual : double.NaN, rows);
    }
}
