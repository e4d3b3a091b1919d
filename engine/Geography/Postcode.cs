using System.Text.RegularExpressions;
using CompeteModel.Engine.Errors;

namespace CompeteModel.Engine.Geography;

/// <summary>
/// A UK postcode of valid shape, normalised once: upper case, no spaces inside
/// (<see cref="Compact"/> "B11AA"), printed with one space before the inward code ("B1 1AA").
/// <para>Shape (Royal Mail's postcode format; ONS Postcode Directory user guide): an outward code of
/// area letters and district — A9, A99, AA9, AA99, A9A or AA9A — then an inward code of a digit and two
/// letters. Two non-standard forms that the ONS Postcode Directory itself carries are accepted:
/// GIR 0AA (Girobank) and the legacy Newport codes "NPT 9XX". A shape check is all this type does;
/// whether the postcode exists is the lookup's question (<see cref="PostcodeLookup"/>).</para>
/// <para>Numeric value: the compact form read as a base-36 integer (digits 0–9, letters A–Z as
/// 10–35), so shorter postcodes sort first and equal lengths sort alphabetically — the order of the
/// mySociety range table.</para>
/// </summary>
public sealed partial record Postcode
{
    [GeneratedRegex(@"^(?:[A-Z]{1,2}[0-9][A-Z0-9]?|GIR|NPT)[0-9][A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CompactShape();

    // In free text: the outward code must start a word, the inward code end it (or be glued to a lost
    // "rn"/"n" line break that is followed by a capital, a digit, punctuation or the end).
    [GeneratedRegex(@"(?<![A-Za-z0-9])([A-Za-z]{1,2}[0-9][A-Za-z0-9]?|GIR|NPT)[ \t]*([0-9][A-Za-z]{2}|O[A-Z]{2})(?=$|[^A-Za-z0-9]|r?n(?![a-z]))", RegexOptions.CultureInvariant)]
    private static partial Regex InText();

    // A lost line break glued before an upper-case outward code: "PlacernWC2N 6RH", "CAMBRIDGEnCB24 9NG", "LondonnE15 4PN".
    [GeneratedRegex(@"(?<=[A-Za-z0-9.,\s])r?n(?=[A-Z]{1,2}[0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex GluedBreak();

    private Postcode(string compact) => Compact = compact;

    /// <summary>Upper case, no spaces: "B11AA", "SW1A1AA".</summary>
    public string Compact { get; }

    /// <summary>The last three characters: "1AA".</summary>
    public string Inward => Compact[^3..];

    /// <summary>Everything before the inward code: "B1", "SW1A".</summary>
    public string Outward => Compact[..^3];

    /// <summary>The leading letters of the outward code: "B", "SW" (the postcode area).</summary>
    public string Area
    {
        get
        {
            int n = 0;
            while (n < Compact.Length && Compact[n] is >= 'A' and <= 'Z') n++;
            return Compact[..n];
        }
    }

    /// <summary>The compact form as a base-36 integer (see the type's remarks).</summary>
    public long Value => Base36(Compact);

    public override string ToString() => Outward + " " + Inward;

    /// <summary>Normalises (trim, upper case, spaces removed) and checks the shape.</summary>
    public static bool TryParse(string? text, out Postcode postcode)
    {
        postcode = null!;
        if (string.IsNullOrWhiteSpace(text)) return false;
        Span<char> buf = stackalloc char[Math.Min(text.Length, 16)];
        int n = 0;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch)) continue;
            if (n == buf.Length) return false;
            buf[n++] = char.ToUpperInvariant(ch);
        }
        if (n is < 5 or > 7) return false;
        var compact = new string(buf[..n]);
        if (!CompactShape().IsMatch(compact)) return false;
        postcode = new Postcode(compact);
        return true;
    }

    /// <summary>Like <see cref="TryParse"/>, or an <see cref="InputException"/> saying what was expected.</summary>
    public static Postcode Parse(string? text, string? file = null, long? line = null, string? field = null)
    {
        if (TryParse(text, out var p)) return p;
        throw new InputException($"'{text}' is not a UK postcode: expected an outward code (A9, A99, AA9, AA99, A9A or AA9A) and an inward code (9AA), such as 'B1 1AA' or 'SW1A 1AA'",
            file, line, field);
    }

    /// <summary>
    /// Every postcode of valid shape written in free text (an address), in order of occurrence and
    /// without repeats. Case is ignored ("Sl7 1LW"); the space may be missing ("ST150SR"); the source's
    /// literal "rn"/"n" line breaks may be glued to either side ("PlacernWC2N 6RHrnGB", "Essex nSS14 3AR").
    /// An upper-case letter O typed for the inward code's zero is read as 0 ("SW20 OBA" → "SW20 0BA"): no
    /// inward code starts with a letter, so nothing valid is changed.
    /// </summary>
    public static IReadOnlyList<Postcode> FindAll(string? text)
    {
        var found = new List<Postcode>();
        if (string.IsNullOrEmpty(text)) return found;
        foreach (Match m in InText().Matches(GluedBreak().Replace(text, " ")))
        {
            var inward = m.Groups[2].Value;
            if (inward[0] == 'O') inward = "0" + inward[1..];
            if (TryParse(m.Groups[1].Value + inward, out var p) && !found.Contains(p)) found.Add(p);
        }
        return found;
    }

    /// <summary>Base-36 value of a compact postcode or range start (digits 0–9, letters A–Z = 10–35); −1 when a character is neither.</summary>
    public static long Base36(string compact)
    {
        long v = 0;
        foreach (var ch in compact)
        {
            int d = ch switch
            {
                >= '0' and <= '9' => ch - '0',
                >= 'A' and <= 'Z' => ch - 'A' + 10,
                _ => -1,
            };
            if (d < 0) return -1;
            v = v * 36 + d;
        }
        return v;
    }
}
