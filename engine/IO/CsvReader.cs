using CompeteModel.Engine.Errors;
using System.Runtime.CompilerServices;

namespace CompeteModel.Engine.IO;

/// <summary>
/// An RFC 4180 reader: comma-separated, fields optionally in double quotes, "" for a quote
/// inside a quoted field, line breaks allowed inside quotes, CRLF or LF. Tracks the physical line
/// on which each record starts so that errors and rejects can name it.
/// <para>
/// The file is decoded once into one string (as <see cref="TextFiles.Decode"/> does) and each record is cut
/// into fields by position: a field is a slice of that text, and only a field that must be rewritten (a
/// doubled quote, a quote or carriage return dropped from its middle) is copied into a scratch buffer. No
/// string is made per field unless the caller asks for one through <see cref="Fields"/>; <see cref="Field"/>
/// hands out the field as a span, so a reader of millions of rows can parse numbers and look up labels
/// without allocating.
/// </para>
/// </summary>
public sealed class CsvReader : IDisposable
{
    private readonly string _text;
    private readonly FieldList _fields;
    private int _pos;
    private long _line = 1;
    private bool _eof;

    // Field i of the current record: _text[_start[i] ..] or, when _scratchField[i], _scratch[_start[i] ..]; _length[i] chars.
    private int[] _start = new int[16];
    private int[] _length = new int[16];
    private bool[] _scratchField = new bool[16];
    private string?[] _strings = new string?[16];
    private char[] _scratch = new char[256];
    private int _scratchUsed;
    private int _count;

    public CsvReader(TextReader reader, string fileName)
        : this(reader.ReadToEnd(), fileName)
    {
        reader.Dispose();
    }

    private CsvReader(string text, string fileName)
    {
        _text = text;
        FileName = fileName;
        _fields = new FieldList(this);
    }

    /// <summary>Opens a file (gzip or plain, UTF-8 or Latin-1) for reading.</summary>
    public static CsvReader Open(string path) => new(TextFiles.ReadAllText(path), path);

    /// <summary>The name used in error messages.</summary>
    public string FileName { get; }

    /// <summary>Physical line (1-based) on which the record last returned by <see cref="Read"/> started.</summary>
    public long RecordLine { get; private set; }

    /// <summary>The fields of the last record read, as strings (made on first use of each field).</summary>
    public IReadOnlyList<string> Fields => _fields;

    /// <summary>Characters of the text not yet read.</summary>
    internal int RemainingChars => _text.Length - _pos;

    /// <summary>Number of fields in the last record read.</summary>
    public int FieldCount => _count;

    /// <summary>Field <paramref name="i"/> of the last record read, without making a string; valid until the next <see cref="Read"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<char> Field(int i)
    {
        if ((uint)i >= (uint)_count) throw new ArgumentOutOfRangeException(nameof(i));
        return _scratchField[i] ? _scratch.AsSpan(_start[i], _length[i]) : _text.AsSpan(_start[i], _length[i]);
    }

    /// <summary>The whole text of the file, as decoded.</summary>
    internal string Text => _text;

    /// <summary>
    /// Where field <paramref name="i"/> of the last record read lies in <see cref="Text"/>: true with its start and length when it
    /// is one slice of the text; false for a field that is not (a doubled quote, a dropped CR or quote): read that one by <see cref="Field"/>.
    /// </summary>
    internal bool FieldSlice(int i, out int start, out int length)
    {
        if ((uint)i >= (uint)_count) throw new ArgumentOutOfRangeException(nameof(i));
        start = _start[i];
        length = _length[i];
        return !_scratchField[i];
    }

    private string FieldString(int i) => _strings[i] ??= Field(i).ToString();

    /// <summary>Reads the next record; false at end of file. Blank lines are skipped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Read()
    {
        if (_eof) return false;
        Array.Clear(_strings, 0, _count);
        _count = 0;
        _scratchUsed = 0;
        var s = _text;
        int n = s.Length;
        int p = _pos;
        RecordLine = _line;
        bool inQuotes = false, any = false, wasQuoted = false;
        // The field being read: _text[fStart..fEnd) while it is one slice of the text, else _scratch[sStart.._scratchUsed).
        int fStart = p, fEnd = p, sStart = 0;
        bool scratch = false;
        while (true)
        {
            if (p >= n)
            {
                _eof = true;
                _pos = p;
                if (inQuotes) throw new InputException("unterminated quoted field at end of file", FileName, RecordLine);
                if (any || _count > 0) { EndField(); return true; }
                return false;
            }
            any = true;
            if (inQuotes)
            {
                int k = s.AsSpan(p).IndexOfAny('"', '\n');
                if (k < 0) k = n - p;
                if (k > 0) { Append(p, p + k); p += k; continue; }
                char q = s[p++];
                if (q == '\n') { _line++; Append(p - 1, p); continue; }
                if (p < n && s[p] == '"') { Append(p - 1, p); p++; }
                else inQuotes = false;
                continue;
            }
            // Fields are short: a scalar scan beats a vector search's set-up. Every character that ends a plain run
            // (',', '"', CR, LF) is at most ',' in code, so most characters are passed by one comparison.
            int end = p;
            while (end < n)
            {
                char c = s[end];
                if (c <= ',' && (c == ',' || c == '"' || c == '\r' || c == '\n')) break;
                end++;
            }
            if (end > p) { Append(p, end); p = end; continue; }
            char ch = s[p++];
            switch (ch)
            {
                case ',':
                    EndField();
                    wasQuoted = false;
                    break;
                case '"' when FieldLength() == 0 && !wasQuoted:
                    inQuotes = true;
                    wasQuoted = true;
                    break;
                case '"':
                    Append(p - 1, p);
                    break;
                case '\r':
                    break;
                default: // '\n'
                    _line++;
                    if (_count == 0 && FieldLength() == 0 && !wasQuoted)
                    {
                        any = false;
                        RecordLine = _line;
                        fStart = fEnd = p;
                        scratch = false;
                        _scratchUsed = 0;
                        continue;
                    }
                    EndField();
                    _pos = p;
                    return true;
            }
        }

        int FieldLength() => scratch ? _scratchUsed - sStart : fEnd - fStart;

        // Appends _text[from..to) to the field: extends the slice when it is adjacent, else copies into the scratch buffer.
        void Append(int from, int to)
        {
            if (!scratch)
            {
                if (fEnd == from) { fEnd = to; return; }
                if (fEnd == fStart) { fStart = from; fEnd = to; return; }
                scratch = true;
                sStart = _scratchUsed;
                CopyToScratch(fStart, fEnd);
            }
            CopyToScratch(from, to);
        }

        void EndField()
        {
            if (_count == _start.Length)
            {
                int size = _count * 2;
                Array.Resize(ref _start, size);
                Array.Resize(ref _length, size);
                Array.Resize(ref _scratchField, size);
                Array.Resize(ref _strings, size);
            }
            _scratchField[_count] = scratch;
            _start[_count] = scratch ? sStart : fStart;
            _length[_count] = FieldLength();
            _count++;
            fStart = fEnd = p;
            scratch = false;
        }
    }

    private void CopyToScratch(int from, int to)
    {
        int len = to - from;
        if (_scratch.Length - _scratchUsed < len) Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, _scratchUsed + len));
        _text.AsSpan(from, len).CopyTo(_scratch.AsSpan(_scratchUsed));
        _scratchUsed += len;
    }

    /// <summary>Reads the header record and returns a column lookup that names the file in its errors.</summary>
    public CsvHeader ReadHeader()
    {
        if (!Read()) throw new InputException("the file is empty; a header row was expected", FileName, 1);
        var names = new string[_count];
        for (int i = 0; i < names.Length; i++) names[i] = FieldString(i);
        return new CsvHeader(names, FileName);
    }

    public void Dispose()
    {
    }

    /// <summary>The current record's fields as strings, each made when first read.</summary>
    private sealed class FieldList(CsvReader reader) : IReadOnlyList<string>
    {
        public string this[int index] => (uint)index < (uint)reader._count ? reader.FieldString(index) : throw new ArgumentOutOfRangeException(nameof(index));
        public int Count => reader._count;

        public IEnumerator<string> GetEnumerator()
        {
            for (int i = 0; i < reader._count; i++) yield return reader.FieldString(i);
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>Column names of a CSV file, matched case-insensitively.</summary>
public sealed class CsvHeader
{
    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);

    public CsvHeader(string[] names, string fileName)
    {
        Names = names;
        FileName = fileName;
        for (int i = 0; i < names.Length; i++)
            if (!_index.TryAdd(names[i].Trim(), i))
                throw new InputException($"column '{names[i].Trim()}' appears twice in the header (columns {_index[names[i].Trim()] + 1} and {i + 1}); which one to read would be a guess",
                    fileName, 1, names[i].Trim());
    }

    public IReadOnlyList<string> Names { get; }
    public string FileName { get; }

    /// <summary>The position of a column that must exist; an <see cref="InputException"/> names the file and the columns present otherwise.</summary>
    public int Require(string name)
    {
        if (_index.TryGetValue(name, out var i)) return i;
        throw new InputException($"required column '{name}' is missing; the header has: {string.Join(", ", Names)}", FileName, 1, name);
    }

    /// <summary>The position of an optional column, or -1.</summary>
    public int Optional(string name) => _index.TryGetValue(name, out var i) ? i : -1;
}
