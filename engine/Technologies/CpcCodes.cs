namespace CompeteModel.Engine.Technologies;

/// <summary>
/// Cooperative Patent Classification codes as they appear in patent and firm data:
/// "G06N 3/08", "G06N3/08", "g06n 3/08; H01M 10/052".
/// </summary>
public static class CpcCodes
{
    /// <summary>Upper case, whitespace removed: "g06n 3/08" → "G06N3/08".</summary>
    public static string Normalise(string code)
    {
        Span<char> buf = code.Length <= 256 ? stackalloc char[code.Length] : new char[code.Length];
        int n = 0;
        foreach (var c in code)
            if (!char.IsWhiteSpace(c)) buf[n++] = char.ToUpperInvariant(c);
        return new string(buf[..n]);
    }

    /// <summary>
    /// Splits a list of codes on <c>; , |</c> and whitespace, re-joining a bare subclass with the group
    /// that follows it ("G06N 3/08 H01L 21/02" → G06N3/08, H01L21/02). Returns normalised codes in input order.
    /// </summary>
    public static List<string> Split(string? codes)
    {
        var result = new List<string>();
        if (string.IsNullOrWhiteSpace(codes)) return result;
        var parts = codes.Split([';', ',', '|', ' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < parts.Length; i++)
        {
            var p = Normalise(parts[i]);
            if (IsSubclass(p) && i + 1 < parts.Length && parts[i + 1].Length > 0 && char.IsAsciiDigit(parts[i + 1][0]))
                p += Normalise(parts[++i]);
            result.Add(p);
        }
        return result;
    }

    /// <summary>A well-formed prefix: section letter, two-digit class, optional subclass letter, optional main group and subgroup.</summary>
    public static bool IsValidPrefix(string p)
    {
        if (p.Length < 3 || !char.IsAsciiLetterUpper(p[0]) || !char.IsAsciiDigit(p[1]) || !char.IsAsciiDigit(p[2])) return false;
        if (p.Length == 3) return true;
        if (!char.IsAsciiLetterUpper(p[3])) return false;
        int i = 4, digits = 0;
        while (i < p.Length && char.IsAsciiDigit(p[i])) { i++; digits++; }
        if (i == p.Length) return digits <= 4;
        if (digits == 0 || p[i] != '/') return false;
        i++;
        int sub = 0;
        while (i < p.Length && char.IsAsciiDigit(p[i])) { i++; sub++; }
        return i == p.Length && sub > 0;
    }

    /// <summary>
    /// True when <paramref name="code"/> (normalised) falls under <paramref name="prefix"/> (normalised).
    /// A prefix ending inside a main group number matches that group only: "G06N10" matches "G06N10/00"
    /// and "G06N10", not "G06N100/00". Subgroup digits are a decimal hierarchy, so "H01M10/05" matches "H01M10/052".
    /// </summary>
    public static bool Matches(string code, string prefix)
    {
        if (!code.StartsWith(prefix, StringComparison.Ordinal)) return false;
        if (code.Length == prefix.Length || prefix.Length <= 4 || prefix.Contains('/')) return true;
        return !char.IsAsciiDigit(code[prefix.Length]);
    }

    private static bool IsSubclass(string p) =>
        p.Length == 4 && char.IsAsciiLetterUpper(p[0]) && char.IsAsciiDigit(p[1]) && char.IsAsciiDigit(p[2]) && char.IsAsciiLetterUpper(p[3]);
}
