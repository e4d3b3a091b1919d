using System.Diagnostics;

namespace CompeteModel.Tests.Procurement;

/// <summary>End-to-end runs of the built <c>compete</c> program on the shipped data.</summary>
public sealed class ProcurementCliTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "compete-cli-" + Guid.NewGuid().ToString("N")[..8]);

    public ProcurementCliTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = TestData.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "compete.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void Wmca_retrofit_scenario_runs_on_the_shipped_sample()
    {
        var (exit, stdout, stderr) = Run("procurement", "scenario", "--region", "WMCA", "--technology", "heat_pumps_retrofit", "--uplift", "2");
        Assert.True(exit == 0, stderr);
        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.StartsWith("region,technology,sic_division,name,mix_share", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("wmca,heat_pumps_retrofit,43,Specialised construction activities,", lines[1], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
        Assert.Contains("201 releases read from 1 file(s): 180 compiled into 171 processes, 21 rejected (no value 21)", stderr, StringComparison.Ordinal);
        // FLQ by default: the mix is Oxford + Harrow (the £300m North Yorkshire framework is a ceiling).
        Assert.Contains("leakage rate 69.6", stderr, StringComparison.Ordinal);
        Assert.Contains("local supply by FLQ (δ = 0.3, λ* = 0.4277)", stderr, StringComparison.Ordinal);
        Assert.Contains("£ GVA per job", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_writes_the_process_table_and_the_rejects_identically_on_every_run()
    {
        var a = Path.Combine(_dir, "a");
        var b = Path.Combine(_dir, "b");
        var sample = TestData.Uk("contracts_finder_ocds_sample_2025.json.gz");
        var (exit, _, stderr) = Run("procurement", "ingest", "--input", sample, "--out", a);
        Assert.True(exit == 0, stderr);
        Assert.Equal(0, Run("procurement", "ingest", "--input", sample, "--out", b).Exit);
        var processes = File.ReadAllLines(Path.Combine(a, "processes.csv"));
        Assert.Equal(172, processes.Length);
        Assert.StartsWith("ocid,title,buyer,buyer_lad,buyer_lad_name,buyer_city_region,buyer_match,buyer_basis,buyer_evidence,buyer_national,", processes[0], StringComparison.Ordinal);
        Assert.Equal(22, File.ReadAllLines(Path.Combine(a, "rejects.csv")).Length);
        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "processes.csv")), File.ReadAllBytes(Path.Combine(b, "processes.csv")));
    }

    [Fact]
    public void Profile_writes_division_and_technology_rows_to_a_file()
    {
        var path = Path.Combine(_dir, "london.csv");
        var (exit, _, stderr) = Run("procurement", "profile", "--region", "london", "--out", path);
        Assert.True(exit == 0, stderr);
        var lines = File.ReadAllLines(path);
        Assert.Contains(lines, l => l.StartsWith("london,technology,heat_pumps_retrofit,Heat pumps and building retrofit,1,500000,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("london,sic_division,43,", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1, "unknown technology 'heat_pumps'", "procurement", "scenario", "--region", "wmca", "--technology", "heat_pumps")]
    [InlineData(1, "unknown region 'Atlantis'", "procurement", "profile", "--region", "Atlantis")]
    [InlineData(1, "no such file or folder", "procurement", "profile", "--region", "wmca", "--input", "missing.json")]
    [InlineData(1, "--uplift", "procurement", "scenario", "--region", "wmca", "--technology", "solar_pv", "--uplift", "-1")]
    [InlineData(2, "--out", "procurement", "ingest", "--input", "datasets/uk/contracts_finder_ocds_sample_2025.json.gz")]
    public void Bad_input_exits_1_and_bad_usage_exits_2(int expectedExit, string message, params string[] args)
    {
        var (exit, _, stderr) = Run(args);
        Assert.Equal(expectedExit, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }
}
