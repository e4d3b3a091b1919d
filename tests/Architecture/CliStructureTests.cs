using System.Text.RegularExpressions;

namespace CompeteModel.Tests.Architecture;

/// <summary>
/// The CLI only parses options, calls the engine and prints (issue 15): what a command writes, and how, is the engine's
/// (<c>RunOutputs</c>, <c>TableFiles</c>, <c>TextFiles</c>, <c>ExcelWriter</c>), so no CLI source opens a file for writing itself.
/// </summary>
public partial class CliStructureTests
{
    private static string Cli => Path.Combine(TestData.Root, "cli");

    [GeneratedRegex(@"\bFile\.(?:Write\w*|Create\w*|Append\w*|Open(?:Write)?\s*\()|new\s+FileStream\b|\bStreamWriter\b|\bDirectory\.CreateDirectory\b")]
    private static partial Regex FileWriting();

    /// <summary>(file relative to the folder, line number, text) of each line that writes a file itself.</summary>
    internal static List<string> Offenders(string dir) =>
        Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(dir, f).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[0].Equals("obj", StringComparison.Ordinal)
                        && !Path.GetRelativePath(dir, f).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[0].Equals("bin", StringComparison.Ordinal))
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(x => !x.Text.TrimStart().StartsWith("//", StringComparison.Ordinal) && FileWriting().IsMatch(x.Text))
            .Select(x => $"{Path.GetRelativePath(dir, x.File)}:{x.Line}: {x.Text.Trim()}")
            .OrderBy(s => s, StringComparer.Ordinal).ToList();

    [Fact]
    public void The_cli_writes_no_file_except_through_the_engine()
    {
        Assert.NotEmpty(Directory.GetFiles(Cli, "*.cs", SearchOption.AllDirectories));
        Assert.Empty(Offenders(Cli));
    }

    [Fact]
    public void The_scan_finds_planted_file_writing()
    {
        var dir = Directory.CreateTempSubdirectory("cm-cli-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "A.cs"), """
                // File.WriteAllText in a comment is not code
                var ok = File.ReadAllText(path);
                File.WriteAllText(path, text);
                using var s = new FileStream(path, FileMode.Create);
                var w = new StreamWriter(Console.OpenStandardOutput());
                using var c = File.Create(path);
                Directory.CreateDirectory(dir);
                """);
            Assert.Equal(["A.cs:3", "A.cs:4", "A.cs:5", "A.cs:6", "A.cs:7"], Offenders(dir.FullName).Select(o => o[..o.IndexOf(": ", StringComparison.Ordinal)]).ToList());
        }
        finally { dir.Delete(true); }
    }
}
