namespace CompeteModel.Engine.IO;

/// <summary>
/// CRC-32 (IEEE 802.3, the checksum in a gzip trailer, RFC 1952 §2.3.1; crc32("123456789") = 0xCBF43926), computed by System.IO.Hashing's vectorised
/// implementation: the check of a gzip file's trailer costs a small part of its decompression.
/// </summary>
internal static class Crc32
{
    /// <summary>The CRC-32 of <paramref name="data"/>.</summary>
    public static uint Of(ReadOnlySpan<byte> data) => System.IO.Hashing.Crc32.HashToUInt32(data);

    /// <summary>A running CRC-32 over data that arrive in pieces.</summary>
    public static System.IO.Hashing.Crc32 Running() => new();
}
