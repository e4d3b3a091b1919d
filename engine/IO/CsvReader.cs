using System.Text;
using CompeteModel.Engine.Errors;

namespace CompeteModel.Engine.IO;

/// <summary>
/// A streaming RFC 4180 reader: comma-separated, fields optionally in double quotes, "" for a quote
/// inside a quoted field, line breaks allowed inside quotes, CRLF or LF. Tracks the physical line
/// on which each record starts so that errors and rejects can name it.
/// </summary>
public sealed class CsvReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly StringBuilder _field = new();
    private readonly List<string> _fields = new();
    private long _line = 1;
    private bool _eof;

    public CsvReader(TextReader reader, string fileName)
    {
        _reader = reader;
        FileName = fileName;
    }

    /// <summary>Opens a file (gzip or plain, UTF-8 or Latin-1) for reading.</summary>
    public static CsvReader Open(string path) => new(TextFiles.OpenText(path), path);

    /// <summary>The name used in error messages.</summary>
    public string FileName { get; }

    /// <summary>Physical line (1-based) on which the record last returned by <see cref="Read"/> started.</summary>
    public long RecordLine { get; private set; }

    /// <summary>The fields of the last record read.</summary>
    public IReadOnlyList<string> Fields => _fields;

    /// <summary>Reads the next record; false at end of file. Blank lines are skipped.</summary>
    public bool Read()
    {
        while (true)
        {
            if (_eof) return false;
            _fields.Clear();
            _field.Clear();
            RecordLine = _line;
            bool inQuotes = false, any = false, wasQuoted = false;
            while (true)
            {
                int c = _reader.Read();
                if (c < 0)
                {
                    _eof = true;
                    if (inQuotes) throw new InputException("unterminated quoted field at end of file", FileName, RecordLine);
                    if (any || _fields.Count > 0) { _fields.Add(_field.ToString()); return true; }
                    return false;
                }
                any = true;
                char ch = (char)c;
                if (inQuotes)
                {
                    if (ch == '"')
                    {
                        if (_reader.Peek() == '"') { _reader.Read(); _field.Append('"'); }
                        else inQuotes = false;
                    }
                    else
                    {
                        if (ch == '\n') _line++;
                        _field.Append(ch);
                    }
                    continue;
                }
                switch (ch)
                {
                    case ',':
                        _fields.Add(_field.ToString());
                        _field.Clear();
                        wasQuoted = false;
                        break;
                    case '"' when _field.Length == 0 && !wasQuoted:
                        inQuotes = true;
                        wasQuoted = true;
                        break;
                    case '\r':
                        break;
                    case '\n':
                        _line++;
                        if (_fields.Count == 0 && _field.Length == 0 && !wasQuoted) { any = false; RecordLine = _line; continue; }
                        _fields.Add(_field.ToString());
                        return true;
                    default:
                        _field.Append(ch);
                        break;
                }
            }
        }
    }

    /// <summary>Reads the header record and returns a column lookup that names the file in its errors.</summary>
    public CsvHeader ReadHeader()
    {
        if (!Read()) throw new InputException("the file is empty; a header row was expected", FileName, 1);
        return new CsvHeader(_fields.ToArray(), FileName);
    }

    public void Dispose() => _reader.Dispose();
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
