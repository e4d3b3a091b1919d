using System.Globalization;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.IO;
using YamlDotNet.RepresentationModel;

namespace CompeteModel.Engine.Batch;

/// <summary>
/// Reads a batch plan from YAML. Paths (specs, inputs) are relative to the plan file. Every problem is an
/// <see cref="InputException"/> naming the plan file, the line and the key.
/// <code>
/// name: uk-city-regions
/// seed: 42
/// regions: [WMCA, GMCA]
/// specs: [my-spec.yaml]
/// years: ["2015-2021", 2021]
/// options:            # optional; each entry is one option set (default: one set named "default")
///   default: {}
///   fast: {draws: 200}
///   districts: {bres: nomis_bres_districts.csv}   # a NOMIS download, as --bres
/// inputs: [my_bres_download.csv]
/// </code>
/// </summary>
public static class BatchPlanReader
{
    private static readonly string[] Keys = ["name", "seed", "regions", "specs", "years", "options", "inputs"];

    /// <summary>Reads a plan file; <paramref name="regionKey"/> maps a region as written to the region it names (an alias, a code, a name), so one region listed twice under two names is refused.</summary>
    public static BatchPlan Read(string path, Func<string, string>? regionKey = null)
    {
        if (!File.Exists(path)) throw new InputException("plan file not found", path);
        var bytes = File.ReadAllBytes(path);
        var full = Path.GetFullPath(path);
        return Parse(IO.TextFiles.Decode(bytes), path, Path.GetDirectoryName(full)!, Hashes.OfBytes(bytes), regionKey);
    }

    /// <summary>Parses plan text; <paramref name="baseDirectory"/> resolves relative paths.</summary>
    public static BatchPlan Parse(string text, string sourceFile, string baseDirectory, string? planHash = null, Func<string, string>? regionKey = null)
    {
        if (YamlNodes.Parse(text, sourceFile) is not YamlMappingNode root)
            throw new InputException("a plan must be a YAML mapping with regions, specs and years", sourceFile, 1);

        foreach (var key in root.Children.Keys)
        {
            var k = Scalar(key, sourceFile, "key");
            if (!Keys.Contains(k))
                throw new InputException($"unknown key '{k}'; a plan has: {string.Join(", ", Keys)}", sourceFile, key.Start.Line, k);
        }

        var name = YamlNodes.Get(root, "name") is { } n ? Scalar(n, sourceFile, "name") : Path.GetFileNameWithoutExtension(sourceFile);
        int seed = 42;
        if (YamlNodes.Get(root, "seed") is { } s && !int.TryParse(Scalar(s, sourceFile, "seed"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed))
            throw new InputException("seed must be a whole number", sourceFile, s.Start.Line, "seed");

        var regions = List(root, "regions", sourceFile, required: true).Select(x => (x.Node, Value: Scalar(x.Node, sourceFile, "regions"))).ToList();
        Unique(regions, sourceFile, "regions");
        if (regionKey is not null)
        {
            var first = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (node, value) in regions)
            {
                var key = regionKey(value);
                if (first.TryGetValue(key, out var other))
                    throw new InputException($"'{value}' and '{other}' name the same region ({key}); list it once, or it would run twice", sourceFile, node.Start.Line, "regions");
                first[key] = value;
            }
        }

        var specs = new List<BatchFile>();
        var specItems = new List<(YamlNode Node, string Value)>();
        foreach (var (node, _) in List(root, "specs", sourceFile, required: true))
        {
            var f = FileOf(Scalar(node, sourceFile, "specs"), baseDirectory, sourceFile, node, "specs");
            specs.Add(f);
            specItems.Add((node, f.Path));
        }
        Unique(specItems, sourceFile, "specs");

        var years = new List<BatchYears>();
        foreach (var (node, _) in List(root, "years", sourceFile, required: true))
        {
            var t = Scalar(node, sourceFile, "years");
            years.Add(BatchYears.TryParse(t)
                      ?? throw new InputException($"'{t}' is not a year or year range; expected e.g. 2021 or \"2015-2021\"", sourceFile, node.Start.Line, "years"));
        }
        if (years.Distinct().Count() != years.Count)
            throw new InputException("a year range is listed twice", sourceFile, root.Children[new YamlScalarNode("years")].Start.Line, "years");

        var optionSets = new List<BatchOptionSet>();
        if (YamlNodes.Get(root, "options") is { } opts)
        {
            if (opts is not YamlMappingNode om || om.Children.Count == 0)
                throw new InputException("options must map option-set names to key: value maps, e.g. fast: {draws: 200}", sourceFile, opts.Start.Line, "options");
            foreach (var (k, v) in om.Children)
            {
                var setName = Scalar(k, sourceFile, "options");
                var values = new List<KeyValuePair<string, string>>();
                if (v is YamlMappingNode vm)
                {
                    foreach (var (ok, ov) in vm.Children)
                    {
                        var key = Scalar(ok, sourceFile, "options." + setName);
                        if (values.Any(x => x.Key == key))
                            throw new InputException($"option '{key}' given twice in set '{setName}'", sourceFile, ok.Start.Line, "options." + setName);
                        values.Add(new(key, Scalar(ov, sourceFile, "options." + setName + "." + key)));
                    }
                }
                else if (!(v is YamlScalarNode { Value: null or "" or "~" or "null" }))
                    throw new InputException($"option set '{setName}' must be a map of key: value (or {{}})", sourceFile, v.Start.Line, "options." + setName);
                optionSets.Add(new BatchOptionSet(setName, values));
            }
        }
        else optionSets.Add(new BatchOptionSet("default", []));

        var inputs = new List<BatchFile>();
        foreach (var (node, _) in List(root, "inputs", sourceFile, required: false))
            inputs.Add(FileOf(Scalar(node, sourceFile, "inputs"), baseDirectory, sourceFile, node, "inputs"));

        return new BatchPlan(name, sourceFile, planHash ?? Hashes.OfText(text), seed,
            regions.Select(r => r.Value).ToArray(), specs, years, optionSets, inputs);
    }

    private static List<(YamlNode Node, int Index)> List(YamlMappingNode root, string key, string file, bool required)
    {
        var node = YamlNodes.Get(root, key);
        if (node is null)
        {
            if (required) throw new InputException($"the plan has no '{key}' list", file, 1, key);
            return [];
        }
        if (node is YamlScalarNode) return [(node, 0)];
        if (node is not YamlSequenceNode seq)
            throw new InputException($"'{key}' must be a list", file, node.Start.Line, key);
        if (seq.Children.Count == 0 && required)
            throw new InputException($"'{key}' is empty; list at least one", file, node.Start.Line, key);
        return seq.Children.Select((n, i) => (n, i)).ToList();
    }

    private static string Scalar(YamlNode node, string file, string field)
    {
        if (YamlNodes.Text(node) is { Length: > 0 } v) return v;
        throw new InputException("expected a single value here", file, node.Start.Line, field);
    }

    private static void Unique(List<(YamlNode Node, string Value)> items, string file, string field)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (node, value) in items)
            if (!seen.Add(value)) throw new InputException($"'{value}' is listed twice", file, node.Start.Line, field);
    }

    private static BatchFile FileOf(string written, string baseDirectory, string planFile, YamlNode node, string field)
    {
        var full = Path.GetFullPath(Path.Combine(baseDirectory, written));
        if (!File.Exists(full))
            throw new InputException($"file '{written}' not found (looked for {full})", planFile, node.Start.Line, field);
        return new BatchFile(written.Replace('\\', '/'), full);
    }
}
