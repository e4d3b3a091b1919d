using System.Globalization;
using System.Text;
using CompeteModel.Engine.Geography;

namespace CompeteModel.Engine.Procurement;

/// <summary>The lines <c>compete procurement</c> prints on stderr, each ending in a newline; built here so that the CLI only prints them.</summary>
public static class ProcurementText
{
    /// <summary>What reading and classifying the notices gave: compiled and rejected, placement, buyer types and arrangements, unmapped CPV codes.</summary>
    public static string Ingest(CompiledProcesses compiled, IReadOnlyList<ClassifiedProcess> classified)
    {
        var sb = new StringBuilder();
        sb.Append(compiled.Summary()).Append('\n');
        sb.Append(PlacementSummary.Of(classified).Describe()).Append('\n');
        sb.Append("buyer types: " + string.Join(", ", classified.GroupBy(p => p.BuyerType).OrderBy(g => g.Key)
            .Select(g => $"{BuyerTypeRules.Name(g.Key)} {g.Count()}")) + "; arrangements: " + string.Join(", ", classified.GroupBy(p => p.Process.Arrangement)
            .OrderBy(g => g.Key).Select(g => $"{g.Key.ToString().ToLowerInvariant()} {g.Count()}"))).Append('\n');
        int unmapped = classified.Count(p => p.SectorShares.Length == 0);
        sb.Append(CultureInfo.InvariantCulture, $"processes without a mapped CPV code: {unmapped}").Append('\n');
        return sb.ToString();
    }

    /// <summary>How many processes have a buyer placed in the region.</summary>
    public static string BuyersInside(IReadOnlyList<ClassifiedProcess> classified, Region region)
    {
        var lads = new HashSet<string>(region.LadCodes, StringComparer.Ordinal);
        int inside = classified.Count(p => p.Buyer.IsInside(lads));
        return string.Create(CultureInfo.InvariantCulture, $"{region.Name}: {inside} of {classified.Count} processes have a buyer placed in the region\n");
    }

    /// <summary>A demand scenario in words: demand observed and scaled, the supply mix and leakage, local supply and jobs, ceilings left out.</summary>
    public static string Scenario(ScenarioResult result, Region region, string technology)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(string.Format(inv,
            "{0} × {1}: {2} tagged processes by the region's buyers, observed £{3:N0} a year; baseline ({4}) £{5:N0}; scenario £{6:N0} (+£{7:N0}) at uplift {8}",
            region.Name, technology, result.RegionTaggedProcesses, result.ObservedAnnualGbp, result.BaselineSource, result.BaselineAnnualGbp,
            result.ScenarioAnnualGbp, result.AddedAnnualGbp, result.Uplift)).Append('\n');
        sb.Append(string.Format(inv,
            "supply mix from {0} ({1} processes); leakage rate {2:P1} (rounding bounds {3:P1}–{4:P1}); mix share without published employment {5:P1}; observed share to local suppliers {6}",
            result.MixSource == "region" ? "the region's own tagged processes" : "all tagged processes in the input (the region has none)",
            result.MixProcesses, result.LeakageRate, result.LeakageRateLower, result.LeakageRateUpper, result.MixShareWithoutCapacity,
            double.IsNaN(result.ObservedLocalSupplierShare) ? "unknown (no supplier placed)" : result.ObservedLocalSupplierShare.ToString("P1", inv))).Append('\n');
        sb.Append(string.Format(inv,
            "local supply by {0}; scenario demand met locally £{1:N0}, leaked £{2:N0} a year; jobs supported {3:N0} (added {4:N0}), direct, an upper bound: {5}",
            result.Method == LocalSupplyMethod.Flq ? string.Format(inv, "FLQ (δ = {0}, λ* = {1:0.####})", result.FlqDelta, result.FlqLambda) : "SLQ",
            result.LocalDemandGbp, result.LeakedDemandGbp, result.JobsSupported, result.AddedJobsSupported, ScenarioResult.JobsSource)).Append('\n');
        if (result.RegionCeilingProcesses > 0)
            sb.Append(string.Format(inv, "not in the baseline: {0} framework agreement(s)/DPS(s) of the region's buyers with ceilings totalling £{1:N0}",
                result.RegionCeilingProcesses, result.RegionCeilingGbp)).Append('\n');
        return sb.ToString();
    }
}
