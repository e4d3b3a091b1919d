using System.Globalization;
using CompeteModel.Engine.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CompeteModel.Engine.IO;

/// <summary>
/// The one YAML helper of the engine's readers (specs, batch plans, technology taxonomies): parsing text into its root node
/// with the parser's errors turned into <see cref="InputException"/>s (file, line, and a hint for the usual culprit, an
/// unquoted <c>-</c> value), and the node look-ups the readers share. Each reader keeps its own messages for its own keys.
/// </summary>
public static class YamlNodes
{
    /// <summary>
    /// The root node of the text's first document, or null when the text holds none. A parse error is an
    /// <see cref="InputException"/> "<paramref name="notValid"/> (column c): …" at its line; an unquoted <c>-</c> value
    /// (<c>direction: -</c>, read by YAML as the start of a list) is named as such.
    /// </summary>
    /// <param name="notValid">How the message starts, e.g. "not valid YAML" or "the spec is not valid YAML".</param>
    public static YamlNode? Parse(string text, string file, string notValid = "not valid YAML")
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's parser can stop in a state it reports this way on some malformed input; no position is known
            throw new InputException(notValid + " (the parser stopped: " + e.Message + ")", file, null, null, e);
        }
        catch (YamlException e)
        {
            var lines = text.Split('\n');
            long line = e.Start.Line;
            string at = line >= 1 && line <= lines.Length ? lines[line - 1].TrimEnd() : "";
            int colon = at.IndexOf(':');
            if (colon > 0 && at[(colon + 1)..].Trim() == "-")
                throw new InputException("a '-' value must be quoted (\"-\"): unquoted, YAML reads it as the start of a list", file, line, at[..colon].Trim().TrimStart('-', ' '), e);
            throw new InputException(notValid + " (column " + e.Start.Column.ToString(CultureInfo.InvariantCulture) + "): " + e.Message, file, line, null, e);
        }
        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    /// <summary>The value of <paramref name="key"/> in the mapping, or null when the key is absent.</summary>
    public static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    /// <summary>A scalar's text, trimmed (an empty scalar is ""); null when the node is a list or a mapping.</summary>
    public static string? Text(YamlNode node) => node is YamlScalarNode s ? (s.Value ?? "").Trim() : null;

    /// <summary>The 1-based line the node starts on.</summary>
    public static long Line(YamlNode node) => node.Start.Line;

    /// <summary>An <see cref="InputException"/> about a node: the file, the node's line and the field.</summary>
    public static InputException Error(string message, string file, YamlNode node, string? field) => new(message, file, Line(node), field);
}
