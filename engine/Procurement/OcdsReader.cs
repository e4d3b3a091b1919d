using System.Text;
using System.Text.Json;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.IO;

namespace CompeteModel.Engine.Procurement;

/// <summary>
/// Reads Open Contracting Data Standard 1.1 data: release packages (<c>{"releases": [...]}</c>),
/// record packages (<c>{"records": [...]}</c>, using each record's embedded releases, or its
/// <c>compiledRelease</c> when the releases are only linked), a bare array of releases or a single
/// release; JSON Lines (<c>.jsonl</c>/<c>.ndjson</c>, one release or package per line); gzip or plain
/// (detected by magic bytes); one file or a folder of files (<c>*.json</c>, <c>*.jsonl</c>,
/// <c>*.ndjson</c>, optionally <c>.gz</c>, and Contracts Finder <c>*.csv</c> exports via
/// <see cref="ContractsFinderCsvReader"/>), read in ordinal order of their names.
/// A release or record that is not valid JSON (a NaN token, a stray character) is rejected with its file and line
/// and the rest of the file is read; a file whose JSON cannot be resynchronised after a fault (truncated, broken
/// outside a release) is refused whole with an <see cref="InputException"/>, never read in part. A JSON file is read into memory whole; a folder or JSON Lines
/// file is processed one file or line at a time.
/// </summary>
public static class OcdsReader
{
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Reads a file or a folder. Progress reports the number of units read so far, per file.</summary>
    public static OcdsReadResult Read(string path, IProgress<long>? progress = null)
    {
        var result = new OcdsReadResult();
        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path)
                .Where(IsSupported)
                .Order(StringComparer.Ordinal)
                .ToList();
            if (files.Count == 0)
                throw new InputException("the folder holds no OCDS (.json, .jsonl, .ndjson, optionally .gz) or Contracts Finder .csv files", path, field: "--input");
            foreach (var f in files)
            {
                ReadFile(f, result);
                progress?.Report(result.UnitsRead);
            }
        }
        else if (File.Exists(path))
        {
            ReadFile(path, result);
            progress?.Report(result.UnitsRead);
        }
        else throw new InputException("no such file or folder", path, field: "--input");
        return result;
    }

    /// <summary>Reads OCDS JSON from a byte buffer (already decompressed) as if it were the named file.</summary>
    public static OcdsReadResult ReadBytes(ReadOnlySpan<byte> json, string fileName)
    {
        var result = new OcdsReadResult();
        result.AddFile(fileName);
        ReadDocument(json, fileName, result);
        return result;
    }

    private static bool IsSupported(string file)
    {
        var f = StripGz(file);
        return f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || IsLinesName(f)
               || f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
    }

    private static string StripGz(string file) =>
        file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? file[..^3] : file;

    private static bool IsLinesName(string f) =>
        f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);

    private static void ReadFile(string file, OcdsReadResult result)
    {
        result.AddFile(file);
        var name = StripGz(file);
        if (name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            ContractsFinderCsvReader.ReadInto(file, result);
            return;
        }
        if (IsLinesName(name))
        {
            ReadLines(file, result);
            return;
        }
        var bytes = TextFiles.ReadAllBytes(file);
        ReadDocument(bytes, file, result);
    }

    private static void ReadLines(string file, OcdsReadResult result)
    {
        using var raw = File.OpenRead(file);
        using var s = TextFiles.OpenDecompressed(raw);
        using var reader = new StreamReader(s, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, 1 << 16);
        long lineNo = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(line, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            }
            catch (JsonException e)
            {
                result.Reject(new ProcurementReject(file, lineNo, null, "*", "malformed JSON",
                    $"byte {(e.BytePositionInLine ?? 0) + 1}: {FirstSentence(e.Message)}"));
                continue;
            }
            using (doc)
            {
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    result.Reject(new ProcurementReject(file, lineNo, null, "*", "not a release or package", root.ValueKind.ToString()));
                    continue;
                }
                if (root.TryGetProperty("releases", out var rels) && rels.ValueKind == JsonValueKind.Array)
                    foreach (var r in rels.EnumerateArray()) OcdsReleaseParser.Parse(r, file, lineNo, result);
                else if (root.TryGetProperty("records", out var recs) && recs.ValueKind == JsonValueKind.Array)
                    foreach (var r in recs.EnumerateArray()) OcdsReleaseParser.ParseRecord(r, file, lineNo, result);
                else OcdsReleaseParser.Parse(root, file, lineNo, result);
            }
        }
    }

    private static void ReadDocument(ReadOnlySpan<byte> input, string file, OcdsReadResult result)
    {
        if (input.Length >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF) input = input[3..];
        var skipped = new HashSet<long>();
        var repaired = Quarantine(input, file, result, skipped);
        var bytes = repaired is null ? input : repaired;
        var lines = new LineCounter();
        var reader = new Utf8JsonReader(bytes, isFinalBlock: true, new JsonReaderState(ReaderOptions));
        try
        {
            if (!reader.Read())
            {
                result.Reject(new ProcurementReject(file, 1, null, "*", "malformed JSON", "empty file"));
                return;
            }
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                ReadArray(ref reader, bytes, file, result, lines, records: false, skipped);
                reader.Read(); // throws when another JSON value follows, rather than ignoring it
                return;
            }
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                result.Reject(new ProcurementReject(file, 1, null, "*", "not a release or package", reader.TokenType.ToString()));
                return;
            }
            bool sawPackage = false, sawOcid = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isReleases = reader.ValueTextEquals("releases"u8), isRecords = reader.ValueTextEquals("records"u8);
                if (reader.ValueTextEquals("ocid"u8)) sawOcid = true;
                reader.Read();
                if ((isReleases || isRecords) && reader.TokenType == JsonTokenType.StartArray)
                {
                    sawPackage = true;
                    ReadArray(ref reader, bytes, file, result, lines, isRecords, skipped);
                }
                else reader.Skip();
            }
            int end = (int)reader.BytesConsumed;
            if (!sawPackage && sawOcid)
            {
                using var doc = JsonDocument.Parse(bytes[..end].ToArray());
                OcdsReleaseParser.Parse(doc.RootElement, file, 1, result);
            }
            else if (!sawPackage)
                result.Reject(new ProcurementReject(file, 1, null, "releases", "not an OCDS release or record package (no releases or records array)", null));
            reader.Read(); // throws when another JSON value follows, rather than ignoring it
        }
        catch (JsonException e)
        {
            throw Refused(e, file);
        }
    }

    private static InputException Refused(JsonException e, string file)
    {
        var hint = e.Message.Contains("after a single JSON value", StringComparison.Ordinal)
            ? "more than one JSON value: if this is JSON Lines, name the file .jsonl"
            : "the file is refused whole rather than read in part; if it was cut short (a partial download or copy), fetch it again";
        return new InputException($"malformed JSON at byte {(e.BytePositionInLine ?? 0) + 1} of the line: {FirstSentence(e.Message)} ({hint})",
            file, (e.LineNumber ?? 0) + 1, inner: e);
    }

    /// <summary>
    /// Finds the releases or records (elements of the top-level array, or of a package's releases/records array) that
    /// are not valid JSON, rejects each with its line and returns a copy of the file with each blanked to <c>{ }</c>
    /// (same length and newlines, so lines stay right), their offsets in <paramref name="skipped"/>; null when the file
    /// is valid. A fault outside an element, an element with no end (a truncated file) or a fault whose repair would
    /// swallow more than one release refuses the file.
    /// </summary>
    private static byte[]? Quarantine(ReadOnlySpan<byte> input, string file, OcdsReadResult result, HashSet<long> skipped)
    {
        byte[]? copy = null;
        while (true)
        {
            var bytes = copy is null ? input : copy;
            var reader = new Utf8JsonReader(bytes, isFinalBlock: true, new JsonReaderState(ReaderOptions));
            long elementStart = -1;
            int elementDepth = -1;
            bool rootIsArray = false, inArray = false;
            try
            {
                while (reader.Read())
                {
                    var t = reader.TokenType;
                    if (reader.CurrentDepth == 0 && t == JsonTokenType.StartArray) rootIsArray = true;
                    if (!rootIsArray && reader.CurrentDepth == 1 && t == JsonTokenType.PropertyName)
                        inArray = reader.ValueTextEquals("releases"u8) || reader.ValueTextEquals("records"u8);
                    int depth = rootIsArray ? 1 : 2;
                    if ((rootIsArray || inArray) && reader.CurrentDepth == depth && t is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        elementStart = reader.TokenStartIndex;
                        elementDepth = depth;
                    }
                    else if (elementStart >= 0 && reader.CurrentDepth == elementDepth && t is JsonTokenType.EndObject or JsonTokenType.EndArray)
                        elementStart = -1;
                }
                return copy;
            }
            catch (JsonException e)
            {
                if (elementStart < 0) throw Refused(e, file);
                long end = MatchingEnd(bytes, (int)elementStart);
                if (end < 0 || !FollowedBySeparator(bytes, (int)end + 1) || bytes[(int)elementStart..(int)(end + 1)].IndexOf("\"ocid\""u8) != bytes[(int)elementStart..(int)(end + 1)].LastIndexOf("\"ocid\""u8))
                    throw Refused(e, file);
                long line = 1 + bytes[..(int)elementStart].Count((byte)'\n');
                result.Reject(new ProcurementReject(file, line, null, "*", "malformed JSON",
                    $"line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}: {FirstSentence(e.Message)} (this release only; the rest of the file is read)"));
                copy ??= input.ToArray();
                for (long i = elementStart + 1; i < end; i++)
                    if (copy[i] != (byte)'\n' && copy[i] != (byte)'\r') copy[i] = (byte)' ';
                copy[elementStart] = (byte)'{';
                copy[end] = (byte)'}';
                skipped.Add(elementStart);
            }
        }
    }

    /// <summary>The index of the bracket closing the one at <paramref name="start"/>, skipping strings; -1 when the data end first.</summary>
    private static long MatchingEnd(ReadOnlySpan<byte> bytes, int start)
    {
        int depth = 0;
        bool inString = false;
        for (int i = start; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            if (inString)
            {
                if (b == (byte)'\\') i++;
                else if (b == (byte)'"') inString = false;
                continue;
            }
            if (b == (byte)'"') inString = true;
            else if (b is (byte)'{' or (byte)'[') depth++;
            else if (b is (byte)'}' or (byte)']' && --depth == 0) return i;
        }
        return -1;
    }

    private static bool FollowedBySeparator(ReadOnlySpan<byte> bytes, int from)
    {
        for (int i = from; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') continue;
            return b is (byte)',' or (byte)']';
        }
        return false;
    }

    private static void ReadArray(ref Utf8JsonReader reader, ReadOnlySpan<byte> bytes, string file, OcdsReadResult result, LineCounter lines, bool records, HashSet<long> skipped)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (skipped.Contains(reader.TokenStartIndex))
            {
                reader.Skip(); // rejected as malformed JSON by Quarantine
                continue;
            }
            long line = lines.LineAt(bytes, reader.TokenStartIndex);
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                result.Reject(new ProcurementReject(file, line, null, records ? "records" : "releases", "array element is not an object", reader.TokenType.ToString()));
                reader.Skip();
                continue;
            }
            using var doc = JsonDocument.ParseValue(ref reader);
            if (records) OcdsReleaseParser.ParseRecord(doc.RootElement, file, line, result);
            else OcdsReleaseParser.Parse(doc.RootElement, file, line, result);
        }
    }

    private static string FirstSentence(string message)
    {
        int i = message.IndexOf(" Path:", StringComparison.Ordinal);
        return i > 0 ? message[..i] : message;
    }

    /// <summary>Counts newlines forward only, so finding the line of each release is linear in the file.</summary>
    private sealed class LineCounter
    {
        private long _offset;
        private long _line = 1;

        public long LineAt(ReadOnlySpan<byte> bytes, long offset)
        {
            if (offset > _offset)
            {
                _line += bytes.Slice((int)_offset, (int)(offset - _offset)).Count((byte)'\n');
                _offset = offset;
            }
            return _line;
        }
    }
}
