namespace CompeteModel.Tests.EndToEnd;

/// <summary>Every exit code of the real program: 0 success, 1 bad input (message names file, line, field), 2 usage.</summary>
[Collection("EndToEnd")]
public sealed class ExitCodeTests
{
    private static readonly string Cwd = Compete.TempDir("exit");

    [Fact]
    public void Help_IsSuccess_AndListsTheCommands()
    {
        var r = Compete.Run(Cwd, "--help");
        Assert.Equal(0, r.ExitCode);
        foreach (var c in new[] { "run", "compare", "explain", "batch" }) Assert.Contains(c, r.Stdout);
    }

    [Theory]
    [InlineData("run", "--bogus")]
    [InlineData("frobnicate")]
    [InlineData("run", "--draws", "many")]
    [InlineData("compare", "--draws", "10")]
    [InlineData("compare", "--regions", "wmca,gmca", "--all-city-regions")]
    [InlineData("compare", "--regions", "wmca,gmca", "--similarity", "euclid")]
    [InlineData("explain", "--region", "wmca")]
    [InlineData("run", "--micro", "x.csv", "--no-micro")]
    public void UsageErrors_Exit2(params string[] args)
    {
        var r = Compete.Run(Cwd, args);
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains("usage error", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void BadSpecValue_Exit1_NamingFileLineAndField()
    {
        var spec = Path.Combine(Cwd, "bad-spec.yaml");
        var lines = File.ReadAllLines(Path.Combine(TestData.Datasets, "specs", "city-region.yaml"));
        int at = Array.FindIndex(lines, l => l == "    weight: 0.2");
        lines[at] = "    weight: heavy";
        File.WriteAllLines(spec, lines);
        var r = Compete.Run(Cwd, "run", "--spec", spec, "--no-micro");
        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Contains($"bad-spec.yaml:{at + 1}, field 'pillars[specialisation].weight'", r.Stderr);
        Assert.Contains("expected a number, got 'heavy'", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void BadPlanKey_Exit1_NamingFileLineAndKey()
    {
        var plan = Path.Combine(Cwd, "plan-bad.yaml");
        File.WriteAllText(plan, "name: x\nregions: [gmca]\nspecs: [a.yaml]\nyears: [2021]\ncolour: red\n");
        var r = Compete.Run(Cwd, "batch", plan, "--out", Path.Combine(Cwd, "batch-bad"));
        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Contains("plan-bad.yaml:5, field 'colour': unknown key 'colour'", r.Stderr);
    }

    [Fact]
    public void UnknownSectorOrRegion_Exit1_NamingTheOption()
    {
        var r = Compete.Run(Cwd, "explain", "--sector", "99x", "--no-micro", "--draws", "10");
        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Contains("field '--sector'", r.Stderr);
        var q = Compete.Run(Cwd, "run", "--region", "atlantis");
        Assert.True(q.ExitCode == 1, q.ToString());
        Assert.Contains("unknown region 'atlantis'", q.Stderr);
    }

    [Fact]
    public void MissingFirmFile_Exit1()
    {
        var r = Compete.Run(Cwd, "run", "--micro", Path.Combine(Cwd, "no-such-firms.csv"));
        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Contains("no-such-firms.csv", r.Stderr);
    }
}
