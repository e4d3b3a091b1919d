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
/// A value that is formatted goes through <see cref="RoundTripDouble"/> (Ryū's shortest digits in .NET's "R"
/// layout, the same bytes as <c>double.TryFormat</c> at a fraction of its cost). Text columns keep the UTF-8 bytes of
/// recently written strings the same way, keyed by the string's identity (output tables repeat the same label
/// objects row after row).
/// </para>
/// <para>
/// A large table is cut into blocks of rows that are formatted in parallel into pooled buffers and written in
/// block order: the bytes do not depend on how many threads formatted them.
/// </para>
/// </summary>
public static class CsvTableWriter
{
    internal const int BufferSize = 1 << 16;

    // Longest cell a number can give: "R" doubles are at most 24 characters, longs 20.
    internal const int MaxNumberBytes = 32;

    // A cache costs about 160 KB per double column: worth it only for tables with many rows.
    private const int MinRowsForCache = 1024;

    private static readonly byte[] True = "true"u8.ToArray();
    private static readonly byte[] False = "false"u8.ToArray();

    // Rows per block when formatting in parallel, and the fewest rows for which that is worth starting threads.
    private const int BlockRows = 1 << 14;
    private const int MinRowsForParallel = 1 << 16;

    /// <summary>
    /// Writes the whole table to <paramref name="output"/> (which is left open); a table of many rows is formatted
    /// in parallel blocks unless <paramref name="parallel"/> is false. The bytes are the same either way.
    /// </summary>
    public static void Write(Table table, Stream output, bool parallel = true) =>
        Write(table, output, parallel && table.RowCount >= MinRowsForParallel && Environment.ProcessorCount > 1 ? BlockRows : 0);

    /// <summary>
    /// As <see cref="Write(Table, Stream, bool)"/>; with <paramref name="blockRows"/> &gt; 0 the rows are formatted in blocks
    /// of that many rows on the thread pool, at most two blocks per processor in flight, and written in order.
    /// </summary>
    internal static void Write(Table table, Stream output, int blockRows)
    {
        ArgumentNullException.ThrowIfNull(table);
        Write(new TableRows(table), output, blockRows);
    }

    /// <summary>
    /// Writes <paramref name="rows"/> as CSV: the header, then the rows the source formats, in parallel blocks of
    /// <see cref="BlockRows"/> rows when there are many (and <paramref name="parallel"/>); the bytes are the same either way.
    /// </summary>
    internal static void Write(CsvRows rows, Stream output, bool parallel) =>
        Write(rows, output, parallel && rows.RowCount >= MinRowsForParallel && Environment.ProcessorCount > 1 ? BlockRows : 0);

    internal static void Write(CsvRows rows, Stream output, int blockRows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var w = new Sink(output, buffer);
            for (int c = 0; c < rows.Header.Count; c++)
            {
                if (c > 0) w.Byte((byte)',');
                w.Text(rows.Header[c], null);
            }
            w.Byte((byte)'\n');
            if (blockRows <= 0 || rows.RowCount <= blockRows)
            {
                rows.Write(0, rows.RowCount, ref w, rows.NewState());
                w.Flush();
                return;
            }
            w.Flush();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        WriteBlocks(rows, output, blockRows);
    }

    private static void WriteBlocks(CsvRows rows, Stream output, int blockRows)
    {
        int blocks = (rows.RowCount + blockRows - 1) / blockRows;
        int inFlight = 2 * Environment.ProcessorCount;
        var idle = new System.Collections.Concurrent.ConcurrentBag<object>();
        var pending = new Queue<Task<List<(byte[] Buffer, int Length)>>>();
        int next = 0;
        try
        {
            while (next < blocks || pending.Count > 0)
            {
                while (next < blocks && pending.Count < inFlight)
                {
                    int start = next++ * blockRows;
                    int end = Math.Min(rows.RowCount, start + blockRows);
                    pending.Enqueue(Task.Run(() =>
                    {
                        if (!idle.TryTake(out var state)) state = rows.NewState();
                        var chunks = new List<(byte[], int)>();
                        var w = new Sink(chunks, ArrayPool<byte>.Shared.Rent(BufferSize));
                        rows.Write(start, end, ref w, state);
                        w.Complete();
                        idle.Add(state);
                        return chunks;
                    }));
                }
                foreach (var (b, n) in pending.Dequeue().GetAwaiter().GetResult())
                {
                    output.Write(b, 0, n);
                    ArrayPool<byte>.Shared.Return(b);
                }
            }
        }
        finally
        {
            // After a failure, let the blocks already started finish before their buffers go back to the pool.
            if (pending.Count > 0)
            {
                try
                {
                    Task.WaitAll(pending.ToArray());
                }
                catch (AggregateException)
                {
                    // the failure already on its way out is the one reported
                }
                foreach (var t in pending)
                    if (t.IsCompletedSuccessfully)
                        foreach (var (b, _) in t.Result) ArrayPool<byte>.Shared.Return(b);
            }
        }
    }

    /// <summary>
    /// Rows to write as CSV: the header, the row count, and a method that formats a range of rows into a sink with a
    /// per-thread state (caches) from <see cref="NewState"/>. Blocks of rows may be formatted on several threads at once.
    /// </summary>
    internal abstract class CsvRows(IReadOnlyList<string> header, int rowCount)
    {
        public IReadOnlyList<string> Header { get; } = header;
        public int RowCount { get; } = rowCount;
        public abstract object NewState();
        public abstract void Write(int start, int end, ref Sink w, object state);
    }

    /// <summary>A <see cref="Table"/>'s rows, every cell through its column's cache.</summary>
    private sealed class TableRows(Table table) : CsvRows(table.Columns.Select(c => c.Name).ToArray(), table.RowCount)
    {
        public override object NewState() => new Caches(table);
        public override void Write(int start, int end, ref Sink w, object state) => WriteRows(table, start, end, ref w, (Caches)state);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteRows(Table table, int start, int end, ref Sink w, Caches caches)
    {
        int cols = table.Columns.Count;
        var kinds = caches.Kinds;
        var data = caches.Data;
        for (int r = start; r < end; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                if (c > 0) w.Byte((byte)',');
                // The kind was found once per column: a type test per cell costs more than the cell's copy.
                switch (kinds[c])
                {
                    case Kind.Double: w.Double(Unsafe.As<double[]>(data[c])[r], caches.Numbers[c]); break;
                    case Kind.Text: if (Unsafe.As<string?[]>(data[c])[r] is { } t) w.Text(t, caches.Texts[c]); break;
                    case Kind.Long: w.Long(Unsafe.As<long[]>(data[c])[r]); break;
                    case Kind.Int: w.Long(Unsafe.As<int[]>(data[c])[r]); break;
                    default: w.Bytes(Unsafe.As<bool[]>(data[c])[r] ? True : False); break;
                }
            }
            w.Byte((byte)'\n');
        }
    }

    private enum Kind : byte { Double, Text, Long, Int, Bool }

    /// <summary>The columns' arrays and kinds and, for a table with many rows, a cache per double or text column (one set per thread).</summary>
    private sealed class Caches
    {
        public Caches(Table table)
        {
            int cols = table.Columns.Count;
            Data = new Array[cols];
            Kinds = new Kind[cols];
            Numbers = new FormatCache?[cols];
            Texts = new TextCache?[cols];
            for (int c = 0; c < cols; c++)
            {
                Data[c] = table.Columns[c].Data;
                Kinds[c] = Data[c] switch
                {
                    double[] => Kind.Double,
                    string?[] => Kind.Text,
                    long[] => Kind.Long,
                    int[] => Kind.Int,
                    bool[] => Kind.Bool,
                    _ => throw new InvalidOperationException("unsupported column type"),
                };
                if (table.RowCount < MinRowsForCache) continue;
                if (Kinds[c] == Kind.Double) Numbers[c] = new FormatCache();
                else if (Kinds[c] == Kind.Text) Texts[c] = new TextCache();
            }
        }

        public Array[] Data { get; }
        public Kind[] Kinds { get; }
        public FormatCache?[] Numbers { get; }
        public TextCache?[] Texts { get; }
    }

    /// <summary>
    /// A byte buffer over a stream, flushed when a cell might not fit; or, for a block formatted off the writing
    /// thread, over a list of full pooled buffers that the writing thread writes and returns to the pool.
    /// </summary>
    internal struct Sink
    {
        private readonly Stream? _output;
        private readonly List<(byte[] Buffer, int Length)>? _chunks;
        private byte[] buffer;
        private int _used;

        /// <summary>At least <paramref name="bytes"/> (at most half the buffer) free bytes at the end of the buffer, to fill and then <see cref="Advance"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Span<byte> Room(int bytes)
        {
            Reserve(bytes);
            return buffer.AsSpan(_used);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Advance(int bytes) => _used += bytes;

        public Sink(Stream output, byte[] buffer)
        {
            _output = output;
            this.buffer = buffer;
        }

        public Sink(List<(byte[] Buffer, int Length)> chunks, byte[] buffer)
        {
            _chunks = chunks;
            this.buffer = buffer;
        }

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

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Double(double v, FormatCache? cache)
        {
            if (double.IsNaN(v)) return;
            Reserve(MaxNumberBytes);
            _used += FormatDouble(v, buffer.AsSpan(_used), cache);
        }

        /// <summary>
        /// A double's cell text (nothing for NaN) into <paramref name="dest"/> (at least <see cref="MaxNumberBytes"/> long),
        /// through <paramref name="cache"/> when there is one; returns the bytes written.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static int FormatDouble(double v, Span<byte> dest, FormatCache? cache)
        {
            if (double.IsNaN(v)) return 0;
            if (cache is null) return RoundTripDouble.Format(v, dest);
            ulong bits = BitConverter.DoubleToUInt64Bits(v);
            int slot = FormatCache.Slot(bits);
            int n = cache.Length[slot];
            if (n > 0 && cache.Bits[slot] == bits)
            {
                cache.Text.AsSpan(slot * MaxNumberBytes, n).CopyTo(dest);
            }
            else
            {
                n = RoundTripDouble.Format(v, dest);
                dest[..n].CopyTo(cache.Text.AsSpan(slot * MaxNumberBytes));
                cache.Bits[slot] = bits;
                cache.Length[slot] = (byte)n;
            }
            return n;
        }

        public void Long(long v)
        {
            Reserve(MaxNumberBytes);
            if (!v.TryFormat(buffer.AsSpan(_used), out int n, default, CultureInfo.InvariantCulture))
                throw new InvalidOperationException("an integer did not fit its cell buffer");
            _used += n;
        }

        /// <summary>A text cell, quoted (quotes doubled) when it holds a comma, quote or line break; short ones through the cache.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Text(string s, TextCache? cache)
        {
            if (cache is not null && s.Length <= TextCache.MaxChars)
            {
                int slot = TextCache.Slot(s);
                if (!ReferenceEquals(cache.Strings[slot], s))
                {
                    cache.Bytes[slot] = Encoded(s);
                    cache.Strings[slot] = s;
                }
                Bytes(cache.Bytes[slot]);
                return;
            }
            Text(s);
        }

        /// <summary>What <c>Text(s)</c> writes, as one array (a short string: the chunks of Encode are the whole string).</summary>
        public static byte[] Encoded(string s) =>
            Encoding.UTF8.GetBytes(s.AsSpan().IndexOfAny(",\"\n\r") < 0 ? s : "\"" + s.Replace("\"", "\"\"") + "\"");

        private void Text(string s)
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
            if (_output is not null)
            {
                _output.Write(buffer, 0, _used);
            }
            else
            {
                _chunks!.Add((buffer, _used));
                buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
            }
            _used = 0;
        }

        /// <summary>A block's end: its last buffer joins the list as it is.</summary>
        public void Complete()
        {
            _chunks!.Add((buffer, _used));
            _used = 0;
        }
    }

    /// <summary>Text of recently formatted doubles, one entry per slot; a slot is empty while its length is 0.</summary>
    internal sealed class FormatCache
    {
        private const int Slots = 4096;
        public readonly ulong[] Bits = new ulong[Slots];
        public readonly byte[] Length = new byte[Slots];
        public readonly byte[] Text = new byte[Slots * MaxNumberBytes];

        // Fibonacci hashing: the top bits of bits × 2^64/φ, so values differing only in low mantissa bits spread out.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Slot(ulong bits) => (int)((bits * 0x9E3779B97F4A7C15UL) >> 52);
    }

    /// <summary>The CSV bytes of recently written strings, one entry per slot, keyed by the string object.</summary>
    internal sealed class TextCache
    {
        public const int MaxChars = 256;
        private const int Slots = 4096;
        public readonly string?[] Strings = new string?[Slots];
        public readonly byte[][] Bytes = new byte[Slots][];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Slot(string s) => RuntimeHelpers.GetHashCode(s) & (Slots - 1);
    }
}
