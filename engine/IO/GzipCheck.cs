using System.Buffers.Binary;
using System.IO.Compression;
using CompeteModel.Engine.Errors;

namespace CompeteModel.Engine.IO;

/// <summary>
/// Verifies what a gzip decompressor returned against the file's trailer (RFC 1952: CRC-32 and length mod 2³² of the
/// last member's data, in the last 8 bytes). .NET's <see cref="GZipStream"/> ends silently when the compressed data
/// stop early, so a truncated file would otherwise read as a shorter one: a value cut short (916 read as 91).
/// </summary>
internal static class GzipCheck
{
    public const string Truncated = "the gzip file is truncated or corrupt: the data do not match the checksum and length in its trailer; download or copy it again";

    /// <summary>Decompresses a whole gzip file and verifies it; <see cref="InputException"/> naming the file when it is truncated or corrupt.</summary>
    public static byte[] Decompress(byte[] compressed, string file)
    {
        byte[] data;
        try
        {
            using var g = new GZipStream(new MemoryStream(compressed, writable: false), CompressionMode.Decompress);
            // The trailer's ISIZE (length mod 2^32 of a single-member file) sizes the buffer; a file it does not describe
            // (several members, truncated, over 4 GB) still reads, growing the buffer as it goes.
            uint hint = compressed.Length >= 18 ? BinaryPrimitives.ReadUInt32LittleEndian(compressed.AsSpan(compressed.Length - 4)) : 0;
            data = new byte[hint is > 0 and < int.MaxValue / 2 ? (int)hint : 1 << 16];
            int n = 0;
            var probe = new byte[1];
            while (true)
            {
                if (n == data.Length)
                {
                    if (g.Read(probe, 0, 1) == 0) break;
                    Array.Resize(ref data, data.Length * 2);
                    data[n++] = probe[0];
                }
                int r = g.Read(data, n, data.Length - n);
                if (r == 0) break;
                n += r;
            }
            if (n != data.Length) Array.Resize(ref data, n);
        }
        catch (InvalidDataException e)
        {
            throw new InputException("the gzip file is corrupt (" + e.Message + "); download or copy it again", file, inner: e);
        }
        if (!TrailerMatchesSuffix(compressed, data)) throw new InputException(Truncated, file);
        return data;
    }

    /// <summary>The trailer's CRC and length describe the last <c>ISIZE</c> bytes of the output (the last member; the whole output when there is one member).</summary>
    public static bool TrailerMatchesSuffix(ReadOnlySpan<byte> compressed, ReadOnlySpan<byte> data)
    {
        if (compressed.Length < 18) return false; // a 10-byte header and an 8-byte trailer at the least
        uint crc = BinaryPrimitives.ReadUInt32LittleEndian(compressed[^8..]);
        uint size = BinaryPrimitives.ReadUInt32LittleEndian(compressed[^4..]);
        if (size > data.Length) return false;
        return Crc32.Of(data[^(int)size..]) == crc;
    }

    /// <summary>Does the whole output of a single-member file match the trailer (the quick check of a streamed read)?</summary>
    public static bool TrailerMatchesWhole(ReadOnlySpan<byte> trailer, uint crc, long length) =>
        trailer.Length == 8 && BinaryPrimitives.ReadUInt32LittleEndian(trailer) == crc && BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]) == (uint)length;
}
