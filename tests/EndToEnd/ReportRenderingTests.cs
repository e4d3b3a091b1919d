using System.Diagnostics;

namespace CompeteModel.Tests.EndToEnd;

/// <summary>
/// A fact that needs Debian's Chromium (/usr/bin/chromium). On a developer's machine without it the test is skipped;
/// in CI (CI=true, where .ci/run installs Chromium) it never skips: a missing Chromium fails the test.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        bool ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!ci && (!File.Exists(Chromium) || OperatingSystem.IsWindows())) Skip = Chromium + " is not installed (apt-get install -y chromium)";
    }
}

[Collection("EndToEnd")]
public sealed class ReportRenderingTests
{
    [ChromiumFact]
    public void ReportRendersInHeadlessChromium_WithEveryChartDrawn()
    {
        var cwd = Compete.TempDir("render");
        var run = Compete.Run(cwd, "run", "--draws", "50", "--out", "r");
        Assert.True(run.ExitCode == 0, run.ToString());
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(TestData.Root, "scripts", "check-report.sh"));
        psi.ArgumentList.Add(Path.Combine(cwd, "r", "report.html"));
        psi.ArgumentList.Add(Path.Combine(cwd, "r", "report.png"));
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(3)), "check-report.sh did not finish");
        Assert.True(p.ExitCode == 0, stdout.Result + stderr.Result);
        Assert.Contains("charts rendered: 3", stdout.Result); // no technology heat map: the default run has no real firm data
        Assert.Contains("headline rows: 10", stdout.Result);
    }
}
