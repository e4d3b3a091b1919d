using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;

namespace CompeteModel.Engine.Procurement;

/// <summary>
/// A demand push for one technology in one region, set against local capacity.
/// <para>Only spend counts: a framework agreement or DPS (<see cref="ProcurementProcess.IsCeiling"/>) sets a
/// ceiling, not demand, so tagged frameworks are reported apart (count and Σ ceiling) and never enter the
/// baseline or the mix — except that the mix falls back to them, weighted by ceiling, when no tagged spend
/// carries a mapped CPV code (the result says so).</para>
/// <para>Baseline D0 = Σ annual value of the spend processes tagged with the technology whose buyer is in the
/// region (or the user's baseline). Scenario demand D1 = uplift × D0; added demand = D1 − D0.</para>
/// <para>Supply mix w_s = Σ_p annual_p × share_p,s / Σ_p annual_p over the tagged spend of the region,
/// or over all tagged spend in the input when the region has none (a technology's mix of
/// supplying industries is a property of what is bought, not of who buys it; the result says which).</para>
/// <para>Local supply share l_s from location quotients (<see cref="LocalSupply"/>): by default Flegg's FLQ,
/// l_s = min(1, SLQ_s × λ*), λ* = [log₂(1 + E_R/E_N)]^δ; with <see cref="LocalSupplyMethod.Slq"/> the simple
/// l_s = min(1, SLQ_s) (Miller &amp; Blair 2009, §8.2). Local demand = D1·w_s·l_s; leaked demand = D1·w_s·(1 − l_s).
/// The overall leakage rate Σ_s w_s·(1 − l_s) / Σ_s w_s runs over the divisions with a known LQ (those
/// with unpublished employment are left out and their mix share reported), with bounds from the LQ rounding intervals.</para>
/// <para>Jobs supported = local demand / GVA per job of the division (<see cref="GvaPerJob"/>: ONS regional GVA,
/// current prices, ITL2, over BRES employment) — direct jobs, an upper bound; added jobs use the added local demand.</para>
/// <para>Each division is assessed: "leaks: low FLQ" / "leaks: low LQ" (quotient used &lt; 1), "local strength" (≥ 1),
/// with "uncertain" when the SLQ rounding interval straddles 1, and "shrinking" when employment growth &lt; 0.</para>
/// </summary>
public static class DemandScenario
{
    public static ScenarioResult Run(IReadOnlyList<ClassifiedProcess> processes, Region region, string technologyId,
        RegionalCapacity capacity, ScenarioOptions? options = null, IReadOnlyDictionary<string, (double GbpPerJob, string? GvaRow)>? gvaPerJob = null)
    {
        options ??= new ScenarioOptions();
        if (!(options.Uplift >= 0) || double.IsInfinity(options.Uplift))
            throw new InputException($"uplift must be a number ≥ 0 (2 doubles the demand), not {options.Uplift}", field: "--uplift");
        if (options.BaselineAnnualGbp is { } b && !(b >= 0))
            throw new InputException($"baseline must be an annual amount in pounds ≥ 0, not {b}", field: "--baseline");
        if (!(options.FlqDelta >= 0 && options.FlqDelta < 1))
            throw new InputException($"the FLQ's δ must be at least 0 and below 1 (0.3 is usual), not {options.FlqDelta}", field: "--flq-delta");
        var lads = new HashSet<string>(region.LadCodes, StringComparer.Ordinal);
        var taggedAll = processes.Where(p => p.HasTechnology(technologyId)).ToList();
        if (taggedAll.Count == 0)
            throw new InputException($"no process in the input is tagged '{technologyId}', so there is no mix of supplying sectors to scale; check the technology id or give a larger input", field: "--technology");
        var tagged = taggedAll.Where(p => !p.Process.IsCeiling).ToList();
        var regionalCeilings = taggedAll.Where(p => p.Process.IsCeiling && p.Buyer.IsInside(lads)).ToList();
        var regional = tagged.Where(p => p.Buyer.IsInside(lads)).ToList();
        double observed = regional.Sum(p => p.Process.AnnualValueGbp);
        var mixFrom = regional.Where(p => p.SectorShares.Length > 0).ToList();
        string mixSource = "region";
        if (mixFrom.Count == 0)
        {
            mixFrom = tagged.Where(p => p.SectorShares.Length > 0).ToList();
            mixSource = "all_input";
        }
        bool mixFromCeilings = false;
        if (mixFrom.Count == 0)
        {
            mixFrom = taggedAll.Where(p => p.SectorShares.Length > 0).ToList();
            mixSource = "all_input_ceilings";
            mixFromCeilings = true;
        }
        if (mixFrom.Count == 0)
            throw new InputException($"none of the processes tagged '{technologyId}' has a CPV code the concordance maps, so the supplying sectors are unknown", field: "--technology");
        var mix = new SortedDictionary<string, double>(StringComparer.Ordinal);
        double mixTotal = 0;
        foreach (var p in mixFrom)
        {
            double w = mixFromCeilings ? p.Process.ValueGbp : p.Process.AnnualValueGbp;
            foreach (var (div, share) in p.SectorShares) mix[div] = mix.GetValueOrDefault(div) + w * share;
            mixTotal += w;
        }
        double lambda = options.Method == LocalSupplyMethod.Flq
            ? LocalSupply.FlqLambda(capacity.RegionEmployment, capacity.BenchmarkEmployment, options.FlqDelta) : 1.0;
        string quotientName = options.Method == LocalSupplyMethod.Flq ? "FLQ" : "LQ";
        double baseline = options.BaselineAnnualGbp ?? observed;
        double scenario = options.Uplift * baseline, added = scenario - baseline;
        var rows = new List<ScenarioRow>();
        double leak = 0, leakLo = 0, leakHi = 0, withoutCapacity = 0, localTotal = 0, leakedTotal = 0, jobs = 0, addedJobs = 0;
        bool jobsKnown = gvaPerJob is not null;
        foreach (var (div, raw) in mix)
        {
            double w = raw / mixTotal;
            var cap = capacity.Get(div);
            double lq = cap?.LocationQuotient ?? double.NaN;
            double q = LocalSupply.Flq(lq, lambda);
            double local = LocalSupply.Share(q);
            double leakShare = 1 - local;
            if (double.IsNaN(lq)) withoutCapacity += w;
            else
            {
                leak += w * leakShare;
                leakLo += w * (1 - LocalSupply.Share(LocalSupply.Flq(cap!.LqUpper, lambda)));
                leakHi += w * (1 - LocalSupply.Share(LocalSupply.Flq(cap.LqLower, lambda)));
                localTotal += scenario * w * local;
                leakedTotal += scenario * w * leakShare;
            }
            double emp = cap?.Employment ?? double.NaN;
            var (gpj, gvaRow) = gvaPerJob?.GetValueOrDefault(div, (double.NaN, null)) ?? (double.NaN, null);
            double rowJobs = scenario * w * local / gpj, rowAddedJobs = added * w * local / gpj;
            if (!double.IsNaN(lq))
            {
                jobs += rowJobs;
                addedJobs += rowAddedJobs;
            }
            string assessment = cap is null || double.IsNaN(lq) ? "no published employment"
                : (q < 1 ? "leaks: low " + quotientName : "local strength") + (cap.LqReliable ? "" : ", uncertain") + (cap.Growth < 0 ? ", shrinking" : "");
            rows.Add(new ScenarioRow(div, cap?.Name ?? div, w, scenario * w, added * w, emp,
                cap?.EmploymentLower ?? double.NaN, cap?.EmploymentUpper ?? double.NaN, lq,
                cap?.LqLower ?? double.NaN, cap?.LqUpper ?? double.NaN, cap?.LqReliable ?? false, cap?.Growth ?? double.NaN,
                local, leakShare, scenario * w * leakShare, 1e6 * w * leakShare, emp > 0 ? added * w / emp : double.NaN, assessment,
                q, scenario * w * local, gpj, gvaRow, rowJobs, rowAddedJobs));
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
            withoutCapacity, placedAnnual > 0 ? localAnnual / placedAnnual : double.NaN, rows,
            options.Method, options.Method == LocalSupplyMethod.Flq ? options.FlqDelta : double.NaN, lambda,
            localTotal, leakedTotal, jobsKnown ? jobs : double.NaN, jobsKnown ? addedJobs : double.NaN,
            regionalCeilings.Count, regionalCeilings.Sum(p => p.Process.CeilingGbp));
    }
}
