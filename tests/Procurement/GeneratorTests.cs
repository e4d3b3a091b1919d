using System.Security.Cryptography;
using CompeteModel.Engine.Procurement;

namespace CompeteModel.Tests.Procurement;

/// <summary>Properties of ingestion on seeded generated packages (the generator's manifest is the oracle).</summary>
public sealed class GeneratorTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "compete-gen-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static IReadOnlyList<string> Districts => Sample.Data.Value.Geography.Lads.Where(l => !l.Straddles).Select(l => l.Name).ToList();

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(2025)]
    public void Every_generated_release_is_compiled_or_rejected_for_the_planted_reason(int seed)
    {
        var folder = Path.Combine(_dir, "s" + seed);
        var m = OcdsGenerator.WriteFolder(folder, 1_500, 300, seed, Districts);
        var c = ProcessCompiler.Compile(OcdsReader.Read(folder));
        Assert.Equal(m.Releases, c.UnitsRead);
        Assert.Equal(c.UnitsRead, c.ReleasesCompiled + c.Rejects.Count);
        Assert.Equal(m.NoValueReleases, c.Rejects.Count(r => r.Reason == "no value"));
        Assert.Equal(m.ForeignCurrencyReleases, c.Rejects.Count(r => r.Reason == "currency not convertible"));
        Assert.Equal(m.Ocids - m.NoValueProcesses - m.ForeignCurrencyProcesses, c.Processes.Count);
        // Awards arrive in the next day's file: tender + award of one ocid still make one process.
        Assert.Equal(c.Processes.Count, c.Processes.Select(p => p.Ocid).Distinct().Count());
        Assert.Contains(c.Processes, p => p.ReleaseCount == 2 && p.ValueSource == ValueSource.Award);
        var classified = Sample.Data.Value.Classifier.ClassifyAll(c.Processes);
        Assert.All(classified, p => Assert.True(p.Buyer.IsPlaced || p.Buyer.Method == LocationMethod.Ambiguous));
        Assert.InRange(classified.Count(p => p.HasTechnology("heat_pumps_retrofit")), 1, m.RetrofitProcesses);
    }

    [Fact]
    public void The_same_seed_writes_the_same_bytes()
    {
        static string Hash(string folder) => Convert.ToHexString(SHA256.HashData(
            Directory.GetFiles(folder).Order(StringComparer.Ordinal).SelectMany(File.ReadAllBytes).ToArray()));
        OcdsGenerator.WriteFolder(Path.Combine(_dir, "a"), 500, 100, 42, Districts, gzip: false);
        OcdsGenerator.WriteFolder(Path.Combine(_dir, "b"), 500, 100, 42, Districts, gzip: false);
        OcdsGenerator.WriteFolder(Path.Combine(_dir, "c"), 500, 100, 43, Districts, gzip: false);
        Assert.Equal(Hash(Path.Combine(_dir, "a")), Hash(Path.Combine(_dir, "b")));
        Assert.NotEqual(Hash(Path.Combine(_dir, "a")), Hash(Path.Combine(_dir, "c")));
    }
}
