using System.Text;

namespace CompeteModel.Tests.Micro;

/// <summary>
/// Bytes of hand-built Parquet column chunks, for the layouts Parquet.Net does not write (several data pages, a dictionary chunk that
/// falls back to PLAIN, data page v2, bit-packed runs). Byte layouts from parquet-format's Encodings.md and
/// parquet.thrift (PageHeader: 1 type, 2 uncompressed size, 3 compressed size, 5 data page header (1 values,
/// 2 encoding, 3 definition-level encoding, 4 repetition-level encoding), 7 dictionary page header (1 values,
/// 2 encoding), 8 data page v2 header (1 values, 2 nulls, 3 rows, 4 encoding, 5 and 6 level byte lengths, 7 compressed)).
/// </summary>
internal static class ParquetPageBytes
{
    public const int I32 = 5, Struct = 12, True = 1, False = 2;

    /// <summary>A Thrift compact struct of i32 fields (id, value), nested structs (id, bytes) and booleans (id, bool).</summary>
    public static byte[] Thrift(params (short Id, object Value)[] fields)
    {
        var o = new List<byte>();
        short last = 0;
        foreach (var (id, value) in fields)
        {
            int type = value switch { int => I32, bool b => b ? True : False, _ => Struct };
            o.Add((byte)(((id - last) << 4) | type));
            last = id;
            switch (value)
            {
                case int v: Varint(o, (uint)((v << 1) ^ (v >> 31))); break;
                case byte[] inner: o.AddRange(inner); break;
            }
        }
        o.Add(0);
        return o.ToArray();
    }

    public static void Varint(List<byte> o, uint v)
    {
        for (; v >= 0x80; v >>= 7) o.Add((byte)(v | 0x80));
        o.Add((byte)v);
    }

    public static byte[] PlainValues(params string[] values) =>
        values.SelectMany(v => BitConverter.GetBytes(Encoding.UTF8.GetByteCount(v)).Concat(Encoding.UTF8.GetBytes(v))).ToArray();

    /// <summary>A bit-packed run of the hybrid encoding: header (groups of 8) &lt;&lt; 1 | 1, then the values LSB first.</summary>
    public static byte[] BitPacked(int width, params int[] values)
    {
        int groups = (values.Length + 7) / 8;
        var o = new List<byte>();
        Varint(o, (uint)(groups << 1 | 1));
        var bits = new byte[groups * width];
        for (int i = 0; i < values.Length; i++)
            for (int b = 0; b < width; b++)
                if ((values[i] >> b & 1) != 0) bits[(i * width + b) / 8] |= (byte)(1 << ((i * width + b) % 8));
        o.AddRange(bits);
        return o.ToArray();
    }

    /// <summary>A repeated run of the hybrid encoding: header count &lt;&lt; 1, then the value in ⌈width / 8⌉ bytes.</summary>
    public static byte[] Repeated(int width, int count, int value)
    {
        var o = new List<byte>();
        Varint(o, (uint)(count << 1));
        for (int b = 0; b < (width + 7) / 8; b++) o.Add((byte)(value >> (8 * b)));
        return o.ToArray();
    }

    public static byte[] WithLength(byte[] levels) => BitConverter.GetBytes(levels.Length).Concat(levels).ToArray();

    public static byte[] Page(int type, byte[] body, int uncompressed, (short, object) header) =>
        Thrift((1, type), (2, uncompressed), (3, body.Length), header).Concat(body).ToArray();
}
