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
    /// <summary>
    /// Reads all bytes of a file, decompressing gzip when the file starts with the gzip magic; a gzip file is read to
    /// its end and checked against its trailer (CRC-32 and length), so a truncated or corrupt file is an
    /// <see cref="InputException"/> naming it, never a shorter file.
    /// </summary>
    public static byte[] ReadAllBytes(string path)
    {
        if (!File.Exists(path)) throw new InputException("file not found", path);
        var raw = File.ReadAllBytes(path);
        return raw.Length >= 2 && raw[0] == 0x1F && raw[1] == 0x8B ? GzipCheck.Decompress(raw, path) : raw;
    }

    /// <summary>
    /// Wraps a stream in a gzip decompressor when its first two bytes are 1F 8B. When <paramref name="raw"/> is a file,
    /// the decompressed stream is verified at its end against the file's trailer, as <see cref="ReadAllBytes"/> does.
    /// </summary>
    public static Stream OpenDecompressed(Stream raw)
    {
        byte[]? trailer = null;
        if (raw is FileStream { CanSeek: true } fs && fs.Length >= 18 && fs.Position == 0)
        {
            trailer = new byte[8];
            fs.Seek(-8, SeekOrigin.End);
            fs.ReadExactly(trailer);
            fs.Seek(0, SeekOrigin.Begin);
        }
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
        {
            var gz = new GZipStream(joined, CompressionMode.Decompress);
            return raw is FileStream file ? new VerifiedGzipStream(gz, trailer, file.Name) : gz;
        }
        return joined;
    }

    /// <summary>Opens a text file (gzip or plain) as a reader with the encoding rule above.</summary>
    public static TextReader OpenText(string path) => new StringReader(ReadAllText(path));

    /// <summary>The whole text of a file (gzip or plain) with the encoding rule above.</summary>
    public static string ReadAllText(string path) => Decode(ReadAllBytes(path));

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

    /// <summary>
    /// Writes a file atomically: the writer fills a temporary file that is renamed over <paramref name="path"/>. The file
    /// is flushed to disk before the rename, except inside the staging folder of an <see cref="OutputTransaction"/>: that
    /// folder's files are flushed together when the transaction commits (<see cref="OutputTransaction.Commit"/>), which
    /// lets the file system commit them in one go rather than one journal commit per file.
    /// </summary>
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
                fs.Flush(flushToDisk: !OutputTransaction.IsStaged(dir));
            }
            File.Move(tmp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }

    /// <summary>Counts and checksums what the decompressor returns; at the end compares with the trailer (or, for a multi-member file, verifies the file whole).</summary>
    private sealed class VerifiedGzipStream(GZipStream inner, byte[]? trailer, string file) : ForwardReadStream
    {
        private readonly System.IO.Hashing.Crc32 _crc = Crc32.Running();
        private long _length;
        private bool _checked;
        public override int Read(Span<byte> buffer)
        {
            int n;
            try
            {
                n = inner.Read(buffer);
            }
            catch (InvalidDataException e)
            {
                throw new InputException("the gzip file is corrupt (" + e.Message + "); download or copy it again", file, inner: e);
            }
            if (n > 0)
            {
                _crc.Append(buffer[..n]);
                _length += n;
            }
            else if (buffer.Length > 0 && !_checked)
            {
                _checked = true;
                if (trailer is null || !GzipCheck.TrailerMatchesWhole(trailer, _crc.GetCurrentHashAsUInt32(), _length))
                    GzipCheck.Decompress(File.ReadAllBytes(file), file); // several members, or truncated: this check decides
            }
            return n;
        }
        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }

    private sealed class PrefixStream(ReadOnlyMemory<byte> prefix, Stream rest) : ForwardReadStream
    {
        private int _pos;
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
        protected override void Dispose(bool disposing)
        {
            if (disposing) rest.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>A stream read once from start to end: no seeking, no writing, reads through <see cref="Read(Span{byte})"/>.</summary>
    private abstract class ForwardReadStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
        public abstract override int Read(Span<byte> buffer);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
