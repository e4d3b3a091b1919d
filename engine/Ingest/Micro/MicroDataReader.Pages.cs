using System.Buffers.Binary;
using System.IO.Compression;
using Microsoft.Win32.SafeHandles;
using Parquet;
using Parquet.Meta;
using Parquet.Schema;

namespace CompeteModel.Engine.Ingest.Micro;

public static partial class MicroDataReader
{
    /// <summary>
    /// Counts of column chunks decoded by <see cref="TextPages"/> and <see cref="NumberPages"/> and of those left to
    /// Parquet.Net (tests check that both paths are taken where they should be).
    /// </summary>
    internal sealed class PageDecodeStats
    {
        private int _decoded, _fallback, _numbersDecoded, _numbersFallback;

        /// <summary>Text column chunks (lad_code, sic, itl2).</summary>
        public int Decoded => _decoded;
        public int Fallback => _fallback;

        /// <summary>Number column chunks (firm_id, year, employment, turnover, birth_year) of the type the reader stores.</summary>
        public int NumbersDecoded => _numbersDecoded;
        public int NumbersFallback => _numbersFallback;

        public void Count(bool decoded, bool number)
        {
            if (number) Interlocked.Increment(ref decoded ? ref _numbersDecoded : ref _numbersFallback);
            else Interlocked.Increment(ref decoded ? ref _decoded : ref _fallback);
        }
    }

    /// <summary>
    /// The distinct values met in one text column by one worker: each byte string gets an id the first time it is seen
    /// (looked up by span, so a value already seen costs no allocation), with its text and what it resolves to.
    /// </summary>
    internal sealed class ValueTable<T>(Func<string, T> resolve) : IValueIds
    {
        private readonly Dictionary<byte[], int> _ids = new(ByteKeys.Instance);
        private readonly List<string> _text = [];
        private readonly List<T> _resolved = [];
        private Dictionary<byte[], int>.AlternateLookup<ReadOnlySpan<byte>> _lookup;
        private bool _hasLookup;

        public int IdOf(ReadOnlySpan<byte> bytes)
        {
            if (!_hasLookup)
            {
                _lookup = _ids.GetAlternateLookup<ReadOnlySpan<byte>>();
                _hasLookup = true;
            }
            if (_lookup.TryGetValue(bytes, out var id)) return id;
            id = _text.Count;
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            _ids.Add(bytes.ToArray(), id);
            _text.Add(text);
            _resolved.Add(resolve(text));
            return id;
        }

        public string Text(int id) => _text[id];

        public T Value(int id) => _resolved[id];
    }

    /// <summary>What <see cref="TextPages"/> needs of a <see cref="ValueTable{T}"/>: an id per distinct byte string.</summary>
    internal interface IValueIds
    {
        int IdOf(ReadOnlySpan<byte> bytes);
    }

    /// <summary>Byte-string equality, with lookups by span (no key array made to look a value up).</summary>
    private sealed class ByteKeys : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly ByteKeys Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => GetHashCode((ReadOnlySpan<byte>)obj);

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var h = new HashCode();
            h.AddBytes(alternate);
            return h.ToHashCode();
        }

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }

    /// <summary>
    /// The page machinery shared by <see cref="TextPages"/> and <see cref="NumberPages"/>: reads a flat column chunk's
    /// bytes from the file at the offsets Parquet.Net's footer gives, walks its pages (dictionary page, data pages v1 or
    /// v2; uncompressed, Zstandard, Snappy or gzip), decodes the definition levels (maximum 1) and hands each page's
    /// values to the subclass. Any other layout — other encodings or codecs, nested, encrypted or externally stored
    /// columns, or pages that do not add up — is declined (<see cref="TryLoad"/> returns false) and the caller reads
    /// the column through Parquet.Net, so every valid file still reads and a malformed one gets Parquet.Net's error.
    /// Buffers are reused from chunk to chunk. One instance per worker thread.
    /// </summary>
    /// <param name="file">The file the column chunks are read from (null when only <see cref="DecodePages"/> is used).</param>
    internal abstract class ColumnPages(SafeFileHandle? file) : IDisposable
    {
        protected const int Plain = 0, PlainDictionary = 2, Rle = 3, BitPacked = 4, RleDictionary = 8;

        private readonly ZstdSharp.Decompressor _zstd = new();
        private byte[] _chunk = [], _page = [];
        private int[] _levels = [], _indices = [];

        /// <summary>The definition level (0 null, 1 present) of each row of the data page being decoded, when nullable.</summary>
        protected ReadOnlySpan<int> Levels(int count) => _levels.AsSpan(0, count);

        public virtual void Dispose()
        {
            _zstd.Dispose();
            Return(ref _chunk);
            Return(ref _page);
            Return(ref _levels);
            Return(ref _indices);
        }

        /// <summary>Decodes the chunk of column <paramref name="f"/> in row group <paramref name="rg"/> if its layout is one handled here.</summary>
        protected bool TryLoad(DataField f, ParquetRowGroupReader rg, int n, Parquet.Meta.Type physical, PageDecodeStats? stats, bool number)
        {
            bool ok = CanDecode(f, rg, n, physical, out var meta);
            if (ok)
            {
                try
                {
                    Decode(meta!, f.MaxDefinitionLevel, n);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // Whatever this decoder cannot make sense of, Parquet.Net reads (or rejects with its own message).
                    ok = false;
                }
            }
            stats?.Count(ok, number);
            return ok;
        }

        private static bool CanDecode(DataField f, ParquetRowGroupReader rg, int n, Parquet.Meta.Type physical, out ColumnMetaData? meta)
        {
            meta = null;
            if (f.MaxRepetitionLevel != 0 || f.MaxDefinitionLevel > 1 || !BitConverter.IsLittleEndian) return false;
            var chunk = rg.GetMetadata(f);
            if (chunk?.MetaData is not { } m || chunk.FilePath is not null || chunk.CryptoMetadata is not null || chunk.EncryptedColumnMetadata is not null) return false;
            if (m.Type != physical || m.NumValues != n || m.TotalCompressedSize <= 0 || m.TotalCompressedSize > int.MaxValue) return false;
            if (m.Codec is not (CompressionCodec.UNCOMPRESSED or CompressionCodec.ZSTD or CompressionCodec.SNAPPY or CompressionCodec.GZIP)) return false;
            foreach (var e in m.Encodings)
                if (e is not (Encoding.PLAIN or Encoding.PLAIN_DICTIONARY or Encoding.RLE_DICTIONARY or Encoding.RLE or Encoding.BIT_PACKED)) return false;
            meta = m;
            return true;
        }

        private void Decode(ColumnMetaData m, int maxDl, int n)
        {
            // Some writers record a dictionary offset of 0 when there is no dictionary page.
            long start = m.DictionaryPageOffset is long d && d > 0 && d < m.DataPageOffset ? d : m.DataPageOffset;
            int size = (int)m.TotalCompressedSize;
            Grow(ref _chunk, size);
            if (file is null || RandomAccess.Read(file, _chunk.AsSpan(0, size), start) != size) throw new InvalidDataException("column chunk runs past the end of the file");
            DecodePages(_chunk.AsSpan(0, size), m.Codec, maxDl, n);
        }

        /// <summary>Called before the first page of a chunk of <paramref name="n"/> rows.</summary>
        protected abstract void Begin(int n, bool nullable);

        /// <summary>A dictionary page's PLAIN values (decompressed), <paramref name="count"/> of them.</summary>
        protected abstract void Dictionary(ReadOnlySpan<byte> plain, int count);

        /// <summary>
        /// One data page's values (decompressed) for rows [row, row + count), <paramref name="present"/> of them not null;
        /// when <paramref name="nullable"/>, <see cref="Levels"/> gives each row's definition level.
        /// </summary>
        protected abstract void Values(int encoding, ReadOnlySpan<byte> data, int row, int count, int present, bool nullable, int dictCount);

        /// <summary>
        /// Where the values of rows [row, row + count) of a required column go when they are exactly the bytes of a PLAIN
        /// page (fixed-width values), so the page can be decompressed straight there; empty when values need decoding.
        /// </summary>
        protected virtual Span<byte> PlainTarget(int row, int count) => default;

        /// <summary>
        /// Decodes the pages of one column chunk (its bytes from the dictionary page, or the first data page, to the end);
        /// throws (<see cref="NotSupportedException"/> for a layout it leaves to Parquet.Net, <see cref="InvalidDataException"/>
        /// or another exception for bytes that do not add up) rather than guess.
        /// </summary>
        protected void DecodePages(ReadOnlySpan<byte> chunk, CompressionCodec codec, int maxDl, int n)
        {
            int size = chunk.Length;
            if (maxDl is < 0 or > 1) throw new NotSupportedException("nested column");
            Begin(n, maxDl > 0);
            int pos = 0, row = 0, dictCount = -1;
            while (row < n)
            {
                if (pos >= size) throw new InvalidDataException("fewer values than rows");
                pos += PageHeader.Read(chunk[pos..], out var h);
                if (h.CompressedSize > size - pos) throw new InvalidDataException("page runs past the column chunk");
                var body = chunk.Slice(pos, h.CompressedSize);
                pos += h.CompressedSize;
                switch (h.Type)
                {
                    case PageHeader.DictionaryPage:
                        if (dictCount >= 0 || row > 0 || h.Encoding is not (Plain or PlainDictionary)) throw new NotSupportedException("dictionary page out of place");
                        if (h.NumValues < 0) throw new InvalidDataException("negative dictionary size");
                        dictCount = h.NumValues;
                        Dictionary(Decompress(codec, body, h.UncompressedSize), dictCount);
                        break;
                    case PageHeader.DataPage:
                        {
                            if (h.NumValues > n - row || h.NumValues < 0) throw new InvalidDataException("more values than rows");
                            if (maxDl == 0 && h.Encoding == Plain && codec != CompressionCodec.UNCOMPRESSED
                                && PlainTarget(row, h.NumValues) is { IsEmpty: false } target && target.Length == h.UncompressedSize)
                            {
                                // A required column's PLAIN page whose values are exactly the rows' bytes: decompressed in place.
                                DecompressInto(codec, body, target);
                                row += h.NumValues;
                                break;
                            }
                            var page = Decompress(codec, body, h.UncompressedSize);
                            int present = h.NumValues, p = 0;
                            if (maxDl > 0)
                            {
                                if (h.DefinitionEncoding != Rle) throw new NotSupportedException("definition levels not RLE");
                                int len = BinaryPrimitives.ReadInt32LittleEndian(page);
                                present = DecodeLevels(page.Slice(4, len), h.NumValues);
                                p = 4 + len;
                            }
                            Values(h.Encoding, page[p..], row, h.NumValues, present, maxDl > 0, dictCount);
                            row += h.NumValues;
                            break;
                        }
                    case PageHeader.DataPageV2:
                        {
                            if (h.NumValues > n - row || h.NumValues < 0) throw new InvalidDataException("more values than rows");
                            if (h.RepetitionBytes != 0 || h.DefinitionBytes < 0 || h.DefinitionBytes > body.Length) throw new NotSupportedException("unexpected levels");
                            int present = h.NumValues;
                            if (maxDl > 0) present = DecodeLevels(body[..h.DefinitionBytes], h.NumValues);
                            var rest = body[h.DefinitionBytes..];
                            var data = h.IsCompressed && codec != CompressionCodec.UNCOMPRESSED ? Decompress(codec, rest, h.UncompressedSize - h.DefinitionBytes) : rest;
                            Values(h.Encoding, data, row, h.NumValues, present, maxDl > 0, dictCount);
                            row += h.NumValues;
                            break;
                        }
                    default: break; // index pages carry no values
                }
            }
        }

        /// <summary>The <paramref name="present"/> dictionary indices of a dictionary-encoded data page (bit width in its first byte).</summary>
        protected ReadOnlySpan<int> DictionaryIndices(int encoding, ReadOnlySpan<byte> data, int present, int dictCount)
        {
            if (encoding is not (PlainDictionary or RleDictionary) || dictCount < 0) throw new NotSupportedException("encoding not handled");
            if (data.Length == 0 && present > 0) throw new InvalidDataException("empty dictionary index page");
            Grow(ref _indices, present);
            var indices = _indices.AsSpan(0, present);
            if (present > 0) Hybrid(data[1..], data[0], indices);
            foreach (var ix in indices)
                if ((uint)ix >= (uint)dictCount) throw new InvalidDataException("dictionary index out of range");
            return indices;
        }

        /// <summary>Definition levels (maximum 1, so bit width 1) of a page into _levels; returns the number of non-null values.</summary>
        private int DecodeLevels(ReadOnlySpan<byte> src, int count)
        {
            Grow(ref _levels, count);
            var levels = _levels.AsSpan(0, count);
            Hybrid(src, 1, levels);
            int present = 0;
            foreach (var l in levels)
            {
                if ((uint)l > 1) throw new InvalidDataException("definition level out of range");
                present += l;
            }
            return present;
        }

        /// <summary>
        /// The RLE / bit-packing hybrid of the Parquet format (Encodings.md): runs introduced by a ULEB128 header whose
        /// low bit says bit-packed (groups of 8 values, least significant bit first) or repeated (one value in
        /// ⌈width / 8⌉ little-endian bytes). Fills <paramref name="dest"/> exactly.
        /// </summary>
        private static void Hybrid(ReadOnlySpan<byte> src, int width, Span<int> dest)
        {
            if (width is < 0 or > 32) throw new InvalidDataException("bit width out of range");
            int at = 0, o = 0, bytes = (width + 7) / 8;
            while (o < dest.Length)
            {
                uint header = 0;
                for (int shift = 0; ; shift += 7)
                {
                    if (at >= src.Length || shift > 28) throw new InvalidDataException("run header runs past the page");
                    byte b = src[at++];
                    header |= (uint)(b & 0x7F) << shift;
                    if ((b & 0x80) == 0) break;
                }
                if ((header & 1) == 0)
                {
                    int run = checked((int)(header >> 1));
                    if (bytes > src.Length - at) throw new InvalidDataException("run runs past the page");
                    int v = 0;
                    for (int k = 0; k < bytes; k++) v |= src[at + k] << (8 * k);
                    at += bytes;
                    run = Math.Min(run, dest.Length - o);
                    dest.Slice(o, run).Fill(v);
                    o += run;
                }
                else
                {
                    int groups = checked((int)(header >> 1));
                    long need = (long)groups * width;
                    if (need > src.Length - at) throw new InvalidDataException("run runs past the page");
                    var packed = src.Slice(at, (int)need);
                    at += (int)need;
                    int total = Math.Min(groups * 8, dest.Length - o);
                    if (width == 0) dest.Slice(o, total).Clear();
                    else
                    {
                        ulong mask = (1UL << width) - 1;
                        for (int k = 0; k < total; k++)
                        {
                            long bit = (long)k * width;
                            int b0 = (int)(bit >> 3), sh = (int)(bit & 7);
                            ulong w = 0;
                            for (int j = 0; j < 5 && b0 + j < packed.Length; j++) w |= (ulong)packed[b0 + j] << (8 * j);
                            dest[o + k] = (int)((w >> sh) & mask);
                        }
                    }
                    o += total;
                }
            }
        }

        private ReadOnlySpan<byte> Decompress(CompressionCodec codec, ReadOnlySpan<byte> src, int size)
        {
            if (codec == CompressionCodec.UNCOMPRESSED)
            {
                if (src.Length != size) throw new InvalidDataException("uncompressed page size differs from its header");
                return src;
            }
            Grow(ref _page, size);
            var dest = _page.AsSpan(0, size);
            DecompressInto(codec, src, dest);
            return dest;
        }

        /// <summary>Decompresses a page into exactly <paramref name="dest"/> (its size from the page header).</summary>
        private void DecompressInto(CompressionCodec codec, ReadOnlySpan<byte> src, Span<byte> dest)
        {
            int size = dest.Length;
            int written;
            switch (codec)
            {
                case CompressionCodec.ZSTD: written = _zstd.Unwrap(src, dest); break;
                case CompressionCodec.SNAPPY: written = Snappier.Snappy.Decompress(src, dest); break;
                default:
                    {
                        using var gz = new GZipStream(new MemoryStream(src.ToArray(), false), CompressionMode.Decompress);
                        gz.ReadExactly(dest);
                        written = size;
                        if (gz.ReadByte() >= 0) throw new InvalidDataException("gzip page longer than its header says");
                        break;
                    }
            }
            if (written != size) throw new InvalidDataException("decompressed page size differs from its header");
        }

        // Buffers come from the shared pool, as the reader's other column buffers do: a read of the shipped file would
        // otherwise allocate some 30 MB of them per worker.
        protected static void Grow<T>(ref T[] a, int n)
        {
            if (a.Length >= n) return;
            var bigger = System.Buffers.ArrayPool<T>.Shared.Rent(Math.Max(n, a.Length * 2));
            Return(ref a);
            a = bigger;
        }

        protected static void Return<T>(ref T[] a)
        {
            if (a.Length > 0) System.Buffers.ArrayPool<T>.Shared.Return(a);
            a = [];
        }
    }

    /// <summary>
    /// Decodes a flat BYTE_ARRAY column chunk (PLAIN or dictionary encoded) into one value id per row (−1 for a null),
    /// through a <see cref="ValueTable{T}"/>: Parquet.Net's own read makes a new character array (and a string) for every
    /// value, which was most of the cost of reading the district and SIC columns.
    /// </summary>
    internal sealed class TextPages(SafeFileHandle? file) : ColumnPages(file)
    {
        private int[] _ids = [], _dict = [];
        private IValueIds? _values;

        /// <summary>After a successful <see cref="TryLoad{T}"/>: the value id of each row (−1 where null).</summary>
        public ReadOnlySpan<int> Ids(int n) => _ids.AsSpan(0, n);

        public override void Dispose()
        {
            base.Dispose();
            Return(ref _ids);
            Return(ref _dict);
        }

        public bool TryLoad<T>(DataField f, ParquetRowGroupReader rg, int n, ValueTable<T> values, PageDecodeStats? stats)
        {
            _values = values;
            return TryLoad(f, rg, n, Parquet.Meta.Type.BYTE_ARRAY, stats, number: false);
        }

        /// <summary>Decodes the pages of one column chunk into <see cref="Ids"/> (see <see cref="ColumnPages.DecodePages"/>).</summary>
        public void DecodeChunk<T>(ReadOnlySpan<byte> chunk, CompressionCodec codec, int maxDl, int n, ValueTable<T> values)
        {
            _values = values;
            DecodePages(chunk, codec, maxDl, n);
        }

        protected override void Begin(int n, bool nullable) => Grow(ref _ids, n);

        protected override void Dictionary(ReadOnlySpan<byte> plain, int count)
        {
            Grow(ref _dict, count);
            int at = 0;
            for (int k = 0; k < count; k++) _dict[k] = _values!.IdOf(NextPlain(plain, ref at));
        }

        protected override void Values(int encoding, ReadOnlySpan<byte> data, int row, int count, int present, bool nullable, int dictCount)
        {
            var ids = _ids.AsSpan(row, count);
            var levels = nullable ? Levels(count) : default;
            if (encoding == Plain)
            {
                int at = 0, prevId = -1;
                var prev = data[..0];
                bool anyNull = nullable && present < count;
                for (int i = 0; i < count; i++)
                {
                    if (anyNull && levels[i] == 0) { ids[i] = -1; continue; }
                    var v = NextPlain(data, ref at);
                    // Firm-level files come sorted by firm, so a value usually repeats the previous row's.
                    int id = prevId >= 0 && v.SequenceEqual(prev) ? prevId : _values!.IdOf(v);
                    ids[i] = id;
                    prev = v;
                    prevId = id;
                }
                return;
            }
            var indices = DictionaryIndices(encoding, data, present, dictCount);
            int k = 0;
            for (int i = 0; i < count; i++)
            {
                if (nullable && levels[i] == 0) { ids[i] = -1; continue; }
                ids[i] = _dict[indices[k++]];
            }
        }

        private static ReadOnlySpan<byte> NextPlain(ReadOnlySpan<byte> data, scoped ref int at)
        {
            if (data.Length - at < 4) throw new InvalidDataException("value runs past the page");
            int len = BinaryPrimitives.ReadInt32LittleEndian(data[at..]);
            at += 4;
            if (len < 0 || len > data.Length - at) throw new InvalidDataException("value runs past the page");
            var v = data.Slice(at, len);
            at += len;
            return v;
        }
    }
}
