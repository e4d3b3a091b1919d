using System.Globalization;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.IO;
using YamlDotNet.RepresentationModel;

namespace CompeteModel.Engine.Scoring;

/// <summary>
/// Turns spec YAML into a validated <see cref="ModelSpec"/>. Works on YamlDotNet's representation model so every
/// node keeps its start mark; each error names the file, the 1-based line and the key path (e.g.
/// "pillars[growth].indicators[lq].weight").
/// </summary>
internal sealed partial class SpecReader
{
    private static readonly string[] TopKeys = ["name", "description", "geography_level", "benchmark", "sector_level", "years", "thresholds", "seed", "monte_carlo", "pillars", "aggregation", "weight_sets", "quadrants", "eligibility", "growth", "complexity_gate"];
    private static readonly string[] PillarKeys = ["id", "weight", "indicators", "description"];
    private static readonly string[] IndicatorKeys = ["id", "direction", "weight", "normalisation", "target", "winsorise", "min_availability", "description"];

    private readonly string _file;
    private readonly IndicatorCatalog _catalog;
    private readonly List<string> _notes = [];

    private SpecReader(string file, IndicatorCatalog catalog)
    {
        _file = file;
        _catalog = catalog;
    }

    public static ModelSpec Read(string yaml, string file, IndicatorCatalog catalog) => new SpecReader(file, catalog).ReadRoot(yaml);

    private ModelSpec ReadRoot(string yaml)
    {
        // "direction: -" is the usual culprit of a parse error: an unquoted "-" starts a list item where a value was expected.
        var doc = YamlNodes.Parse(yaml, _file, "the spec is not valid YAML") ?? throw new InputException("the spec is empty", _file, 1);
        if (doc is not YamlMappingNode root)
            throw new InputException("the spec must be a mapping of keys (name:, pillars:, ...)", _file, YamlNodes.Line(doc));

        var keys = Keys(root, "", TopKeys);
        CheckEnumerations(keys);
        string name = RequiredText(root, keys, "name", "");
        var pillarsNode = keys.TryGetValue("pillars", out var pn) ? pn : throw Error("the spec has no pillars: add a 'pillars:' list", root, "pillars");
        var pillars = ReadPillars(pillarsNode);
        var years = keys.TryGetValue("years", out var yn) ? ReadYears(yn) : new SpecYears(null, null);
        var thresholds = keys.TryGetValue("thresholds", out var tn) ? ReadThresholds(tn) : new SpecThresholds();
        var spec = new ModelSpec
        {
            Name = name,
            Description = OptionalText(keys, "description", "") ?? "",
            SourceFile = _file,
            GeographyLevel = OptionalText(keys, "geography_level", "") ?? "",
            Benchmark = OptionalText(keys, "benchmark", "") ?? "",
            SectorLevel = OptionalText(keys, "sector_level", "") ?? "",
            Years = years,
            Thresholds = thresholds,
            Seed = keys.TryGetValue("seed", out var sn) ? Integer(sn, "seed", int.MinValue, int.MaxValue) : 0,
            MonteCarlo = keys.TryGetValue("monte_carlo", out var mn) ? ReadMonteCarlo(mn) : MonteCarloSpec.Default,
            Pillars = pillars,
            Aggregation = keys.TryGetValue("aggregation", out var an) ? ParseAggregation(an, "aggregation") : AggregationMethod.Arithmetic,
            WeightSets = keys.TryGetValue("weight_sets", out var wn) ? ReadWeightSets(wn, pillars) : [],
            Eligibility = keys.TryGetValue("eligibility", out var en) ? ReadEligibility(en) : null,
            Growth = keys.TryGetValue("growth", out var gn) ? ReadGrowth(gn) : null,
            ComplexityGate = keys.TryGetValue("complexity_gate", out var cg) ? ReadComplexityGate(cg) : null,
            Quadrants = keys.TryGetValue("quadrants", out var qn) ? ReadQuadrants(qn, thresholds.Presence) : QuadrantSpec.Default with { SpecialisationCut = thresholds.Presence },
        };
        return spec with { Notes = _notes.ToArray() };
    }

    // ---- sections -------------------------------------------------------------------------------------------

    private List<PillarSpec> ReadPillars(YamlNode node)
    {
        if (node is not YamlSequenceNode seq || seq.Children.Count == 0)
            throw Error("'pillars' must be a non-empty list of pillars (- id: ..., weight: ..., indicators: [...])", node, "pillars");
        var raw = new List<(string Id, double Weight, List<IndicatorSpec> Indicators, long Line, YamlNode Node)>();
        var usedIndicators = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int p = 0; p < seq.Children.Count; p++)
        {
            var item = seq.Children[p];
            string at = "pillars[" + p.ToString(CultureInfo.InvariantCulture) + "]";
            if (item is not YamlMappingNode map) throw Error("each pillar must be a mapping with id, weight and indicators", item, at);
            if (PeekId(map) is string early) at = "pillars[" + early + "]";
            var k = Keys(map, at, PillarKeys);
            string id = RequiredText(map, k, "id", at);
            at = "pillars[" + id + "]";
            if (raw.Any(r => r.Id == id)) throw Error("pillar '" + id + "' is defined twice", k["id"], at + ".id");
            double weight = k.TryGetValue("weight", out var wn) ? Weight(wn, at + ".weight") : 1.0;
            if (!k.TryGetValue("indicators", out var inds) || inds is not YamlSequenceNode indSeq || indSeq.Children.Count == 0)
                throw Error("pillar '" + id + "' needs a non-empty 'indicators' list", k.TryGetValue("indicators", out var bad) ? bad : map, at + ".indicators");
            var list = new List<IndicatorSpec>();
            for (int i = 0; i < indSeq.Children.Count; i++)
            {
                var ind = ReadIndicator(indSeq.Children[i], at + ".indicators[" + i.ToString(CultureInfo.InvariantCulture) + "]", at);
                if (usedIndicators.TryGetValue(ind.Id, out var other))
                    throw Error("indicator '" + ind.Id + "' is already used in pillar '" + other + "'; an indicator may appear once in a model (counting it twice would double its weight)", indSeq.Children[i], at + ".indicators[" + ind.Id + "].id");
                usedIndicators[ind.Id] = id;
                list.Add(ind);
            }
            var normalised = NormaliseWeights(list.Select(x => x.Weight).ToArray(), "indicator weights of pillar '" + id + "'", at + ".indicators", inds);
            for (int i = 0; i < list.Count; i++) list[i] = list[i] with { Weight = normalised[i] };
            raw.Add((id, weight, list, (long)map.Start.Line, map));
        }
        var pw = NormaliseWeights(raw.Select(r => r.Weight).ToArray(), "pillar weights", "pillars", node);
        return raw.Select((r, i) => new PillarSpec(r.Id, pw[i], r.Indicators, r.Line)).ToList();
    }

    private IndicatorSpec ReadIndicator(YamlNode node, string at, string pillarPath)
    {
        if (node is not YamlMappingNode map) throw Error("each indicator must be a mapping (- id: lq, direction: \"+\", ...)", node, at);
        if (PeekId(map) is string early) at = pillarPath + ".indicators[" + early + "]";
        var k = Keys(map, at, IndicatorKeys);
        string id = RequiredText(map, k, "id", at);
        at = pillarPath + ".indicators[" + id + "]";
        if (!_catalog.Contains(id))
            throw Error("unknown indicator id '" + id + "'; known ids: " + _catalog.IdList(), k["id"], at + ".id");
        var direction = Direction.Positive;
        if (k.TryGetValue("direction", out var dn))
        {
            if (dn is YamlSequenceNode)
                throw Error("direction '-' must be quoted (direction: \"-\"): unquoted, YAML reads it as a list item", dn, at + ".direction");
            direction = Scalar(dn, at + ".direction") switch
            {
                "+" or "positive" or "higher_is_better" => Direction.Positive,
                "-" or "−" or "negative" or "lower_is_better" => Direction.Negative,
                var other => throw Error("unknown direction '" + other + "'; use \"+\" (higher is better) or \"-\" (lower is better)", dn, at + ".direction"),
            };
        }
        double weight = k.TryGetValue("weight", out var wn) ? Weight(wn, at + ".weight") : 1.0;
        var norm = k.TryGetValue("normalisation", out var nn) ? ParseNormalisation(nn, at + ".normalisation") : NormalisationMethod.MinMax;
        double? target = null;
        if (k.TryGetValue("target", out var tn))
        {
            if (norm != NormalisationMethod.Target) throw Error("'target' is only used with normalisation: target", tn, at + ".target");
            target = Number(tn, at + ".target");
        }
        else if (norm == NormalisationMethod.Target)
            throw Error("normalisation: target needs a 'target' value (the value that scores 100)", nn!, at + ".target");
        var wins = k.TryGetValue("winsorise", out var wsn) ? ReadWinsorisation(wsn, at + ".winsorise") : Winsorisation.None;
        double? minAvail = k.TryGetValue("min_availability", out var mn) ? Share(mn, at + ".min_availability") : null;
        return new IndicatorSpec(id, direction, weight, norm, target, wins, minAvail, (long)map.Start.Line);
    }

    private Winsorisation ReadWinsorisation(YamlNode node, string at)
    {
        if (node is YamlScalarNode s)
        {
            return s.Value switch
            {
                "auto" => Winsorisation.Auto,
                "none" or "false" or "off" => Winsorisation.None,
                _ => throw Error("winsorise must be 'auto', 'none' or {lower: p, upper: q} (percentiles 0–100); got '" + s.Value + "'", node, at),
            };
        }
        if (node is not YamlMappingNode map) throw Error("winsorise must be 'auto', 'none' or {lower: p, upper: q}", node, at);
        var k = Keys(map, at, ["lower", "upper"]);
        double lo = k.TryGetValue("lower", out var ln) ? Number(ln, at + ".lower") : 0;
        double hi = k.TryGetValue("upper", out var hn) ? Number(hn, at + ".upper") : 100;
        if (lo < 0 || hi > 100 || lo >= hi)
            throw Error("winsorisation percentiles must satisfy 0 ≤ lower < upper ≤ 100; got lower " + Fmt(lo) + ", upper " + Fmt(hi), node, at);
        return new Winsorisation(WinsorisationMode.Percentiles, lo, hi);
    }

    private SpecYears ReadYears(YamlNode node)
    {
        var map = Mapping(node, "years");
        var k = Keys(map, "years", ["base", "target"]);
        int? b = k.TryGetValue("base", out var bn) ? Integer(bn, "years.base", 1800, 2200) : null;
        int? t = k.TryGetValue("target", out var tn) ? Integer(tn, "years.target", 1800, 2200) : null;
        if (b is not null && t is not null && t <= b)
            throw Error("years.target (" + t + ") must be after years.base (" + b + ")", tn!, "years.target");
        return new SpecYears(b, t);
    }

    private SpecThresholds ReadThresholds(YamlNode node)
    {
        var map = Mapping(node, "thresholds");
        var k = Keys(map, "thresholds", ["min_firms", "presence", "data_availability"]);
        int? minFirms = k.TryGetValue("min_firms", out var mf) ? Integer(mf, "thresholds.min_firms", 0, int.MaxValue) : null;
        double presence = k.TryGetValue("presence", out var pn) ? Number(pn, "thresholds.presence") : 1.0;
        if (presence < 0) throw Error("thresholds.presence must be ≥ 0 (METHODS: 1.0)", pn!, "thresholds.presence");
        double avail = k.TryGetValue("data_availability", out var an) ? Share(an, "thresholds.data_availability") : 0.5;
        return new SpecThresholds(minFirms, presence, avail);
    }

    private MonteCarloSpec ReadMonteCarlo(YamlNode node)
    {
        var map = Mapping(node, "monte_carlo");
        var k = Keys(map, "monte_carlo", ["draws", "weights", "normalisations", "aggregations", "bootstrap", "years"]);
        var d = MonteCarloSpec.Default;
        int draws = k.TryGetValue("draws", out var dn) ? Integer(dn, "monte_carlo.draws", 1, 1_000_000) : d.Draws;
        var method = d.Perturbation;
        double range = d.PerturbationRange, conc = d.DirichletConcentration;
        if (k.TryGetValue("weights", out var wn))
        {
            var wm = Mapping(wn, "monte_carlo.weights");
            var wk = Keys(wm, "monte_carlo.weights", ["method", "range", "concentration"]);
            if (wk.TryGetValue("method", out var mn))
                method = Scalar(mn, "monte_carlo.weights.method") switch
                {
                    "uniform" => WeightPerturbation.Uniform,
                    "dirichlet" => WeightPerturbation.Dirichlet,
                    var o => throw Error("unknown weight perturbation '" + o + "'; use uniform or dirichlet", mn, "monte_carlo.weights.method"),
                };
            if (wk.TryGetValue("range", out var rn))
            {
                range = Number(rn, "monte_carlo.weights.range");
                if (range < 0 || range >= 1) throw Error("monte_carlo.weights.range must be in [0, 1) (0.5 = ±50%); got " + Fmt(range), rn, "monte_carlo.weights.range");
            }
            if (wk.TryGetValue("concentration", out var cn))
            {
                conc = Number(cn, "monte_carlo.weights.concentration");
                if (conc <= 0) throw Error("monte_carlo.weights.concentration must be > 0", cn, "monte_carlo.weights.concentration");
            }
        }
        var norms = k.TryGetValue("normalisations", out var nn)
            ? Sequence(nn, "monte_carlo.normalisations").Select((x, i) => ParseNormalisation(x, "monte_carlo.normalisations[" + i + "]")).ToArray()
            : d.Normalisations;
        if (norms.Contains(NormalisationMethod.Target))
            throw Error("'target' cannot be a Monte Carlo alternative (it needs a per-indicator target); use minmax, zscore, rank or percentile", nn!, "monte_carlo.normalisations");
        var aggs = k.TryGetValue("aggregations", out var an)
            ? Sequence(an, "monte_carlo.aggregations").Select((x, i) => ParseAggregation(x, "monte_carlo.aggregations[" + i + "]")).ToArray()
            : d.Aggregations;
        bool boot = k.TryGetValue("bootstrap", out var bn) ? Bool(bn, "monte_carlo.bootstrap") : d.Bootstrap;
        return new MonteCarloSpec(draws, method, range, conc, norms.Distinct().ToArray(), aggs.Distinct().ToArray(), boot)
        {
            Years = k.TryGetValue("years", out var yn) ? ReadYearFactor(yn) : null,
        };
    }

    private List<WeightSet> ReadWeightSets(YamlNode node, List<PillarSpec> pillars)
    {
        var map = Mapping(node, "weight_sets");
        var sets = new List<WeightSet>();
        foreach (var (keyNode, value) in map.Children)
        {
            string name = KeyText(keyNode, "weight_sets");
            string at = "weight_sets." + name;
            var sm = Mapping(value, at);
            var k = Keys(sm, at, ["pillars", "indicators", "description"]);
            var pw = pillars.Select(p => p.Weight).ToArray();
            var iw = pillars.Select(p => p.Indicators.Select(i => i.Weight).ToArray()).ToArray();
            if (k.TryGetValue("pillars", out var pn))
            {
                var pm = Mapping(pn, at + ".pillars");
                foreach (var (pk, pv) in pm.Children)
                {
                    string pid = KeyText(pk, at);
                    int idx = pillars.FindIndex(p => p.Id == pid);
                    if (idx < 0) throw Error("weight set '" + name + "' names unknown pillar '" + pid + "'; pillars: " + string.Join(", ", pillars.Select(p => p.Id)), pk, at + ".pillars." + pid);
                    pw[idx] = Weight(pv, at + ".pillars." + pid);
                }
                pw = NormaliseWeights(pw, "pillar weights of weight set '" + name + "'", at + ".pillars", pn);
            }
            if (k.TryGetValue("indicators", out var inn))
            {
                var im = Mapping(inn, at + ".indicators");
                foreach (var (pk, pv) in im.Children)
                {
                    string pid = KeyText(pk, at);
                    int idx = pillars.FindIndex(p => p.Id == pid);
                    if (idx < 0) throw Error("weight set '" + name + "' names unknown pillar '" + pid + "' (indicator weights are grouped by pillar id)", pk, at + ".indicators." + pid);
                    var ws = iw[idx];
                    foreach (var (ik, iv) in Mapping(pv, at + ".indicators." + pid).Children)
                    {
                        string iid = KeyText(ik, at);
                        int j = pillars[idx].Indicators.ToList().FindIndex(x => x.Id == iid);
                        if (j < 0) throw Error("weight set '" + name + "': pillar '" + pid + "' has no indicator '" + iid + "'; its indicators: " + string.Join(", ", pillars[idx].Indicators.Select(x => x.Id)), ik, at + ".indicators." + pid + "." + iid);
                        ws[j] = Weight(iv, at + ".indicators." + pid + "." + iid);
                    }
                    iw[idx] = NormaliseWeights(ws, "indicator weights of pillar '" + pid + "' in weight set '" + name + "'", at + ".indicators." + pid, pv);
                }
            }
            sets.Add(new WeightSet(name, pw, iw, (long)keyNode.Start.Line));
        }
        return sets;
    }

    private QuadrantSpec ReadQuadrants(YamlNode node, double presence)
    {
        var map = Mapping(node, "quadrants");
        var k = Keys(map, "quadrants", ["specialisation", "growth", "relatedness", "complexity", "specialisation_cut", "growth_cut", "relatedness_cut", "complexity_cut"]);
        var d = QuadrantSpec.Default;
        string? Id(string key, string? dflt)
        {
            if (!k.TryGetValue(key, out var n)) return dflt;
            var v = Scalar(n, "quadrants." + key);
            if (v is "none" or "") return null;
            if (!_catalog.Contains(v)) throw Error("unknown indicator id '" + v + "'; known ids: " + _catalog.IdList(), n, "quadrants." + key);
            return v;
        }
        double? Cut(string key)
        {
            if (!k.TryGetValue(key, out var n)) return null;
            return Scalar(n, "quadrants." + key) == "median" ? null : Number(n, "quadrants." + key);
        }
        return new QuadrantSpec(
            Id("specialisation", d.Specialisation), Id("growth", d.Growth), Id("relatedness", d.Relatedness), Id("complexity", d.Complexity),
            k.ContainsKey("specialisation_cut") ? Number(k["specialisation_cut"], "quadrants.specialisation_cut") : presence,
            k.ContainsKey("growth_cut") ? Number(k["growth_cut"], "quadrants.growth_cut") : d.GrowthCut,
            Cut("relatedness_cut"), Cut("complexity_cut"));
    }

    private string KeyText(YamlNode key, string at) =>
        key is YamlScalarNode { Value: { } v } ? v : throw Error("keys must be plain words", key, at);

    private static string? PeekId(YamlMappingNode map)
    {
        foreach (var (k, v) in map.Children)
            if (k is YamlScalarNode { Value: "id" } && v is YamlScalarNode { Value: { Length: > 0 } id }) return id.Trim();
        return null;
    }

    // ---- weights ----------------------------------------------------------------------------------------------

    private double[] NormaliseWeights(double[] w, string what, string at, YamlNode node)
    {
        double sum = w.Sum();
        if (sum <= 0) throw Error("the " + what + " are all zero; at least one must be positive", node, at);
        if (Math.Abs(sum - 1) > 1e-9)
            _notes.Add(_file + ":" + ((long)node.Start.Line).ToString(CultureInfo.InvariantCulture) + ": the " + what + " sum to " + Fmt(sum) + ", not 1; normalised to sum to 1 (each divided by " + Fmt(sum) + ")");
        return w.Select(x => x / sum).ToArray();
    }

    private double Weight(YamlNode node, string at)
    {
        double w = Number(node, at);
        if (w < 0) throw Error("weight " + Fmt(w) + " is negative; weights must be ≥ 0", node, at);
        return w;
    }

    // ---- scalars ----------------------------------------------------------------------------------------------

    private NormalisationMethod ParseNormalisation(YamlNode node, string at) => Scalar(node, at) switch
    {
        "minmax" or "min_max" => NormalisationMethod.MinMax,
        "zscore" or "z_score" => NormalisationMethod.ZScore,
        "rank" => NormalisationMethod.Rank,
        "percentile" => NormalisationMethod.Percentile,
        "target" => NormalisationMethod.Target,
        var o => throw Error("unknown normalisation '" + o + "'; use minmax, zscore, rank, percentile or target", node, at),
    };

    private AggregationMethod ParseAggregation(YamlNode node, string at) => Scalar(node, at) switch
    {
        "arithmetic" => AggregationMethod.Arithmetic,
        "geometric" => AggregationMethod.Geometric,
        var o => throw Error("unknown aggregation '" + o + "'; use arithmetic or geometric", node, at),
    };

    private Dictionary<string, YamlNode> Keys(YamlMappingNode map, string at, string[] allowed)
    {
        var d = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            string key = k is YamlScalarNode s ? s.Value ?? "" : throw Error("keys must be plain words", k, at);
            string path = at.Length == 0 ? key : at + "." + key;
            if (Array.IndexOf(allowed, key) < 0)
                throw Error("unknown key '" + key + "'" + (at.Length == 0 ? "" : " in " + at) + "; allowed: " + string.Join(", ", allowed), k, path);
            d[key] = v;
        }
        return d;
    }

    private string RequiredText(YamlMappingNode map, Dictionary<string, YamlNode> k, string key, string at)
    {
        string path = at.Length == 0 ? key : at + "." + key;
        if (!k.TryGetValue(key, out var n)) throw Error("missing required key '" + key + "'", map, path);
        var v = Scalar(n, path);
        if (v.Length == 0) throw Error("'" + key + "' must not be empty", n, path);
        return v;
    }

    private string? OptionalText(Dictionary<string, YamlNode> k, string key, string at) =>
        k.TryGetValue(key, out var n) ? Scalar(n, at.Length == 0 ? key : at + "." + key) : null;

    private string Scalar(YamlNode node, string at) =>
        YamlNodes.Text(node) ?? throw Error("expected a single value here, not a list or mapping", node, at);

    private double Number(YamlNode node, string at)
    {
        var text = Scalar(node, at);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            throw Error("expected a number, got '" + text + "'", node, at);
        return v;
    }

    private double Share(YamlNode node, string at)
    {
        double v = Number(node, at);
        if (v < 0 || v > 1) throw Error("expected a share between 0 and 1 (0.6 = 60%), got " + Fmt(v), node, at);
        return v;
    }

    private int Integer(YamlNode node, string at, int min, int max)
    {
        var text = Scalar(node, at);
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
            throw Error("expected a whole number between " + min.ToString(CultureInfo.InvariantCulture) + " and " + max.ToString(CultureInfo.InvariantCulture) + ", got '" + text + "'", node, at);
        return (int)v;
    }

    private bool Bool(YamlNode node, string at) => Scalar(node, at) switch
    {
        "true" or "yes" or "on" => true,
        "false" or "no" or "off" => false,
        var o => throw Error("expected true or false, got '" + o + "'", node, at),
    };

    private YamlMappingNode Mapping(YamlNode node, string at) =>
        node as YamlMappingNode ?? throw Error("expected a mapping of keys here", node, at);

    private IReadOnlyList<YamlNode> Sequence(YamlNode node, string at) =>
        node is YamlSequenceNode s ? s.Children.ToList() : throw Error("expected a list here ([a, b] or - items)", node, at);

    // ---- enumerations -----------------------------------------------------------------------------------------

    private static readonly (string Key, string[] Allowed)[] Enumerations =
    [
        ("sector_level", ["sic1", "sic2", "sic3", "sic4", "sic5", "section", "division", "group", "class", "subclass", "sitc1", "sitc2", "sitc3", "sitc4", "sitc5", "hs2", "hs4", "hs6"]),
        ("geography_level", ["country", "combined_authority", "city_region", "region", "itl1", "itl2", "itl3", "lad", "nuts1", "nuts2", "nuts3"]),
        ("benchmark", ["uk", "gb", "england", "world", "eu28"]),
    ];

    /// <summary>Top-level keys that take one of a fixed set of words: anything else is an error at file:line:key, never a silent fallback.</summary>
    private void CheckEnumerations(Dictionary<string, YamlNode> keys)
    {
        foreach (var (key, allowed) in Enumerations)
        {
            if (!keys.TryGetValue(key, out var node)) continue;
            var v = Scalar(node, key);
            if (v.Length > 0 && Array.IndexOf(allowed, v.ToLowerInvariant()) < 0)
                throw Error("unknown " + key + " '" + v + "'; use one of " + string.Join(", ", allowed), node, key);
        }
    }

    private InputException Error(string message, YamlNode node, string field) => YamlNodes.Error(message, _file, node, field);

    private static string Fmt(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);
}
