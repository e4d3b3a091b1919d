using System.Security.Cryptography;
using System.Text;

namespace CompeteModel.Engine.Batch;

/// <summary>SHA-256 digests as lower-case hex, the form the batch manifest records.</summary>
public static class Hashes
{
    /// <summary>SHA-256 of a file's bytes as stored (a gzip file is hashed compressed).</summary>
    public static string OfFile(string path)
    {
        using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Convert.ToHexStringLower(SHA256.HashData(s));
    }

    /// <summary>SHA-256 of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static string OfText(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>SHA-256 of raw bytes.</summary>
    public static string OfBytes(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
