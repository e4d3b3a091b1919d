using CompeteModel.Engine.IO;
using CompeteModel.Tests.Ingest;

namespace CompeteModel.Tests.EndToEnd;

/// <summary>--bres FILE on run, compare, complexity and batch plans (issue 14), with FIXTURE district files made by the tests.</summary>
[Collection("EndToEnd")]
public sealed class BresEndToEndTests
{
    [Fact]
    public void Compare_with_a_district_download_profiles_cpca_exactly_and_run_shows_its_districts()
    {
        var cwd = Compete.TempDir("bres-compare");
        var file = NomisBresTests.WriteCpcaFixture(cwd, everyYear: true);
        var r = Compete.Run(cwd, "compare", "--regions", "cpca,wmca", "--bres", file, "--draws", "30", "--out", "cmp");
        Assert.True(r.ExitCode == 0, r.ToString());
        var regions = TableFiles.Read(Path.Combine(cwd, "cmp", "regions.csv"));
        Assert.Equal("cpca", regions.GetText(regions.Column("region"), 0));
        Assert.Equal("exact", regions.GetText(regions.Column("geography"), 0));
        Assert.Contains("the sum of its 6 districts", regions.GetText(regions.Column("data"), 0));
        Assert.Equal("false", regions.GetText(regions.Column("micro_data"), 0), ignoreCase: true);

        var report = File.ReadAllText(Path.Combine(cwd, "cmp", "cpca", "report.md"));
        Assert.Contains("Districts side by side: specialisation, 2021", report);
        Assert.Contains("| Sector | Peterborough | Cambridge | East Cambridgeshire | Fenland | Huntingdonshire | South Cambridgeshire |", report);
        Assert.Contains("Datasets and vintages", report);
        var manifest = File.ReadAllText(Path.Combine(cwd, "cmp", "cpca", "run.json"));
        Assert.Contains("\"id\": \"bres-user\"", manifest);
        using var workbook = System.IO.Compression.ZipFile.OpenRead(Path.Combine(cwd, "cmp", "cpca", "workbook.xlsx"));
        using var sheets = new StreamReader(workbook.GetEntry("xl/workbook.xml")!.Open());
        var names = sheets.ReadToEnd();
        Assert.Contains("name=\"districts\"", names);
        Assert.Contains("name=\"datasets\"", names);
    }

    [Fact]
    public void Complexity_from_districts_summing_to_the_itl2_cells_equals_complexity_from_the_itl2_file()
    {
        var cwd = Compete.TempDir("bres-complexity");
        var file = NomisBresTests.WriteWmcaFixture(cwd);
        var shipped = Compete.Run(cwd, "complexity", "--region", "wmca", "--level", "division", "--year", "2021");
        var districts = Compete.Run(cwd, "complexity", "--region", "wmca", "--level", "division", "--year", "2021", "--bres", file);
        Assert.True(shipped.ExitCode == 0, shipped.ToString());
        Assert.True(districts.ExitCode == 0, districts.ToString());
        Assert.Equal(shipped.Stdout, districts.Stdout);
    }

    [Fact]
    public void A_batch_plan_takes_a_district_download_as_an_option()
    {
        var cwd = Compete.TempDir("bres-batch");
        var file = NomisBresTests.WriteCpcaFixture(cwd, everyYear: true);
        var plan = Path.Combine(cwd, "plan.yaml");
        File.WriteAllText(plan, $"""
            name: districts
            seed: 5
            regions: [cpca]
            specs: ["{Path.Combine(TestData.Datasets, "specs", "city-region.yaml").Replace("\\", "/")}"]
            years: [2021]
            options:
              districts: {"{"}draws: 30, bres: "{file.Replace("\\", "/")}"{"}"}
            """);
        var r = Compete.Run(cwd, "batch", plan, "--out", "out");
        Assert.True(r.ExitCode == 0, r.ToString());
        var run = Directory.GetDirectories(Path.Combine(cwd, "out", "runs")).Single();
        Assert.Contains("\"micro_data\": false", File.ReadAllText(Path.Combine(run, "run.json")));
        Assert.Contains("Districts side by side", File.ReadAllText(Path.Combine(run, "report.md")));
    }

    [Fact]
    public void Compare_approximate_labels_regions_outside_the_itl2_unions_and_never_uses_generated_firms()
    {
        var cwd = Compete.TempDir("compare-approx");
        var refused = Compete.Run(cwd, "compare", "--regions", "cpca,wmca", "--draws", "30", "--out", "refused");
        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains("local authorities: district / unitary", refused.Stderr);

        var r = Compete.Run(cwd, "compare", "--regions", "cpca,wmca", "--approximate", "--draws", "30", "--out", "cmp");
        Assert.True(r.ExitCode == 0, r.ToString());
        var dir = Path.Combine(cwd, "cmp");
        var regions = TableFiles.Read(Path.Combine(dir, "regions.csv"));
        Assert.Equal("false", regions.GetText(regions.Column("micro_data"), 0), ignoreCase: true);
        Assert.Equal("approximation by ITL2 parent area(s) TLH1", regions.GetText(regions.Column("geography"), 0));
        Assert.StartsWith("APPROXIMATION", regions.GetText(regions.Column("data"), 0));
        Assert.Equal("exact", regions.GetText(regions.Column("geography"), 1));
        var ranks = TableFiles.Read(Path.Combine(dir, "ranks.csv"));
        Assert.NotNull(ranks.Column("rank_cpca_approx"));
        Assert.NotNull(TableFiles.Read(Path.Combine(dir, "similarity.csv")).Column("cpca~"));
        Assert.Contains("CPCA~", File.ReadAllText(Path.Combine(dir, "report.html")));
        Assert.Contains("CPCA~", r.Stdout);
    }
}
