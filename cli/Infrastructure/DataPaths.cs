using CompeteModel.Engine.Errors;

namespace CompeteModel.Cli.Infrastructure;

/// <summary>
/// Finds the shipped <c>datasets/</c> folder: the <c>--data</c> option when given, else the first
/// <c>datasets/</c> folder holding <c>uk/</c> found walking up from the current directory and then
/// from the program's own folder (so both <c>dotnet run --project cli</c> and the built binary work).
/// </summary>
public static class DataPaths
{
    public static string Resolve(string? explicitDir)
    {
        if (!string.IsNullOrEmpty(explicitDir))
        {
            if (!Directory.Exists(Path.Combine(explicitDir, "uk")))
                throw new InputException("not a datasets folder (no uk/ inside)", explicitDir, field: "--data");
            return Path.GetFullPath(explicitDir);
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                var candidate = Path.Combine(d.FullName, "datasets");
                if (Directory.Exists(Path.Combine(candidate, "uk"))) return candidate;
            }
        }
        throw new InputException("cannot find the datasets/ folder; run from the repository or pass --data DIR", field: "--data");
    }
}
