using CompeteModel.Engine.Errors;
using CompeteModel.Engine.IO;
using YamlDotNet.RepresentationModel;

namespace CompeteModel.Tests.IO;

/// <summary>The one YAML helper of specs, batch plans and taxonomies: parse errors with file and line, the unquoted-dash hint, look-ups.</summary>
public sealed class YamlNodesTests
{
    [Fact]
    public void An_unquoted_dash_value_is_named_with_its_line_and_key()
    {
        var e = Assert.Throws<InputException>(() => YamlNodes.Parse("name: x\nindicators:\n  - id: lq\n    direction: -\n    weight: 1\n", "plan.yaml"));
        Assert.Equal("plan.yaml", e.File);
        Assert.Equal("direction", e.Field);
        Assert.StartsWith("a '-' value must be quoted", e.Detail);
    }

    [Fact]
    public void Other_parse_errors_start_with_the_readers_words_and_give_the_line()
    {
        var e = Assert.Throws<InputException>(() => YamlNodes.Parse("a: 1\nb: c: d\n", "x.yaml", "the spec is not valid YAML"));
        Assert.StartsWith("the spec is not valid YAML (column ", e.Detail);
        Assert.Equal(2, e.Line);
        Assert.Null(YamlNodes.Parse("", "empty.yaml"));
    }

    [Fact]
    public void Lookups_trim_scalars_and_tell_absent_keys_and_non_scalars_apart()
    {
        var root = Assert.IsType<YamlMappingNode>(YamlNodes.Parse("name: '  wmca '\nlist: [a, b]\nempty:\n", "x.yaml"));
        Assert.Equal("wmca", YamlNodes.Text(YamlNodes.Get(root, "name")!));
        Assert.Null(YamlNodes.Text(YamlNodes.Get(root, "list")!));
        Assert.Equal("", YamlNodes.Text(YamlNodes.Get(root, "empty")!));
        Assert.Null(YamlNodes.Get(root, "missing"));
        Assert.Equal(2, YamlNodes.Line(YamlNodes.Get(root, "list")!));
    }
}
