namespace CompeteModel.Engine.Procurement;

/// <summary>
/// Common Procurement Vocabulary codes: eight digits (the ninth, after a hyphen, is a check digit
/// and is dropped). Trailing zeros mark the level: <c>45000000</c> is the division "Construction
/// work", <c>45400000</c> a group, <c>45450000</c> a class.
/// </summary>
public static class CpvCode
{
    /// <summary>The eight-digit code, or null when the text is not a CPV code.</summary>
    public static string? Normalise(string text)
    {
        var t = text.Trim();
        int dash = t.IndexOf('-');
        if (dash >= 0) t = t[..dash];
        if (t.Length != 8) return null;
        foreach (var ch in t)
            if (ch is < '0' or > '9') return null;
        return t;
    }
}
