using System.IO.Compression;
using System.Text;
using CompeteModel.Engine.Errors;

namespace CompeteModel.Engine.IO;

/// <summary>
/// Opens data files as published: plain or gzip (by magic bytes, not only by extension), UTF-8 with or
/// without BOM, and falling back to Latin-1 when the bytes are not valid UTF-8 (NOMIS downloads mix
/// both: "builders\xC6 ware" in the SIC hierarchy is Windows-1252/Latin-1).
/// </summary>
public static class TextFiles
{
    /// <summary>Reads all bytes of a file, decompressing gzip when the file starts with the gzip magic.</summary>
    public static byte[] ReadAllBytes(string path)
    {
        if (!File.Exists(path)) throw new InputException("file not found", path);
        using var raw = File.OpenRead(path);
        using var s = OpenDecompressed(raw);
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }

    /// <summary>Wraps a stream in a gzip decompressor when its first two bytes are 1F 8B.</summary>
    public static Stream OpenDecompressed(Stream raw)
    {
        var buffered = new BufferedStream(raw, 1 << 16);
        int n = 0;
        var prefix = new byte[2];
        while (n < 2)
        {
            int r = buffered.Read(prefix, n, 2 - n);
            if (r == 0) break;
            n += r;
        }
        Stream joined = new PrefixStream(prefix.AsMemory(0, n), buffered);
        if (n == 2 && prefix[0] == 0x1F && prefix[1] == 0x8B)
            return new GZipStream(joined, CompressionMode.Decompress);
        return joined;
    }

    /// <summary>Opens a text file (gzip or plain) as a reader with the encoding rule above.</summary>
    public static TextReader OpenText(string path)
    {
        var bytes = ReadAllBytes(path);
        return new StringReader(Decode(bytes));
    }

    /// <summary>Decodes bytes as UTF-8 (BOM stripped); if they are not valid UTF-8, as Latin-1.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) bytes = bytes[3..];
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    /// <summary>Writes text atomically: to a temporary file beside the target, then renamed over it.</summary>
    public static void WriteAllTextAtomic(string path, string text)
    {
        WriteAtomic(path, s =>
        {
            using var w = new StreamWriter(s, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            w.Write(text);
        });
    }

    /// <summary>Writes a file atomically: the writer fills a temporary file that is renamed over <paramref name="path"/>.</summary>
    public static void WriteAtomic(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var tmp = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            using (var fs = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(fs);
                fs.Flush(true);
            }
            File.Move(tmp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }

    private sealed class PrefixStream(ReadOnlyMemory<byte> prefix, Stream rest) : Stream
    {
        private int _pos;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
        public override int Read(Span<byte> buffer)
        {
            if (_pos < prefix.Length)
            {
                int n = Math.Min(buffer.Length, prefix.Length - _pos);
                prefix.Span.Slice(_pos, n).CopyTo(buffer);
                _pos += n;
                return n;
            }
            return rest.Read(buffer);
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing)
        {
            if (disposing) rest.Dispose();
            base.Dispose(disposing);
        }
    }
}
