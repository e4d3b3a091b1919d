namespace CompeteModel.Tests;

/// <summary>Paths to the shipped datasets/ folder and the test fixtures.</summary>
public static class TestData
{
    public static string Root { get; } = FindRoot();

    public static string Datasets => Path.Combine(Root, "datasets");
    public static string Uk(string file) => Path.Combine(Datasets, "uk", file);
    public static string Reference(string file) => Path.Combine(Datasets, "reference", file);
    public static string Fixture(string relative) => Path.Combine(AppContext.BaseDirectory, "Fixtures", relative);

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "CompeteModel.sln"))) return d.FullName;
        throw new InvalidOperationException("repository root (CompeteModel.sln) not found above " + AppContext.BaseDirectory);
    }
}
