using System.Text.RegularExpressions;

namespace CompeteModel.Tests.Architecture;

/// <summary>Checks on the engine's source: folders form a layering without cycles, and one random source.</summary>
public partial class EngineStructureTests
{
    private static string Engine => Path.Combine(TestData.Root, "engine");

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?CompeteModel\.Engine\.(\w+)", RegexOptions.Multiline)]
    private static partial Regex EngineUsing();

    /// <summary>(importing folder, imported folder) for every using directive of every engine source file; top-level folders only.</summary>
    internal static HashSet<(string From, string To)> FolderImports(string engineDir)
    {
        var edges = new HashSet<(string, string)>();
        foreach (var file in Directory.EnumerateFiles(engineDir, "*.cs", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(engineDir, file).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            if (rel.Length < 2 || rel[0] is "bin" or "obj") continue;
            foreach (Match m in EngineUsing().Matches(File.ReadAllText(file)))
                if (m.Groups[1].Value != rel[0]) edges.Add((rel[0], m.Groups[1].Value));
        }
        return edges;
    }

    internal static List<string> MutualImports(HashSet<(string From, string To)> edges) =>
        edges.Where(e => string.CompareOrdinal(e.From, e.To) < 0 && edges.Contains((e.To, e.From)))
             .Select(e => e.From + " <-> " + e.To).OrderBy(s => s, StringComparer.Ordinal).ToList();

    [Fact]
    public void No_two_engine_folders_import_each_other()
    {
        var edges = FolderImports(Engine);
        Assert.NotEmpty(edges);
        Assert.Empty(MutualImports(edges));
    }

    [Fact]
    public void The_cycle_check_finds_a_planted_cycle()
    {
        var dir = Directory.CreateTempSubdirectory("cm-arch-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "A"));
            Directory.CreateDirectory(Path.Combine(dir.FullName, "B"));
            File.WriteAllText(Path.Combine(dir.FullName, "A", "X.cs"), "using CompeteModel.Engine.B;\nnamespace CompeteModel.Engine.A;\n");
            File.WriteAllText(Path.Combine(dir.FullName, "B", "Y.cs"), "using System;\nusing CompeteModel.Engine.A.Sub;\nnamespace CompeteModel.Engine.B;\n");
            Assert.Equal(["A <-> B"], MutualImports(FolderImports(dir.FullName)));
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void The_engine_draws_from_its_own_random_source_only()
    {
        var offenders = Directory.EnumerateFiles(Engine, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar))
            .Where(f => Regex.IsMatch(File.ReadAllText(f), @"System\.Random|new Random\(|\bRandom\.Shared\b"))
            .Select(f => Path.GetRelativePath(Engine, f)).ToList();
        Assert.Empty(offenders);
    }
}
