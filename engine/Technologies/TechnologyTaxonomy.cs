using CompeteModel.Engine.Errors;
using CompeteModel.Engine.IO;
using YamlDotNet.RepresentationModel;

namespace CompeteModel.Engine.Technologies;

/// <summary>
/// The enabling-technology taxonomy: technologies in file order, each with phrases, exclusions,
/// CPC prefixes and sources. Read from YAML (the catalogue's <c>technology-taxonomy</c>) and validated
/// once: every problem is an <see cref="InputException"/> naming the file, line and key.
/// At most <see cref="MaxTechnologies"/> technologies, so a firm's technologies fit one <c>ulong</c> bitmask.
/// </summary>
public sealed class TechnologyTaxonomy
{
    /// <summary>Bit i of a firm's mask stands for <c>Technologies[i]</c>.</summary>
    public const int MaxTechnologies = 64;

    /// <summary>The families the taxonomy may use.</summary>
    public static readonly IReadOnlyList<string> Families = ["uk_critical", "eu_ket", "net_zero"];

    private readonly Dictionary<string, int> _index;

    public TechnologyTaxonomy(IReadOnlyList<Technology> technologies)
    {
        if (technologies.Count == 0) throw new ArgumentException("a taxonomy needs at least one technology", nameof(technologies));
        if (technologies.Count > MaxTechnologies)
            throw new ArgumentException($"at most {MaxTechnologies} technologies are supported, found {technologies.Count}", nameof(technologies));
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < technologies.Count; i++)
            if (!_index.TryAdd(technologies[i].Id, i))
                throw new ArgumentException($"duplicate technology id '{technologies[i].Id}'", nameof(technologies));
        Technologies = technologies;
    }

    public IReadOnlyList<Technology> Technologies { get; }

    /// <summary>The position of a technology id, or -1.</summary>
    public int IndexOf(string id) => _index.TryGetValue(id, out var i) ? i : -1;

    /// <summary>Reads and validates a taxonomy YAML file.</summary>
    public static TechnologyTaxonomy Load(string path)
    {
        var text = TextFiles.Decode(TextFiles.ReadAllBytes(path));
        return Parse(text, path);
    }

    /// <summary>Parses taxonomy YAML; <paramref name="fileName"/> is used in error messages.</summary>
    public static TechnologyTaxonomy Parse(string yaml, string fileName)
    {
        if (YamlNodes.Parse(yaml, fileName) is not YamlMappingNode root)
            throw new InputException("expected a mapping with 'sources' and 'technologies'", fileName, 1);

        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in Sequence(root, "sources", fileName))
        {
            var m = AsMapping(s, "sources", fileName);
            var id = Scalar(m, "id", fileName);
            if (!sources.TryAdd(id, Scalar(m, "name", fileName)))
                throw new InputException($"duplicate source id '{id}'", fileName, s.Start.Line, "id");
        }

        var techs = new List<Technology>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in Sequence(root, "technologies", fileName))
        {
            var m = AsMapping(t, "technologies", fileName);
            var id = Scalar(m, "id", fileName);
            long line = t.Start.Line;
            if (id.Length == 0 || !id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
                throw new InputException($"technology id '{id}' must be lower-case letters, digits and '_'", fileName, line, "id");
            if (!seen.Add(id)) throw new InputException($"duplicate technology id '{id}'", fileName, line, "id");
            var family = Scalar(m, "family", fileName);
            if (!Families.Contains(family))
                throw new InputException($"technology '{id}': family '{family}' is not one of {string.Join(", ", Families)}", fileName, line, "family");

            var phrases = Strings(m, "phrases", fileName, required: true);
            if (phrases.Count == 0) throw new InputException($"technology '{id}' has no phrases", fileName, line, "phrases");
            var exclusions = Strings(m, "exclusions", fileName, required: false);
            CheckPhrases(id, phrases, "phrases", fileName, line);
            CheckPhrases(id, exclusions, "exclusions", fileName, line);

            var cpc = Strings(m, "cpc", fileName, required: false).Select(CpcCodes.Normalise).ToList();
            foreach (var p in cpc)
                if (!CpcCodes.IsValidPrefix(p))
                    throw new InputException($"technology '{id}': '{p}' is not a CPC prefix (e.g. G06N, G06N3, H04L9/0852)", fileName, line, "cpc");

            var src = new List<string>();
            foreach (var s in Strings(m, "sources", fileName, required: true))
            {
                if (!sources.TryGetValue(s, out var name))
                    throw new InputException($"technology '{id}': source '{s}' is not listed under 'sources'", fileName, line, "sources");
                src.Add(name);
            }
            if (src.Count == 0) throw new InputException($"technology '{id}' names no source", fileName, line, "sources");

            techs.Add(new Technology(id, Scalar(m, "name", fileName), family, phrases, exclusions, cpc, src));
        }
        if (techs.Count == 0) throw new InputException("no technologies listed", fileName, root.Start.Line, "technologies");
        if (techs.Count > MaxTechnologies)
            throw new InputException($"at most {MaxTechnologies} technologies are supported, found {techs.Count}", fileName, field: "technologies");
        return new TechnologyTaxonomy(techs);
    }

    private static void CheckPhrases(string id, List<string> phrases, string key, string file, long line)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in phrases)
        {
            var tokens = PhraseText.Tokenize(p);
            if (tokens.Count == 0)
                throw new InputException($"technology '{id}': phrase '{p}' has no letters or digits", file, line, key);
            var k = string.Join(' ', tokens);
            if (!keys.TryAdd(k, p))
                throw new InputException($"technology '{id}': '{p}' repeats '{keys[k]}' after normalisation", file, line, key);
        }
    }

    private static IEnumerable<YamlNode> Sequence(YamlMappingNode m, string key, string file)
    {
        if (YamlNodes.Get(m, key) is not { } node)
            throw new InputException($"missing '{key}'", file, m.Start.Line, key);
        if (node is not YamlSequenceNode seq) throw new InputException($"'{key}' must be a list", file, node.Start.Line, key);
        return seq.Children;
    }

    private static YamlMappingNode AsMapping(YamlNode n, string key, string file) =>
        n as YamlMappingNode ?? throw new InputException($"each entry of '{key}' must be a mapping", file, n.Start.Line, key);

    private static string Scalar(YamlMappingNode m, string key, string file)
    {
        if (YamlNodes.Get(m, key) is not { } node)
            throw new InputException($"missing '{key}'", file, m.Start.Line, key);
        return YamlNodes.Text(node) is { Length: > 0 } text ? text : throw YamlNodes.Error($"'{key}' must be a non-empty text", file, node, key);
    }

    private static List<string> Strings(YamlMappingNode m, string key, string file, bool required)
    {
        if (YamlNodes.Get(m, key) is not { } node)
        {
            if (required) throw new InputException($"missing '{key}'", file, m.Start.Line, key);
            return [];
        }
        if (node is YamlScalarNode { Value: null or "" }) return [];
        if (node is not YamlSequenceNode seq) throw new InputException($"'{key}' must be a list", file, node.Start.Line, key);
        var r = new List<string>();
        foreach (var c in seq.Children)
        {
            if (c is not YamlScalarNode s || string.IsNullOrWhiteSpace(s.Value))
                throw new InputException($"each entry of '{key}' must be a non-empty text", file, c.Start.Line, key);
            r.Add(s.Value.Trim());
        }
        return r;
    }
}
