using System.Globalization;
using CompeteModel.Engine.Indicators;
using CompeteModel.Engine.Sectors;
using YamlDotNet.RepresentationModel;

namespace CompeteModel.Engine.Scoring;

/// <summary>The spec sections that make a city-region ranking defensible: eligibility, growth endpoints and jumps, the complexity gate, years as a Monte Carlo factor.</summary>
internal sealed partial class SpecReader
{
    private EligibilitySpec ReadEligibility(YamlNode node)
    {
        var map = Mapping(node, "eligibility");
        var k = Keys(map, "eligibility", ["classification", "score", "min_employment", "min_employment_share"]);
        string classification = OptionalText(k, "classification", "eligibility") ?? "traded_local";
        if (classification.Length == 0) throw Error("eligibility.classification must name a classification (traded_local) or a file", k["classification"], "eligibility.classification");
        IReadOnlyList<TradeClass> score = [TradeClass.Traded];
        if (k.TryGetValue("score", out var sn))
        {
            var items = Sequence(sn, "eligibility.score");
            if (items.Count == 0) throw Error("eligibility.score must list at least one class (traded, mixed, local)", sn, "eligibility.score");
            score = items.Select((x, i) =>
            {
                var at = "eligibility.score[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                var text = Scalar(x, at);
                return TradeClassification.Parse(text) ?? throw Error("unknown sector class '" + text + "'; use traded, mixed or local", x, at);
            }).Distinct().ToArray();
        }
        double? minEmp = null, minShare = null;
        if (k.TryGetValue("min_employment", out var me))
        {
            minEmp = Number(me, "eligibility.min_employment");
            if (minEmp < 0) throw Error("eligibility.min_employment must be ≥ 0 jobs", me, "eligibility.min_employment");
        }
        if (k.TryGetValue("min_employment_share", out var ms)) minShare = Share(ms, "eligibility.min_employment_share");
        return new EligibilitySpec(classification, score, minEmp, minShare, map.Start.Line);
    }

    private GrowthSpec ReadGrowth(YamlNode node)
    {
        var map = Mapping(node, "growth");
        var k = Keys(map, "growth", ["endpoint_years", "jump_check"]);
        int window = k.TryGetValue("endpoint_years", out var wn) ? Integer(wn, "growth.endpoint_years", 1, 10) : 1;
        JumpCheckSpec? jump = null;
        if (k.TryGetValue("jump_check", out var jn))
        {
            var jm = Mapping(jn, "growth.jump_check");
            var jk = Keys(jm, "growth.jump_check", ["threshold", "min_jobs", "corroboration", "action", "outlier_z", "end_window"]);
            double threshold = jk.TryGetValue("threshold", out var tn) ? Number(tn, "growth.jump_check.threshold") : 0.25;
            if (threshold <= 0) throw Error("growth.jump_check.threshold must be > 0 (0.25 = a 25% change in one year)", tn!, "growth.jump_check.threshold");
            double minJobs = jk.TryGetValue("min_jobs", out var mj) ? Number(mj, "growth.jump_check.min_jobs") : 0;
            if (minJobs < 0) throw Error("growth.jump_check.min_jobs must be ≥ 0", mj!, "growth.jump_check.min_jobs");
            double corroboration = jk.TryGetValue("corroboration", out var cn) ? Share(cn, "growth.jump_check.corroboration") : 0.5;
            var action = JumpAction.Flag;
            if (jk.TryGetValue("action", out var an))
                action = Scalar(an, "growth.jump_check.action") switch
                {
                    "flag" => JumpAction.Flag,
                    "damp" => JumpAction.Damp,
                    "exclude" => JumpAction.Exclude,
                    var o => throw Error("unknown jump action '" + o + "'; use flag, damp or exclude", an, "growth.jump_check.action"),
                };
            double z = jk.TryGetValue("outlier_z", out var zn) ? Number(zn, "growth.jump_check.outlier_z") : 0;
            if (z < 0) throw Error("growth.jump_check.outlier_z must be ≥ 0 (0 = no comparison with other areas)", zn!, "growth.jump_check.outlier_z");
            bool unscore = false;
            if (jk.TryGetValue("end_window", out var ew))
                unscore = Scalar(ew, "growth.jump_check.end_window") switch
                {
                    "unscore" => true,
                    "keep" => false,
                    var o => throw Error("unknown end_window rule '" + o + "'; use unscore or keep", ew, "growth.jump_check.end_window"),
                };
            jump = new JumpCheckSpec(threshold, minJobs, corroboration, action, z, unscore);
        }
        return new GrowthSpec(window, jump);
    }

    private ComplexityGateSpec ReadComplexityGate(YamlNode node)
    {
        var map = Mapping(node, "complexity_gate");
        var k = Keys(map, "complexity_gate", ["indicators", "min_year_stability"]);
        IReadOnlyList<string> ids = [IndicatorIds.Pci, IndicatorIds.Cog];
        if (k.TryGetValue("indicators", out var iN))
            ids = Sequence(iN, "complexity_gate.indicators").Select((x, i) =>
            {
                var at = "complexity_gate.indicators[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                var id = Scalar(x, at);
                if (!_catalog.Contains(id)) throw Error("unknown indicator '" + id + "'; known: " + _catalog.IdList(), x, at);
                return id;
            }).Distinct().ToArray();
        double stability = k.TryGetValue("min_year_stability", out var sn) ? Number(sn, "complexity_gate.min_year_stability") : 0.7;
        if (stability < -1 || stability > 1) throw Error("complexity_gate.min_year_stability is a Spearman correlation in [−1, 1]", sn!, "complexity_gate.min_year_stability");
        return new ComplexityGateSpec(ids, stability);
    }

    private YearFactorSpec ReadYearFactor(YamlNode node)
    {
        var map = Mapping(node, "monte_carlo.years");
        var k = Keys(map, "monte_carlo.years", ["end_offsets", "base_offsets", "endpoint_years"]);
        // A list left out keeps the run's own choice (offset 0, the spec's endpoint window).
        int[] List(string key, int min, int max, int[] fallback) => k.TryGetValue(key, out var n)
            ? Sequence(n, "monte_carlo.years." + key).Select((x, i) => Integer(x, "monte_carlo.years." + key + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", min, max)).Distinct().ToArray()
            : fallback;
        return new YearFactorSpec(List("end_offsets", -10, 0, [0]), List("base_offsets", 0, 10, [0]), List("endpoint_years", 1, 10, []));
    }
}
