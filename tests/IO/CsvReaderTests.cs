using System.Text;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.IO;

namespace CompeteModel.Tests.IO;

/// <summary>
/// The span reader cuts records exactly as the character-at-a-time reader it replaced: the same fields, the same
/// record lines, the same errors, on hand-picked cases and on seeded random text made of the characters that
/// matter to RFC 4180 (comma, quote, CR, LF) and plain ones.
/// </summary>
public class CsvReaderTests
{
    /// <summary>The reader before issue 18, one character at a time through a StringBuilder: the reference.</summary>
    private static List<(long Line, string[] Fields)> Reference(string text, out string? error)
    {
        var records = new List<(long, string[])>();
        var reader = new StringReader(text);
        var field = new StringBuilder();
        var fields = new List<string>();
        long line = 1;
        error = null;
        while (true)
        {
            fields.Clear();
            field.Clear();
            long recordLine = line;
            bool inQuotes = false, any = false, wasQuoted = false, done = false, eof = false;
            while (!done)
            {
                int c = reader.Read();
                if (c < 0)
                {
                    eof = true;
                    if (inQuotes) { error = $"unterminated at {recordLine}"; return records; }
                    if (any || fields.Count > 0) { fields.Add(field.ToString()); records.Add((recordLine, fields.ToArray())); }
                    return records;
                }
                any = true;
                char ch = (char)c;
                if (inQuotes)
                {
                    if (ch == '"')
                    {
                        if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                        else inQuotes = false;
                    }
                    else
                    {
                        if (ch == '\n') line++;
                        field.Append(ch);
                    }
                    continue;
                }
                switch (ch)
                {
                    case ',': fields.Add(field.ToString()); field.Clear(); wasQuoted = false; break;
                    case '"' when field.Length == 0 && !wasQuoted: inQuotes = true; wasQuoted = true; break;
                    case '\r': break;
                    case '\n':
                        line++;
                        if (fields.Count == 0 && field.Length == 0 && !wasQuoted) { any = false; recordLine = line; continue; }
                        fields.Add(field.ToString());
                        records.Add((recordLine, fields.ToArray()));
                        done = true;
                        break;
                    default: field.Append(ch); break;
                }
            }
            if (eof) return records;
        }
    }

    private static List<(long Line, string[] Fields)> ThroughSpans(string text, out string? error)
    {
        var records = new List<(long, string[])>();
        using var csv = new CsvReader(new StringReader(text), "t.csv");
        error = null;
        try
        {
            while (csv.Read())
            {
                var f = new string[csv.FieldCount];
                for (int i = 0; i < f.Length; i++)
                {
                    f[i] = csv.Field(i).ToString();
                    Assert.Equal(f[i], csv.Fields[i]);
                }
                records.Add((csv.RecordLine, f));
            }
        }
        catch (InputException e)
        {
            Assert.Equal("t.csv", e.File);
            error = $"unterminated at {e.Line}";
        }
        return records;
    }

    private static void AssertSame(string text)
    {
        var expected = Reference(text, out var expectedError);
        var actual = ThroughSpans(text, out var actualError);
        Assert.Equal(expectedError, actualError);
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Line, actual[i].Line);
            Assert.Equal(expected[i].Fields, actual[i].Fields);
        }
    }

    [Theory]
    [InlineData("a,b\n1,2\n")]
    [InlineData("a,b\r\n1,2\r\n\r\n\n3,4")]
    [InlineData("\"x,y\",\"say \"\"hi\"\"\"\n\"multi\nline\",z\n")]
    [InlineData("\"ab\"cd,e\"f,\"\"\"\"\n")]
    [InlineData("\"\"x,\"\",\n,,\n")]
    [InlineData("a\rb,c\r\r\n\"q\r\"\n")]
    [InlineData("\n\n\"\"\n")]
    [InlineData("\r")]
    [InlineData("a,\"open\n")]
    [InlineData("")]
    public void Cuts_records_as_the_character_reader_did(string text) => AssertSame(text);

    [Fact]
    public void Random_text_is_cut_as_the_character_reader_did()
    {
        var rng = new Random(18);
        const string alphabet = ",\"\r\n ab,\"\n1é";
        for (int round = 0; round < 3000; round++)
        {
            var sb = new StringBuilder();
            int len = rng.Next(0, 60);
            for (int i = 0; i < len; i++) sb.Append(alphabet[rng.Next(alphabet.Length)]);
            AssertSame(sb.ToString());
        }
    }

    [Fact]
    public void Fields_grow_past_the_initial_arrays()
    {
        var row = string.Join(',', Enumerable.Range(0, 100).Select(i => i % 3 == 0 ? "\"c\"\"" + i + "\"" : "c" + i));
        AssertSame(row + "\n" + row + "\n");
        AssertSame(new string('x', 5000) + ",\"" + new string('"', 4000) + "\"\n");
    }
}
