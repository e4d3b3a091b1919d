using System.IO.Compression;
using System.Text;
using CompeteModel.Engine.Batch;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Procurement;
using CompeteModel.Engine.Scoring;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Tests.Fuzz;

/// <summary>
/// Property (fuzz) tests of the readers (issue 13, item 7): random mutations of valid CSV, gzip, YAML spec and plan,
/// NOMIS BRES, Parquet and OCDS files are either read or refused with an <see cref="InputException"/> (exit 1); no
/// other exception (which the CLI would turn into exit 70) ever escapes.
/// </summary>
public sealed class ReaderFuzzTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "compete-fuzz-" + Guid.NewGuid().ToString("N")[..8]);

    public ReaderFuzzTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        try { Directory.Delete(_root, true); } catch (IOException) { }
    }

    private static readonly Lazy<(GeographyModel Geo, SicHierarchy Sic)> Reference = new(() =>
        (GeographyReader.Read(TestData.Uk("geography_lad_itl_cityregion.csv")), SicReader.Read(TestData.Uk("sic2007_hierarchy.csv"))));

    /// <summary>Runs <paramref name="read"/> on the file; true when read, false when refused with an InputException naming it.</summary>
    private static bool ReadOrRefuse(string path, Action<string> read)
    {
        try
        {
            read(path);
            return true;
        }
        catch (InputException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
            return false;
        }
    }

    private void Run(string name, byte[] valid, string structural, int cases, ulong seed, Action<string> read)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllBytes(path, valid);
        Assert.True(ReadOrRefuse(path, read), "the unmutated " + name + " must read");
        Fuzz.Check(Fuzz.Mutants(valid, structural), cases, seed, bytes =>
        {
            File.WriteAllBytes(path, bytes);
            ReadOrRefuse(path, read);
        }, b => Encoding.Latin1.GetString(b));
    }

    private static byte[] Gzip(byte[] data)
    {
        using var ms = new MemoryStream();
        using (var g = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true)) g.Write(data);
        return ms.ToArray();
    }

    private static readonly byte[] LongCsv = Encoding.UTF8.GetBytes(
        "region,sector,year,value\nTLG3,29,2015,916\n\"TLD3\",\"29\",2021,\"1,001\"\nTLG3,\"a \"\"quoted\"\" name\",2021,12\nTLD3,30,2021,..\n");

    [Fact]
    public void Csv_ReadsOrRefuses() => Run("long.csv", LongCsv, ",\"\n\r;. ", 400, 1, p => TableFiles.Read(p));

    [Fact]
    public void GzipCsv_ReadsOrRefuses() => Run("long.csv.gz", Gzip(LongCsv), "\x1f\x8b\0", 400, 2, p => TableFiles.Read(p));

    [Fact]
    public void SpecYaml_ReadsOrRefuses()
    {
        var valid = File.ReadAllBytes(Path.Combine(TestData.Datasets, "specs", "city-region.yaml"));
        Run("spec.yaml", valid, ":-[]{}\"'# \n&*!|>\t,?%@`", 300, 3, p => ModelSpec.Load(p));
    }

    [Fact]
    public void PlanYaml_ReadsOrRefuses()
    {
        var spec = Path.Combine(_root, "spec.yaml");
        File.WriteAllText(spec, "name: x\n");
        var valid = Encoding.UTF8.GetBytes("name: fuzz\nseed: 7\nregions: [wmca, gmca]\nspecs: [spec.yaml]\nyears: [\"2015-2021\", 2021]\noptions:\n  default: {}\n  quick: {draws: 200}\n");
        Run("plan.yaml", valid, ":-[]{}\"'# \n&*!|>\t,?%@`", 300, 4, p => BatchPlanReader.Read(p, text => text.ToLowerInvariant()));
    }

    [Fact]
    public void NomisBres_ReadsOrRefuses()
    {
        var (geo, sic) = Reference.Value;
        var lines = new List<string>();
        using (var r = new StreamReader(new GZipStream(File.OpenRead(TestData.Uk("bres_itl2_sic5_employment_2015_2021.csv.gz")), CompressionMode.Decompress)))
            for (int i = 0; i < 25 && r.ReadLine() is { } l; i++) lines.Add(l);
        var valid = Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");
        Run("bres.csv", valid, ",\":\n0123456789*", 200, 5, p => BresReader.Read(p, geo, sic));
    }

    [Fact]
    public void Parquet_ReadsOrRefuses()
    {
        var table = new Table([
            TableColumn.Of("region", new string?[] { "TLG3", "TLD3", null }),
            TableColumn.Of("value", new[] { 916.0, double.NaN, 3.5 }),
            TableColumn.Of("year", new[] { 2015, 2021, 2021 }),
        ]);
        var p0 = Path.Combine(_root, "valid.parquet");
        TableFiles.Write(table, p0);
        Run("t.parquet", File.ReadAllBytes(p0), "PAR1\0", 300, 6, p => TableFiles.Read(p));
    }

    [Fact]
    public void Ocds_ReadsOrRefuses()
    {
        var valid = Encoding.UTF8.GetBytes("""
            {"version": "1.1", "releases": [
            {"ocid": "ocds-a-1", "id": "1", "date": "2025-01-02T00:00:00Z", "tag": ["tender"], "buyer": {"id": "b", "name": "Birmingham City Council"},
             "tender": {"id": "t1", "title": "Heat pumps", "value": {"amount": 1000, "currency": "GBP"}, "classification": {"scheme": "CPV", "id": "45331000"}}},
            {"ocid": "ocds-a-2", "id": "2", "date": "2025-02-03", "tag": ["award"], "awards": [{"id": "a", "value": {"amount": 25000.5, "currency": "GBP"}, "suppliers": [{"name": "X Ltd"}]}]}
            ]}
            """);
        Run("ocds.json", valid, "{}[],:\"\\ \nNaN-0e", 400, 7, p => OcdsReader.Read(p));
        Run("ocds.jsonl", Encoding.UTF8.GetBytes("{\"ocid\": \"ocds-a-1\", \"date\": \"2025-01-02\"}\n{\"ocid\": \"ocds-a-2\", \"date\": \"2025-01-03\"}\n"), "{}[],:\"\\ \n", 200, 8, p => OcdsReader.Read(p));
    }
}
