using System.Diagnostics;

namespace CompeteModel.Tests.EndToEnd;

/// <summary>
/// Runs the real built <c>compete</c> program (<c>dotnet compete.dll …</c>) as a child process and captures its exit code,
/// stdout and stderr. The dll is the one built next to the tests (the test project references the CLI project), else the
/// CLI project's own build output of the same configuration.
/// </summary>
public static class Compete
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
    }

    public static string Dll { get; } = FindDll();

    public static Result Run(string workingDirectory, params string[] args)
    {
        using var p = Start(workingDirectory, args);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("compete " + string.Join(' ', args) + " did not finish in 10 minutes");
        }
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts the program without waiting (for tests that run two at once or kill one); stdout and stderr are redirected.</summary>
    public static Process Start(string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        return Process.Start(psi) ?? throw new InvalidOperationException("could not start dotnet");
    }

    /// <summary>A fresh empty folder under the system temp folder.</summary>
    public static string TempDir(string prefix)
    {
        var d = Path.Combine(Path.GetTempPath(), "compete-e2e-" + prefix + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(d);
        return d;
    }

    private static string FindDll()
    {
        var here = Path.Combine(AppContext.BaseDirectory, "compete.dll");
        if (File.Exists(here) && File.Exists(Path.Combine(AppContext.BaseDirectory, "compete.runtimeconfig.json"))) return here;
        var config = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var bin = Path.Combine(TestData.Root, "cli", "bin", config);
        var found = Directory.Exists(bin) ? Directory.GetFiles(bin, "compete.dll", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).FirstOrDefault() : null;
        return found ?? throw new FileNotFoundException("compete.dll not found next to the tests or under " + bin + "; build the solution first");
    }
}
