using CompeteModel.Engine.Ingest.Micro;
using CompeteModel.Tests.Ingest;
using Parquet;
using Parquet.Schema;

using static CompeteModel.Tests.Micro.ParquetPageBytes;

namespace CompeteModel.Tests.Micro;

/// <summary>
/// The Parquet reader decodes the fixed-width number columns (firm_id, year, employment, turnover, birth_year: INT32,
/// INT64, FLOAT, DOUBLE; PLAIN or dictionary; nullable or not) itself and leaves every other layout to Parquet.Net.
/// These tests read the same files both ways and require the same firms and the same rejects (line, field, reason,
/// value), and check which path each column chunk took.
/// </summary>
public class MicroParquetNumberPagesTests
{
    private static string TempDir() => Path.Combine(Path.GetTempPath(), "compete-mnp-" + Guid.NewGuid().ToString("N"));

    private sealed record Rows(long?[] Id, int?[] Year, string[] Lad, string[] Sic, double?[] Emp, double?[] Turn, int?[] Birth);

    /// <summary>
    /// Seeded rows with, at random rows, nulls (when <paramref name="nulls"/>) and the bad values the reader must reject:
    /// a year out of range, negative and fractional employment, negative turnover, a birth year after the row's year.
    /// Values come from small sets.
    /// </summary>
    private static Rows Make(int n, int seed, int firstId, bool nulls)
    {
        var geo = BresReaderTests.Geo;
        var sic = BresReaderTests.Sic;
        var rng = new Random(seed);
        var lads = geo.Lads.Where(l => !l.Straddles).Take(5).Select(l => l.Code).ToArray();
        var subs = sic.Subclasses.Take(7).Select(s => s.Code).ToArray();
        double[] sizes = [1, 2, 3, 5, 8, 13, 40, 250];
        var r = new Rows(new long?[n], new int?[n], new string[n], new string[n], new double?[n], new double?[n], new int?[n]);
        bool Null(double p) => nulls && rng.NextDouble() < p;
        for (int i = 0; i < n; i++)
        {
            r.Id[i] = Null(0.02) ? null : firstId + i / 3;
            double u = rng.NextDouble();
            r.Year[i] = Null(0.02) ? null : u < 0.01 ? 1700 : 2015 + i % 3;
            u = rng.NextDouble();
            r.Emp[i] = Null(0.02) ? null : u < 0.01 ? -1 : u < 0.02 ? 2.5 : sizes[rng.Next(sizes.Length)];
            u = rng.NextDouble();
            r.Turn[i] = Null(0.05) ? null : u < 0.01 ? -5 : u < 0.03 ? double.NaN : sizes[rng.Next(sizes.Length)] * 1000;
            u = rng.NextDouble();
            r.Birth[i] = Null(0.05) ? null : u < 0.01 ? 2030 : 1990 + rng.Next(20);
            r.Lad[i] = lads[rng.Next(lads.Length)];
            r.Sic[i] = subs[rng.Next(subs.Length)];
        }
        return r;
    }

    /// <summary>
    /// Writes the groups with the number columns in the types the reader keeps (long, int, double, double, int) or, with
    /// <paramref name="otherTypes"/>, in others it converts (int firm_id, long year, float employment and turnover, long birth_year).
    /// </summary>
    private static void Write(string path, CompressionMethod codec, bool nullable, bool otherTypes, params Rows[] groups)
    {
        DataField F<T>(string name) => new DataField<T>(name, nullable);
        var fId = otherTypes ? F<int>("firm_id") : F<long>("firm_id");
        var fYear = otherTypes ? F<long>("year") : F<int>("year");
        var fLad = new DataField<string>("lad_code", true);
        var fSic = new DataField<string>("sic", true);
        var fEmp = otherTypes ? F<float>("employment") : F<double>("employment");
        var fTurn = otherTypes ? F<float>("turnover") : F<double>("turnover");
        var fBirth = otherTypes ? F<long>("birth_year") : F<int>("birth_year");
        var options = new ParquetOptions { CompressionMethod = codec };
        using var fs = File.Create(path);
        var w = ParquetWriter.CreateAsync(new ParquetSchema(fId, fYear, fLad, fSic, fEmp, fTurn, fBirth), fs, options).GetAwaiter().GetResult();
        foreach (var g in groups)
        {
            using var rg = w.CreateRowGroup();
            void Column<T>(DataField f, IEnumerable<T?> values) where T : struct
            {
                var a = values.ToArray();
                if (nullable) rg.WriteAsync<T>(f, (ReadOnlyMemory<T?>)a, null, null, default).GetAwaiter().GetResult();
                else rg.WriteAsync<T>(f, (ReadOnlyMemory<T>)a.Select(v => v!.Value).ToArray(), null, null, default).GetAwaiter().GetResult();
            }
            if (otherTypes) Column(fId, g.Id.Select(v => (int?)v));
            else Column(fId, g.Id);
            if (otherTypes) Column(fYear, g.Year.Select(v => (long?)v));
            else Column(fYear, g.Year);
            rg.WriteAsync(fLad, g.Lad, null).GetAwaiter().GetResult();
            rg.WriteAsync(fSic, g.Sic, null).GetAwaiter().GetResult();
            if (otherTypes) Column(fEmp, g.Emp.Select(v => (float?)v));
            else Column(fEmp, g.Emp);
            if (otherTypes) Column(fTurn, g.Turn.Select(v => (float?)v));
            else Column(fTurn, g.Turn);
            if (otherTypes) Column(fBirth, g.Birth.Select(v => (long?)v));
            else Column(fBirth, g.Birth);
        }
        w.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }



    public static TheoryData<CompressionMethod, bool, bool, bool> Layouts => new()
    {
        // codec, nullable, other types, decoded by the page decoder (false: left to Parquet.Net)
        { CompressionMethod.None, true, false, true },
        { CompressionMethod.Zstd, true, false, true },
        { CompressionMethod.Zstd, false, false, true },
        { CompressionMethod.Snappy, false, false, true },
        { CompressionMethod.Gzip, true, false, true },
        { CompressionMethod.Zstd, true, true, true },
        { CompressionMethod.Snappy, false, true, true },
        { CompressionMethod.LZ4, true, false, false },
        { CompressionMethod.LZ4, false, true, false },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Both_paths_keep_and_reject_the_same_rows(CompressionMethod codec, bool nullable, bool otherTypes, bool decoded)
    {
        var geo = BresReaderTests.Geo;
        var sic = BresReaderTests.Sic;
        var dir = TempDir();
        Directory.CreateDirectory(dir);
        try
        {
            var path = Path.Combine(dir, "firms.parquet");
            Write(path, codec, nullable, otherTypes, Make(500, 1, 1000, nullable), Make(300, 2, 5000, nullable), Make(450, 3, 9000, nullable));

            // Parquet.Net writes number columns PLAIN (with or without a dictionary hint); the dictionary pages are tested
            // on hand-built chunks below.
            foreach (var column in new[] { "firm_id", "year", "employment", "turnover", "birth_year" })
                Assert.Equal([Parquet.Meta.Encoding.PLAIN, Parquet.Meta.Encoding.RLE], ParquetFixtures.Encodings(path, column).Order());

            var stats = new MicroDataReader.PageDecodeStats();
            var fast = MicroDataReader.ReadParquet(path, geo, sic, readText: false, pageDecoder: true, stats);
            var slow = MicroDataReader.ReadParquet(path, geo, sic, readText: false, pageDecoder: false, stats: null);
            // Five number columns in each of three row groups.
            Assert.Equal(decoded ? 15 : 0, stats.NumbersDecoded);
            Assert.Equal(decoded ? 0 : 15, stats.NumbersFallback);
            ParquetFixtures.AssertSame(slow, fast);

            Assert.Equal(1250, fast.Account.Read);
            Assert.True(fast.Account.Used > 1000);
            var reasons = new List<string>
            {
                MicroRejectReasons.YearOutOfRange, MicroRejectReasons.NegativeEmployment, MicroRejectReasons.NegativeTurnover,
                MicroRejectReasons.BornAfterYear,
            };
            // A float holds 2.5 exactly, so the fractional headcount is there in both type sets.
            reasons.Add(MicroRejectReasons.FractionalEmployment);
            if (nullable) reasons.Add(MicroRejectReasons.MissingValue);
            foreach (var reason in reasons)
                Assert.True(fast.Account.RejectedByReason.GetValueOrDefault(reason) > 0, reason);
            // Missing or NaN turnover and missing birth years are kept as NaN and 0.
            Assert.Contains(fast.Firms.Turnover, double.IsNaN);
            if (nullable) Assert.Contains(0, fast.Firms.BirthYear);
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
            string lad = geo.Lads.First(l => !l.Straddles).Code;
            string[] L(int n) => Enumerable.Repeat(lad, n).ToArray();
            string[] S(int n) => Enumerable.Repeat("62012", n).ToArray();
            // Group 1, file lines 2–6: good; year missing; employment −3; good with turnover and birth year missing; birth
            // year after the year. Group 2, lines 7–8: a fractional headcount; firm id missing.
            var a = new Rows([1, 2, 3, 4, 5], [2020, null, 2020, 2020, 2020], L(5), S(5), [1, 2, -3, 4, 5], [10, 20, 30, null, 50], [2000, 2000, 2000, null, 2021]);
            var b = new Rows([6, null], [2021, 2021], L(2), S(2), [6.5, 7], [60, 70], [2001, 2001]);
            foreach (var codec in new[] { CompressionMethod.None, CompressionMethod.Zstd })
            {
                Write(path, codec, nullable: true, otherTypes: false, a, b);
                var stats = new MicroDataReader.PageDecodeStats();
                var m = MicroDataReader.ReadParquet(path, geo, sic, readText: false, pageDecoder: true, stats);
                Assert.Equal(10, stats.NumbersDecoded);
                Assert.Equal(
                    new[]
                    {
                        new Engine.Ingest.Reject(path, 3, "year", MicroRejectReasons.MissingValue, null),
                        new Engine.Ingest.Reject(path, 4, "employment", MicroRejectReasons.NegativeEmployment, "-3"),
                        new Engine.Ingest.Reject(path, 6, "birth_year", MicroRejectReasons.BornAfterYear, "2021"),
                        new Engine.Ingest.Reject(path, 7, "employment", MicroRejectReasons.FractionalEmployment, "6.5"),
                        new Engine.Ingest.Reject(path, 8, "firm_id", MicroRejectReasons.MissingValue, null),
                    },
                    m.Account.Rejects);
                Assert.Equal(new long[] { 1, 4 }, m.Firms.FirmId);
                Assert.Equal(new[] { 2020, 2020 }, m.Firms.Year);
                Assert.Equal(new double[] { 1, 4 }, m.Firms.Employment);
                Assert.Equal(new[] { 10, double.NaN }, m.Firms.Turnover);
                Assert.Equal(new[] { 2000, 0 }, m.Firms.BirthYear);
            }
        }
        finally { Directory.Delete(dir, true); }
    }

    // Hand-built column chunks for the layouts Parquet.Net may not write (a dictionary page with nulls over two data
    // pages, PLAIN after a dictionary, data page v2). Bytes from ParquetPageBytes.

    private const int Plain = 0, Rle = 3, RleDictionary = 8;

    private static T[] Decode<T>(byte[] chunk, int maxDl, int n, out bool[] nulls) where T : unmanaged
    {
        var dest = new T[n];
        using var pages = new MicroDataReader.NumberPages(null);
        pages.DecodeChunk(chunk, Parquet.Meta.CompressionCodec.UNCOMPRESSED, maxDl, dest);
        nulls = Enumerable.Range(0, n).Select(pages.IsNull).ToArray();
        return dest;
    }

    [Fact]
    public void Hand_built_chunk_with_a_dictionary_two_data_pages_and_nulls_decodes_row_by_row()
    {
        var dict = new long[] { 7, -3, 1L << 40 }.SelectMany(BitConverter.GetBytes).ToArray();
        // Page 1: six rows, the third null; five dictionary indices (width 2) bit-packed: 0 1 2 1 0.
        var page1 = WithLength(BitPacked(1, 1, 1, 0, 1, 1, 1)).Concat(new byte[] { 2 }).Concat(BitPacked(2, 0, 1, 2, 1, 0)).ToArray();
        // Page 2: four rows, the last null, PLAIN values (a writer whose dictionary grew too large).
        var page2 = WithLength(BitPacked(1, 1, 1, 1, 0)).Concat(new long[] { 5, 6, 7 }.SelectMany(BitConverter.GetBytes)).ToArray();
        var chunk = Page(2, dict, dict.Length, (7, Thrift((1, 3), (2, Plain))))
            .Concat(Page(0, page1, page1.Length, (5, Thrift((1, 6), (2, RleDictionary), (3, Rle), (4, Rle)))))
            .Concat(Page(0, page2, page2.Length, (5, Thrift((1, 4), (2, Plain), (3, Rle), (4, Rle)))))
            .ToArray();
        var v = Decode<long>(chunk, 1, 10, out var nulls);
        Assert.Equal(new long[] { 7, -3, 0, 1L << 40, -3, 7, 5, 6, 7, 0 }, v);
        Assert.Equal(new[] { false, false, true, false, false, false, false, false, false, true }, nulls);

        // A required DOUBLE column in one PLAIN page: the bytes as they are.
        var doubles = new[] { 1.5, double.NaN, -0.0, 1e300 };
        var plain = doubles.SelectMany(BitConverter.GetBytes).ToArray();
        Assert.Equal(doubles, Decode<double>(Page(0, plain, plain.Length, (5, Thrift((1, 4), (2, Plain), (3, Rle), (4, Rle)))), 0, 4, out nulls));
        Assert.DoesNotContain(true, nulls);
    }

    [Fact]
    public void Hand_built_data_page_v2_decodes_row_by_row()
    {
        // Levels are never compressed in v2 and carry no length prefix; INT32 values follow.
        var levels = BitPacked(1, 0, 1, 1, 0, 1);
        var values = new[] { 2019, 2020, 2021 }.SelectMany(BitConverter.GetBytes).ToArray();
        var chunk = Page(3, levels.Concat(values).ToArray(), levels.Length + values.Length,
            (8, Thrift((1, 5), (2, 2), (3, 5), (4, Plain), (5, levels.Length), (6, 0), (7, false))));
        Assert.Equal(new[] { 0, 2019, 2020, 0, 2021 }, Decode<int>(chunk, 1, 5, out var nulls));
        Assert.Equal(new[] { true, false, false, true, false }, nulls);
    }

    [Fact]
    public void Hand_built_compressed_pages_of_a_required_column_decode_in_place_and_a_short_one_is_refused()
    {
        // Two Zstandard PLAIN pages of a required INT64 column: each is decompressed straight into its rows.
        using var zstd = new ZstdSharp.Compressor();
        byte[] P(params long[] v)
        {
            var raw = v.SelectMany(BitConverter.GetBytes).ToArray();
            return Page(0, zstd.Wrap(raw).ToArray(), raw.Length, (5, Thrift((1, v.Length), (2, Plain), (3, Rle), (4, Rle))));
        }
        var dest = new long[5];
        using var pages = new MicroDataReader.NumberPages(null);
        pages.DecodeChunk(P(10, 20, 30).Concat(P(-1, long.MaxValue)).ToArray(), Parquet.Meta.CompressionCodec.ZSTD, 0, dest);
        Assert.Equal(new long[] { 10, 20, 30, -1, long.MaxValue }, dest);
        // A page that says 3 values but decompresses to 2.
        var raw2 = new long[] { 1, 2 }.SelectMany(BitConverter.GetBytes).ToArray();
        var liar = Page(0, zstd.Wrap(raw2).ToArray(), 24, (5, Thrift((1, 3), (2, Plain), (3, Rle), (4, Rle))));
        Assert.Throws<InvalidDataException>(() => pages.DecodeChunk(liar, Parquet.Meta.CompressionCodec.ZSTD, 0, new long[3]));
    }

    [Fact]
    public void Hand_built_chunks_it_cannot_read_are_declined_not_guessed()
    {
        const int DeltaBinaryPacked = 5;
        var values = BitConverter.GetBytes(7L);
        // An encoding it leaves to Parquet.Net.
        var delta = Page(0, values, values.Length, (5, Thrift((1, 1), (2, DeltaBinaryPacked), (3, Rle), (4, Rle))));
        Assert.Throws<NotSupportedException>(() => Decode<long>(delta, 0, 1, out _));
        // A PLAIN page shorter than its values (4 bytes for an INT64).
        var shortPage = Page(0, new byte[4], 4, (5, Thrift((1, 1), (2, Plain), (3, Rle), (4, Rle))));
        Assert.Throws<InvalidDataException>(() => Decode<long>(shortPage, 0, 1, out _));
        // A dictionary index past the end of the dictionary.
        var dict = BitConverter.GetBytes(1L).Concat(BitConverter.GetBytes(2L)).ToArray();
        var page = new byte[] { 2 }.Concat(BitPacked(2, 3)).ToArray();
        var bad = Page(2, dict, dict.Length, (7, Thrift((1, 2), (2, Plain))))
            .Concat(Page(0, page, page.Length, (5, Thrift((1, 1), (2, RleDictionary), (3, Rle), (4, Rle))))).ToArray();
        Assert.Throws<InvalidDataException>(() => Decode<long>(bad, 0, 1, out _));
    }
}
