using System.IO.Compression;
using System.Text;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Ingest;
using CompeteModel.Engine.IO;

namespace CompeteModel.Tests.IO;

/// <summary>Readers verify what they read (issue 13, items 3 and 5).</summary>
public sealed class ReaderRobustnessTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "compete-read-" + Guid.NewGuid().ToString("N")[..8]);

    public ReaderRobustnessTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        try { Directory.Delete(_root, true); } catch (IOException) { }
    }

    private static byte[] Gzip(string text)
    {
        using var ms = new MemoryStream();
        using (var g = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true)) g.Write(Encoding.UTF8.GetBytes(text));
        return ms.ToArray();
    }

    private const string Csv = "region,sector,year,value\nTLG3,29,2015,916\nTLG3,29,2021,1001\nTLD3,29,2015,12\nTLD3,29,2021,14\n";

    [Fact]
    public void TruncatedGzipIsRefusedAtEveryCutPoint()
    {
        // Before: .NET's GZipStream ends silently where the data stop, so "916" could be read as "91".
        var gz = Gzip(Csv);
        var path = Path.Combine(_root, "cut.csv.gz");
        File.WriteAllBytes(path, gz);
        Assert.Equal(Csv, Encoding.UTF8.GetString(TextFiles.ReadAllBytes(path)));
        for (int cut = 2; cut < gz.Length; cut++)
        {
            File.WriteAllBytes(path, gz[..cut]);
            var e = Assert.Throws<InputException>(() => TextFiles.ReadAllBytes(path));
            Assert.Equal(path, e.File);
            using var raw = File.OpenRead(path);
            Assert.Throws<InputException>(() =>
            {
                using var s = TextFiles.OpenDecompressed(raw);
                s.CopyTo(Stream.Null);
            });
        }
    }

    [Fact]
    public void CorruptGzipIsAnInputErrorNamingTheFile()
    {
        var gz = Gzip(Csv);
        var path = Path.Combine(_root, "flip.csv.gz");
        for (int at = 10; at < gz.Length; at += 7)
        {
            var bad = (byte[])gz.Clone();
            bad[at] ^= 0xFF;
            File.WriteAllBytes(path, bad);
            var e = Assert.Throws<InputException>(() => TextFiles.ReadAllBytes(path));
            Assert.Equal(path, e.File);
        }
    }

    [Fact]
    public void GzipOfSeveralMembersIsReadWhole()
    {
        var path = Path.Combine(_root, "two.csv.gz");
        File.WriteAllBytes(path, [.. Gzip("a,b\n1,2\n"), .. Gzip("3,4\n")]);
        Assert.Equal("a,b\n1,2\n3,4\n", Encoding.UTF8.GetString(TextFiles.ReadAllBytes(path)));
        using var raw = File.OpenRead(path);
        using var s = new StreamReader(TextFiles.OpenDecompressed(raw));
        Assert.Equal("a,b\n1,2\n3,4\n", s.ReadToEnd());
    }

    [Fact]
    public void DuplicateHeaderColumnIsAnInputErrorNamingIt()
    {
        var path = Path.Combine(_root, "dup.csv");
        File.WriteAllText(path, "country,product,value,Value\nA,p,1,2\n");
        var e = Assert.Throws<InputException>(() => TableFiles.Read(path));
        Assert.Equal(1, e.Line);
        Assert.Equal("Value", e.Field);
        Assert.Contains("appears twice", e.Message);
    }

    [Theory]
    [InlineData(0.0, null)]
    [InlineData(916.0, null)]
    [InlineData(1e15, null)]
    [InlineData(-1.0, ValueRule.Negative)]
    [InlineData(1e300, ValueRule.TooLarge)]
    [InlineData(double.PositiveInfinity, ValueRule.NotFinite)]
    [InlineData(double.NaN, ValueRule.NotFinite)]
    public void OneRuleForValues(double value, string? reason) => Assert.Equal(reason, ValueRule.Check(value));
}
