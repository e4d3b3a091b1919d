using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace CompeteModel.Engine.IO;

/// <summary>
/// Writes a <see cref="Table"/> as CSV straight to UTF-8 bytes: header row, RFC 4180 quoting, doubles in
/// shortest round-trip form ("R", invariant), NaN and null as empty, "\n" line ends, no BOM. The bytes are
/// exactly those of <see cref="TableFiles.WriteCsv(Table, TextWriter)"/> through a UTF-8 writer; this path
/// formats every cell with <c>TryFormat</c> into one pooled buffer, so it makes no string per cell
/// (a 22 MB complexity table is written without allocating its text).
/// <para>
/// Formatting a double to its shortest round-trip text is the one costly step, and output tables repeat
/// values (a location's ECI on each of its product rows, a product's PCI in every location, counts, 0/1
/// presence). Each double column keeps the text of recently written values in a small direct-mapped cache
/// keyed by the value's bits, so a repeated value is copied, not formatted again: the same bytes either way.
/// </para>
/// </summary>
public static class CsvTableWriter
{
    private const int BufferSize = 1 << 16;

    // Longest cell a number can give: "R" doubles are at most 24 characters, longs 20.
    private const int MaxNumberBytes = 32;

    // A cache costs about 160 KB per double column: worth it only for tables with many rows.
    private const int MinRowsForCache = 1024;

    private static readonly byte[] True = "true"u8.ToArray();
    private static readonly byte[] False = "false"u8.ToArray();

    /// <summary>Writes the whole table to <paramref name="output"/> (which is left open).</summary>
    public static void Write(Table table, Stream output)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(output);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var w = new Sink(output, buffer);
            int cols = table.Columns.Count;
            for (int c = 0; c < cols; c++)
            {
                if (c > 0) w.Byte((byte)',');
                w.Text(table.Columns[c].Name);
            }
            w.Byte((byte)'\n');
            var data = new Array[cols];
            var caches = new FormatCache?[cols];
            for (int c = 0; c < cols; c++)
            {
                data[c] = table.Columns[c].Data;
                if (data[c] is double[] && table.RowCount >= MinRowsForCache) caches[c] = new FormatCache();
            }
            for (int r = 0; r < table.RowCount; r++)
            {
                for (int c = 0; c < cols; c++)
                {
                    if (c > 0) w.Byte((byte)',');
                    switch (data[c])
                    {
                        case double[] d: w.Double(d[r], caches[c]); break;
                        case string?[] s: if (s[r] is { } t) w.Text(t); break;
                        case long[] l: w.Long(l[r]); break;
                        case int[] i: w.Long(i[r]); break;
                        case bool[] b: w.Bytes(b[r] ? True : False); break;
                        default: throw new InvalidOperationException("unsupported column type");
                    }
                }
                w.Byte((byte)'\n');
            }
            w.Flush();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A byte buffer over a stream; flushed when a cell might not fit.</summary>
    private struct Sink(Stream output, byte[] buffer)
    {
        private int _used;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Byte(byte b)
        {
            if (_used == buffer.Length) Flush();
            buffer[_used++] = b;
        }

        public void Bytes(ReadOnlySpan<byte> bytes)
        {
            if (buffer.Length - _used < bytes.Length) Flush();
            bytes.CopyTo(buffer.AsSpan(_used));
            _used += bytes.Length;
        }

        public void Double(double v, FormatCache? cache)
        {
            if (double.IsNaN(v)) return;
            Reserve(MaxNumberBytes);
            var dest = buffer.AsSpan(_used);
            if (cache is null)
            {
                if (!v.TryFormat(dest, out int written, "R", CultureInfo.InvariantCulture))
                    throw new InvalidOperationException("a double did not fit its cell buffer");
                _used += written;
                return;
            }
            ulong bits = BitConverter.DoubleToUInt64Bits(v);
            int slot = FormatCache.Slot(bits);
            int n = cache.Length[slot];
            if (n > 0 && cache.Bits[slot] == bits)
            {
                cache.Text.AsSpan(slot * MaxNumberBytes, n).CopyTo(dest);
            }
            else
            {
                if (!v.TryFormat(dest, out n, "R", CultureInfo.InvariantCulture))
                    throw new InvalidOperationException("a double did not fit its cell buffer");
                dest[..n].CopyTo(cache.Text.AsSpan(slot * MaxNumberBytes));
                cache.Bits[slot] = bits;
                cache.Length[slot] = (byte)n;
            }
            _used += n;
        }

        public void Long(long v)
        {
            Reserve(MaxNumberBytes);
            if (!v.TryFormat(buffer.AsSpan(_used), out int n, default, CultureInfo.InvariantCulture))
                throw new InvalidOperationException("an integer did not fit its cell buffer");
            _used += n;
        }

        /// <summary>A text cell, quoted (quotes doubled) when it holds a comma, quote or line break.</summary>
        public void Text(string s)
        {
            var span = s.AsSpan();
            if (span.IndexOfAny(",\"\n\r") < 0)
            {
                Encode(span);
                return;
            }
            Byte((byte)'"');
            while (true)
            {
                int q = span.IndexOf('"');
                if (q < 0) { Encode(span); break; }
                Encode(span[..(q + 1)]);
                Byte((byte)'"');
                span = span[(q + 1)..];
            }
            Byte((byte)'"');
        }

        // Chunks keep the worst case (3 bytes per UTF-16 unit) inside the buffer; a chunk never ends
        // between the two halves of a surrogate pair, so the encoding is the same as in one piece.
        private void Encode(ReadOnlySpan<char> chars)
        {
            const int Chunk = BufferSize / 4;
            while (chars.Length > 0)
            {
                int take = Math.Min(chars.Length, Chunk);
                if (take < chars.Length && char.IsHighSurrogate(chars[take - 1])) take--;
                Reserve(take * 3);
                _used += Encoding.UTF8.GetBytes(chars[..take], buffer.AsSpan(_used));
                chars = chars[take..];
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Reserve(int bytes)
        {
            if (buffer.Length - _used < bytes) Flush();
        }

        public void Flush()
        {
            output.Write(buffer, 0, _used);
            _used = 0;
        }
    }

    /// <summary>Text of recently formatted doubles, one entry per slot; a slot is empty while its length is 0.</summary>
    private sealed class FormatCache
    {
        private const int Slots = 4096;
        public readonly ulong[] Bits = new ulong[Slots];
        public readonly byte[] Length = new byte[Slots];
        public readonly byte[] Text = new byte[Slots * MaxNumberBytes];

        // Fibonacci hashing: the top bits of bits × 2^64/φ, so values differing only in low mantissa bits spread out.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Slot(ulong bits) => (int)((bits * 0x9E3779B97F4A7C15UL) >> 52);
    }
}
