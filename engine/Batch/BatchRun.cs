using System.Globalization;
using System.Text;

namespace CompeteModel.Engine.Batch;

/// <summary>
/// One run of a batch plan: a region, a spec, a year range, an option set and the plan's seed.
/// <see cref="RunId"/> is derived from these parameters only (not from file contents), so a run keeps its
/// id when its inputs change and <c>--resume</c> can see that its inputs changed and redo it.
/// The executor writes the run's outputs into <see cref="WorkDirectory"/>; the runner renames that
/// folder into place when the run succeeds, so a killed run never leaves half-written outputs.
/// </summary>
public sealed record BatchRun
{
    public BatchRun(string region, string spec, string specFile, BatchYears years, BatchOptionSet options, int seed, IReadOnlyList<string> inputFiles)
    {
        Region = region;
        Spec = spec;
        SpecFile = specFile;
        Years = years;
        Options = options;
        Seed = seed;
        InputFiles = inputFiles;
        ParameterHash = Hashes.OfText(Canonical(region, spec, years, options, seed));
        RunId = Slug(region) + "_" + Slug(Path.GetFileNameWithoutExtension(spec)) + "_" + years + "_" + Slug(options.Name) + "_" + ParameterHash[..10];
    }

    /// <summary>Region code as written in the plan (e.g. WMCA).</summary>
    public string Region { get; }

    /// <summary>The spec path as written in the plan (relative to the plan file); recorded in the manifest.</summary>
    public string Spec { get; }

    /// <summary>The spec file's full path on this machine.</summary>
    public string SpecFile { get; }

    public BatchYears Years { get; }
    public BatchOptionSet Options { get; }
    public int Seed { get; }

    /// <summary>Full paths of the plan's input files (hashed into the manifest).</summary>
    public IReadOnlyList<string> InputFiles { get; }

    /// <summary>SHA-256 of the run's canonical parameter string.</summary>
    public string ParameterHash { get; }

    /// <summary>Readable and stable: <c>REGION_spec_years_optionset_</c> + the first 10 hex digits of <see cref="ParameterHash"/>.</summary>
    public string RunId { get; }

    /// <summary>The folder the executor writes into; set by the runner just before the run starts.</summary>
    public string WorkDirectory { get; init; } = "";

    /// <summary>The canonical parameter text: one field per line, options in key order.</summary>
    public static string Canonical(string region, string spec, BatchYears years, BatchOptionSet options, int seed)
    {
        var sb = new StringBuilder();
        sb.Append("region=").Append(region).Append('\n');
        sb.Append("spec=").Append(spec).Append('\n');
        sb.Append("years=").Append(years.ToString()).Append('\n');
        sb.Append("optionset=").Append(options.Name).Append('\n');
        sb.Append("options=").Append(options.Canonical()).Append('\n');
        sb.Append("seed=").Append(seed.ToString(CultureInfo.InvariantCulture)).Append('\n');
        return sb.ToString();
    }

    private static string Slug(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s) sb.Append(char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '-');
        return sb.Length == 0 ? "x" : sb.ToString();
    }
}
