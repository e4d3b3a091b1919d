using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Parquet;
using Parquet.Meta;
using Parquet.Schema;

namespace CompeteModel.Engine.Ingest.Micro;

public static partial class MicroDataReader
{
    /// <summary>
    /// Decodes a flat fixed-width number column chunk (INT32, INT64, FLOAT or DOUBLE, whose values the reader keeps as
    /// int, long, float or double; PLAIN or dictionary encoded) straight into rows of the caller's array, with a null flag
    /// per row where the column is nullable (the null rows' values are left 0). Parquet.Net's own read decompresses each
    /// page into a new buffer and copies the values through its column arrays: most of what the reader allocated on a
    /// large file, and a good part of its time. Other layouts are declined as in <see cref="ColumnPages"/>.
    /// </summary>
    internal sealed class NumberPages(SafeFileHandle? file) : ColumnPages(file)
    {
        private Array? _dest;
        private int _start, _width, _n;
        private byte[] _dict = [], _nulls = [];
        private bool _nullable;

        /// <summary>After a successful load: the rows that were null.</summary>
        public int NullCount { get; private set; }

        /// <summary>After a successful load: whether row <paramref name="i"/> of the chunk was null.</summary>
        public bool IsNull(int i) => _nullable && _nulls[i] != 0;

        public override void Dispose()
        {
            base.Dispose();
            Return(ref _dict);
            Return(ref _nulls);
        }

        /// <summary>The physical type whose PLAIN values are exactly those of <typeparamref name="T"/>; null for any other type.</summary>
        private static Parquet.Meta.Type? Physical<T>() =>
            typeof(T) == typeof(long) ? Parquet.Meta.Type.INT64
            : typeof(T) == typeof(int) ? Parquet.Meta.Type.INT32
            : typeof(T) == typeof(double) ? Parquet.Meta.Type.DOUBLE
            : typeof(T) == typeof(float) ? Parquet.Meta.Type.FLOAT
            : null;

        /// <summary>
        /// Decodes column <paramref name="f"/> of row group <paramref name="rg"/> into <paramref name="dest"/>[start ..
        /// start + n) when Parquet.Net would read its values as <typeparamref name="T"/> and its layout is handled here;
        /// false (dest untouched or partly written, to be overwritten by the caller's other read) otherwise.
        /// </summary>
        public bool TryLoad<T>(DataField f, ParquetRowGroupReader rg, int n, T[] dest, int start, PageDecodeStats? stats) where T : unmanaged
        {
            // The CLR type excludes logical types (dates, decimals, small or unsigned integers) stored in the same physical type.
            if (f.ClrType != typeof(T) || Physical<T>() is not { } physical || start < 0 || n > dest.Length - start)
            {
                stats?.Count(false, number: true);
                return false;
            }
            Target(dest, start);
            try
            {
                return TryLoad(f, rg, n, physical, stats, number: true);
            }
            finally
            {
                _dest = null;
            }
        }

        /// <summary>Decodes the pages of one column chunk into <paramref name="dest"/> (see <see cref="ColumnPages.DecodePages"/>).</summary>
        public void DecodeChunk<T>(ReadOnlySpan<byte> chunk, CompressionCodec codec, int maxDl, T[] dest) where T : unmanaged
        {
            if (Physical<T>() is null) throw new NotSupportedException("not a fixed-width number type");
            Target(dest, 0);
            try
            {
                DecodePages(chunk, codec, maxDl, dest.Length);
            }
            finally
            {
                _dest = null;
            }
        }

        private void Target<T>(T[] dest, int start) where T : unmanaged
        {
            _dest = dest;
            _start = start;
            _width = Unsafe.SizeOf<T>();
        }

        protected override void Begin(int n, bool nullable)
        {
            _n = n;
            _nullable = nullable;
            NullCount = 0;
            if (nullable) Grow(ref _nulls, n);
        }

        /// <summary>The bytes of rows [row, row + count) of the destination.</summary>
        private Span<byte> Dest(int row, int count)
        {
            if (row < 0 || count < 0 || row > _n - count) throw new InvalidDataException("more values than rows");
            ref byte first = ref MemoryMarshal.GetArrayDataReference(_dest!);
            return MemoryMarshal.CreateSpan(ref Unsafe.Add(ref first, (nint)(_start + row) * _width), checked(count * _width));
        }

        protected override Span<byte> PlainTarget(int row, int count) => Dest(row, count);

        protected override void Dictionary(ReadOnlySpan<byte> plain, int count)
        {
            int size = checked(count * _width);
            if (plain.Length < size) throw new InvalidDataException("dictionary page shorter than its values");
            Grow(ref _dict, size);
            plain[..size].CopyTo(_dict);
        }

        protected override void Values(int encoding, ReadOnlySpan<byte> data, int row, int count, int present, bool nullable, int dictCount)
        {
            var dest = Dest(row, count);
            var levels = nullable ? Levels(count) : default;
            if (nullable)
            {
                var nulls = _nulls.AsSpan(row, count);
                for (int i = 0; i < count; i++) nulls[i] = (byte)(1 - levels[i]);
                NullCount += count - present;
            }
            bool anyNull = present < count;
            if (encoding == Plain)
            {
                int size = checked(present * _width);
                if (data.Length < size) throw new InvalidDataException("value runs past the page");
                if (!anyNull) data[..size].CopyTo(dest);
                else if (_width == 8) Spread(MemoryMarshal.Cast<byte, ulong>(data[..size]), MemoryMarshal.Cast<byte, ulong>(dest), levels);
                else Spread(MemoryMarshal.Cast<byte, uint>(data[..size]), MemoryMarshal.Cast<byte, uint>(dest), levels);
                return;
            }
            var indices = DictionaryIndices(encoding, data, present, dictCount);
            var dict = _dict.AsSpan(0, dictCount * _width);
            if (_width == 8) Look(MemoryMarshal.Cast<byte, ulong>(dict), indices, MemoryMarshal.Cast<byte, ulong>(dest), levels, anyNull);
            else Look(MemoryMarshal.Cast<byte, uint>(dict), indices, MemoryMarshal.Cast<byte, uint>(dest), levels, anyNull);
        }

        /// <summary>The packed values of the non-null rows out to their rows; null rows get 0.</summary>
        private static void Spread<TW>(ReadOnlySpan<TW> values, Span<TW> dest, ReadOnlySpan<int> levels) where TW : unmanaged
        {
            int k = 0;
            for (int i = 0; i < dest.Length; i++) dest[i] = levels[i] != 0 ? values[k++] : default;
        }

        private static void Look<TW>(ReadOnlySpan<TW> dict, ReadOnlySpan<int> indices, Span<TW> dest, ReadOnlySpan<int> levels, bool anyNull) where TW : unmanaged
        {
            if (!anyNull)
            {
                for (int i = 0; i < dest.Length; i++) dest[i] = dict[indices[i]];
                return;
            }
            int k = 0;
            for (int i = 0; i < dest.Length; i++) dest[i] = levels[i] != 0 ? dict[indices[k++]] : default;
        }
    }
}
