using System.Reflection;

namespace CompeteModel.Cli.Infrastructure;

/// <summary>The tool's version as run.json and batch manifests record it.</summary>
public static class ToolVersion
{
    /// <summary>The informational version without a source-control suffix, so a rebuild does not invalidate resumable batches.</summary>
    public static string Value
    {
        get
        {
            var v = typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            int plus = v.IndexOf('+');
            return plus >= 0 ? v[..plus] : v;
        }
    }
}
