using CompeteModel.Engine.Ingest.Micro;
using CompeteModel.Tests.Ingest;
using Parquet;
using Parquet.Schema;

namespace CompeteModel.Tests.Micro;

/// <summary>
/// The Parquet reader decodes the lad_code and sic pages itself (PLAIN or dictionary, uncompressed / Zstandard / Snappy /
/// gzip) and leaves every other layout to Parquet.Net. These tests read the same files both ways and require the same
/// firms and the same rejects (line, field, reason, value), and check which path each column chunk took.
/// </summary>
public class MicroParquetPageDecoderTests
{
    private static readonly DataField<long> FId = new("firm_id", false);
    private static readonly DataField<int> FYear = new("year", false);
    private static readonly DataField<string> FLad = new("lad_code", true);
    private static readonly DataField<string> FSic = new("sic", true);
    private static readonly DataField<double> FEmp = new("employment", false);

    private static string TempDir() => Path.Combine(Path.GetTempPath(), "compete-mpd-" + Guid.NewGuid().ToString("N"));

    /// <summary>Seeded rows, with nulls, blanks, padding and case, unknown codes, and at fixed rows the bad values the tests look for.</summary>
    private static (long[] Id, int[] Year, string?[] Lad, string?[] Sic, double[] Emp) Rows(int n, int seed, int firstId)
    {
        var geo = BresReaderTests.Geo;
        var sic = BresReaderTests.Sic;
        var rng = new Random(seed);
        var id = new long[n];
        var year = new int[n];
        var lad = new string?[n];
        var code = new string?[n];
        var emp = new double[n];
        // A few districts and subclasses, so that dictionary encoding pays and values repeat from row to row.
        var lads = Enumerable.Range(0, 6).Select(_ => geo.Lads[rng.Next(geo.Lads.Count)].Code).ToArray();
        var subs = Enumerable.Range(0, 9).Select(_ => sic.Subclasses[rng.Next(sic.Subclasses.Count)].Code).ToArray();
        for (int i = 0; i < n; i++)
        {
            id[i] = firstId + i / 3;
            year[i] = 2015 + i % 3;
            double u = rng.NextDouble();
            lad[i] = u < 0.03 ? null : u < 0.05 ? "" : u < 0.07 ? "E99999999" : u < 0.09 ? " " + lads[rng.Next(lads.Length)].ToLowerInvariant() + " " : lads[rng.Next(lads.Length)];
            u = rng.NextDouble();
            code[i] = u < 0.03 ? null : u < 0.05 ? " " : u < 0.07 ? "99999" : u < 0.09 ? "29" : u < 0.1 ? "29.10/0" : subs[rng.Next(subs.Length)];
            emp[i] = rng.Next(1, 200);
        }
        return (id, year, lad, code, emp);
    }

    private static void Write(string path, CompressionMethod codec, bool dictionary, params (long[] Id, int[] Year, string?[] Lad, string?[] Sic, double[] Emp)[] groups)
    {
        var options = new ParquetOptions { CompressionMethod = codec };
        if (dictionary)
        {
            options.ColumnEncodingHints[FLad.Path.ToString()] = EncodingHint.Dictionary;
            options.ColumnEncodingHints[FSic.Path.ToString()] = EncodingHint.Dictionary;
        }
        using var fs = File.Create(path);
        var w = ParquetWriter.CreateAsync(new ParquetSchema(FId, FYear, FLad, FSic, FEmp), fs, options).GetAwaiter().GetResult();
        foreach (var g in groups)
        {
            using var rg = w.CreateRowGroup();
            rg.WriteAsync<long>(FId, g.Id, null, null, default).GetAwaiter().GetResult();
            rg.WriteAsync<int>(FYear, g.Year, null, null, default).GetAwaiter().GetResult();
            rg.WriteAsync(FLad, new ArraySegment<string>(g.Lad!), null).GetAwaiter().GetResult();
            rg.WriteAsync(FSic, new ArraySegment<string>(g.Sic!), null).GetAwaiter().GetResult();
            rg.WriteAsync<double>(FEmp, g.Emp, null, null, default).GetAwaiter().GetResult();
        }
        w.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private static HashSet<Parquet.Meta.Encoding> Encodings(string path, string column)
    {
        using var fs = File.OpenRead(path);
        var r = ParquetReader.CreateAsync(fs).GetAwaiter().GetResult();
        var f = r.Schema.GetDataFields().Single(x => x.Name == column);
        var set = r.RowGroups.SelectMany(g => g.GetMetadata(f)!.MetaData!.Encodings).ToHashSet();
        r.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return set;
    }

    private static void AssertSame(MicroData expected, MicroData actual)
    {
        Assert.Equal(expected.Account.Read, actual.Account.Read);
        Assert.Equal(expected.Account.Used, actual.Account.Used);
        Assert.Equal(expected.Account.Rejects, actual.Account.Rejects);
        Assert.Equal(expected.Firms.FirmId, actual.Firms.FirmId);
        Assert.Equal(expected.Firms.Year, actual.Firms.Year);
        Assert.Equal(expected.Firms.LadIndex, actual.Firms.LadIndex);
        Assert.Equal(expected.Firms.SicCode, actual.Firms.SicCode);
        Assert.Equal(expected.Firms.SubclassIndex, actual.Firms.SubclassIndex);
        Assert.Equal(expected.Firms.Employment, actual.Firms.Employment);
        Assert.Equal(expected.Firms.Itl2, actual.Firms.Itl2);
    }

    public static TheoryData<CompressionMethod, bool, bool> Layouts => new()
    {
        // codec, dictionary-encoded, decoded by the page decoder (false: left to Parquet.Net)
        { CompressionMethod.None, false, true },
        { CompressionMethod.None, true, true },
        { CompressionMethod.Zstd, false, true },
        { CompressionMethod.Zstd, true, true },
        { CompressionMethod.Snappy, false, true },
        { CompressionMethod.Snappy, true, true },
        { CompressionMethod.Gzip, true, true },
        { CompressionMethod.LZ4, false, false },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Both_paths_keep_and_reject_the_same_rows(CompressionMethod codec, bool dictionary, bool decoded)
    {
        var geo = BresReaderTests.Geo;
        var sic = BresReaderTests.Sic;
        var dir = TempDir();
        Directory.CreateDirectory(dir);
        try
        {
            var path = Path.Combine(dir, "firms.parquet");
            Write(path, codec, dictionary, Rows(500, 1, 1000), Rows(300, 2, 5000), Rows(450, 3, 9000));
            var enc = Encodings(path, "sic");
            Assert.Equal(dictionary, enc.Contains(Parquet.Meta.Encoding.RLE_DICTIONARY) || enc.Contains(Parquet.Meta.Encoding.PLAIN_DICTIONARY));

            var stats = new MicroDataReader.PageDecodeStats();
            var fast = MicroDataReader.ReadParquet(path, geo, sic, readText: false, pageDecoder: true, stats);
            var slow = MicroDataReader.ReadParquet(path, geo, sic, readText: false, pageDecoder: false, stats: null);
            // Two text columns in each of three row groups.
            Assert.Equal(decoded ? 6 : 0, stats.Decoded);
            Assert.Equal(decoded ? 0 : 6, stats.Fallback);
            AssertSame(slow, fast);

            Assert.Equal(1250, fast.Account.Read);
            Assert.True(fast.Account.Used > 900);
            foreach (var reason in new[] { MicroRejectReasons.MissingValue, MicroRejectReasons.UnknownLad, MicroRejectReasons.UnknownSic })
                Assert.True(fast.Account.RejectedByReason.GetValueOrDefault(reason) > 0, reason);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void A_bad_value_is_rejected_with_its_file_line_field_and_value()
    {
        var geo = BresReaderTests.Geo;
        var sic = BresReaderTests.Sic;
        var dir = TempDir();
        Directory.CreateDirectory(dir);
        try
        {
            var path = Path.Combine(dir, "firms.parquet");
            // Rows 1–3 good; row 4 an unknown SIC code; row 5 a null district; row 6 a district in lower case with blanks
            // (used, as the CSV path reads it); in the second row group, row 2 (file row 5 + 2 = 7) an unknown district.
            string e08 = geo.Lads.First(l => l.Code.StartsWith("E08", StringComparison.Ordinal) && !l.Straddles).Code;
            var a = (new long[] { 1, 2, 3, 4, 5, 6 }, new[] { 2020, 2020, 2020, 2020, 2020, 2020 },
                new string?[] { e08, e08, e08, e08, null, " " + e08.ToLowerInvariant() + " " },
                new string?[] { "29100", "29100", "62012", "12345", "62012", "62012" }, new double[] { 1, 2, 3, 4, 5, 6 });
            var b = (new long[] { 7, 8 }, new[] { 2021, 2021 }, new string?[] { e08, "X00000001" }, new string?[] { "29100", "29100" }, new double[] { 7, 8 });
            foreach (var dictionary in new[] { false, true })
            {
                Write(path, CompressionMethod.Zstd, dictionary, a, b);
                var stats = new MicroDataReader.PageDecodeStats();
                var m = MicroDataReader.ReadParquet(path, geo, sic, readText: false, pageDecoder: true, stats);
                Assert.Equal(4, stats.Decoded);
                Assert.Equal(
                    new[]
                    {
                        new Engine.Ingest.Reject(path, 5, "sic", MicroRejectReasons.UnknownSic, "12345"),
                        new Engine.Ingest.Reject(path, 6, "lad_code", MicroRejectReasons.MissingValue, ""),
                        new Engine.Ingest.Reject(path, 9, "lad_code", MicroRejectReasons.UnknownLad, "X00000001"),
                    },
                    m.Account.Rejects);
                Assert.Equal(new long[] { 1, 2, 3, 6, 7 }, m.Firms.FirmId);
                int lad = Enumerable.Range(0, geo.Lads.Count).Single(i => geo.Lads[i].Code == e08);
                Assert.All(m.Firms.LadIndex, l => Assert.Equal(lad, l));
                Assert.Equal(new[] { "29100", "29100", "62012", "62012", "29100" }, m.Firms.SicCode);
            }
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void The_shipped_WMCA_file_reads_the_same_both_ways()
    {
        var geo = BresReaderTests.Geo;
        var sic = BresReaderTests.Sic;
        var path = Path.Combine(TestData.Datasets, "micro", "wmca_firms_2015_2021.parquet");
        var stats = new MicroDataReader.PageDecodeStats();
        var fast = MicroDataReader.ReadParquet(path, geo, sic, readText: false, pageDecoder: true, stats);
        var slow = MicroDataReader.ReadParquet(path, geo, sic, readText: false, pageDecoder: false, stats: null);
        Assert.Equal(2, stats.Decoded);
        // datasets/micro/README.md: 780,983 firm-years, all of them usable.
        Assert.Equal(780_983, fast.Account.Used);
        AssertSame(slow, fast);
    }
}
