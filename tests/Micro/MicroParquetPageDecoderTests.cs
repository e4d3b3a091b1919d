using System.Text;
using CompeteModel.Engine.Ingest.Micro;
using CompeteModel.Tests.Ingest;
using Parquet;
using Parquet.Schema;

using static CompeteModel.Tests.Micro.ParquetPageBytes;

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
            var enc = ParquetFixtures.Encodings(path, "sic");
            Assert.Equal(dictionary, enc.Contains(Parquet.Meta.Encoding.RLE_DICTIONARY) || enc.Contains(Parquet.Meta.Encoding.PLAIN_DICTIONARY));

            var stats = new MicroDataReader.PageDecodeStats();
            var fast = MicroDataReader.ReadParquet(path, geo, sic, readText: false, pageDecoder: true, stats);
            var slow = MicroDataReader.ReadParquet(path, geo, sic, readText: false, pageDecoder: false, stats: null);
            // Two text columns in each of three row groups.
            Assert.Equal(decoded ? 6 : 0, stats.Decoded);
            Assert.Equal(decoded ? 0 : 6, stats.Fallback);
            ParquetFixtures.AssertSame(slow, fast);

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
        // lad_code, sic and itl2; firm_id, year, employment, turnover and birth_year.
        Assert.Equal(3, stats.Decoded);
        Assert.Equal(5, stats.NumbersDecoded);
        Assert.Equal(0, stats.Fallback + stats.NumbersFallback);
        // datasets/micro/README.md: 780,983 firm-years, all of them usable.
        Assert.Equal(780_983, fast.Account.Used);
        ParquetFixtures.AssertSame(slow, fast);
    }

    // Hand-built column chunks (ParquetPageBytes), for the layouts Parquet.Net does not write: several data pages, a
    // dictionary chunk that falls back to PLAIN, data page v2, bit-packed runs.

    private static string?[] DecodeChunk(byte[] chunk, Parquet.Meta.CompressionCodec codec, int maxDl, int n)
    {
        var values = new MicroDataReader.ValueTable<string>(t => t);
        using var pages = new MicroDataReader.TextPages(null);
        pages.DecodeChunk(chunk, codec, maxDl, n, values);
        return pages.Ids(n).ToArray().Select(id => id < 0 ? null : values.Text(id)).ToArray();
    }

    [Fact]
    public void Hand_built_chunk_with_a_dictionary_two_data_pages_and_nulls_decodes_row_by_row()
    {
        const int Plain = 0, Rle = 3, RleDictionary = 8;
        var dict = PlainValues("a", "bb", "ccc");
        // Page 1: six rows, the third null; five dictionary indices (width 2) bit-packed: 0 1 2 1 0.
        var levels1 = BitPacked(1, 1, 1, 0, 1, 1, 1);
        var page1 = WithLength(levels1).Concat(new byte[] { 2 }).Concat(BitPacked(2, 0, 1, 2, 1, 0)).ToArray();
        // Page 2: four rows, none null (one repeated run), PLAIN values (a writer whose dictionary grew too large).
        var page2 = WithLength(Repeated(1, 4, 1)).Concat(PlainValues("ccc", "ccc", "dd", "a")).ToArray();
        var chunk = Page(2, dict, dict.Length, (7, Thrift((1, 3), (2, Plain))))
            .Concat(Page(0, page1, page1.Length, (5, Thrift((1, 6), (2, RleDictionary), (3, Rle), (4, Rle)))))
            .Concat(Page(0, page2, page2.Length, (5, Thrift((1, 4), (2, Plain), (3, Rle), (4, Rle)))))
            .ToArray();
        Assert.Equal(new[] { "a", "bb", null, "ccc", "bb", "a", "ccc", "ccc", "dd", "a" }, DecodeChunk(chunk, Parquet.Meta.CompressionCodec.UNCOMPRESSED, 1, 10));
        // The same values as a required column (no levels) in one PLAIN page.
        var plain = PlainValues("x", "yy", "x");
        Assert.Equal(new[] { "x", "yy", "x" }, DecodeChunk(Page(0, plain, plain.Length, (5, Thrift((1, 3), (2, Plain), (3, Rle), (4, Rle)))), Parquet.Meta.CompressionCodec.UNCOMPRESSED, 0, 3));
    }

    [Fact]
    public void Hand_built_data_page_v2_compressed_or_not_decodes_row_by_row()
    {
        const int Plain = 0;
        // Levels are never compressed in v2 and carry no length prefix; the values follow, compressed when flagged.
        var levels = BitPacked(1, 0, 1, 1, 0, 1);
        var values = PlainValues("E08000025", "E08000026", "E08000025");
        using var zstd = new ZstdSharp.Compressor();
        var packed = zstd.Wrap(values).ToArray();
        byte[] V2(byte[] data, bool compressed) => Page(3, levels.Concat(data).ToArray(), levels.Length + values.Length,
            (8, Thrift((1, 5), (2, 2), (3, 5), (4, Plain), (5, levels.Length), (6, 0), (7, compressed))));
        var expected = new[] { null, "E08000025", "E08000026", null, "E08000025" };
        Assert.Equal(expected, DecodeChunk(V2(packed, true), Parquet.Meta.CompressionCodec.ZSTD, 1, 5));
        Assert.Equal(expected, DecodeChunk(V2(values, false), Parquet.Meta.CompressionCodec.ZSTD, 1, 5));
    }

    [Fact]
    public void Hand_built_chunks_it_cannot_read_are_declined_not_guessed()
    {
        const int Rle = 3, DeltaByteArray = 7, RleDictionary = 8;
        var values = PlainValues("a");
        // An encoding it leaves to Parquet.Net.
        var delta = Page(0, values, values.Length, (5, Thrift((1, 1), (2, DeltaByteArray), (3, Rle), (4, Rle))));
        Assert.Throws<NotSupportedException>(() => DecodeChunk(delta, Parquet.Meta.CompressionCodec.UNCOMPRESSED, 0, 1));
        // A dictionary index past the end of the dictionary.
        var dict = PlainValues("a", "b");
        var page = new byte[] { 2 }.Concat(BitPacked(2, 3)).ToArray();
        var bad = Page(2, dict, dict.Length, (7, Thrift((1, 2), (2, 0))))
            .Concat(Page(0, page, page.Length, (5, Thrift((1, 1), (2, RleDictionary), (3, Rle), (4, Rle))))).ToArray();
        Assert.Throws<InvalidDataException>(() => DecodeChunk(bad, Parquet.Meta.CompressionCodec.UNCOMPRESSED, 0, 1));
        // Pages with fewer values than the row group has rows.
        var shortChunk = Page(0, values, values.Length, (5, Thrift((1, 1), (2, 0), (3, Rle), (4, Rle))));
        Assert.Throws<InvalidDataException>(() => DecodeChunk(shortChunk, Parquet.Meta.CompressionCodec.UNCOMPRESSED, 0, 2));
    }
}
