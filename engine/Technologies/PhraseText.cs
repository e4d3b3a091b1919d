namespace CompeteModel.Engine.Technologies;

/// <summary>
/// The text normalisation shared by phrases and descriptions: case folded (invariant), letters and
/// digits form words, every other character is a word break except apostrophes, which are dropped
/// ("manufacturer's" → "manufacturers"). Accents are kept as written.
/// </summary>
internal static class PhraseText
{
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    public static bool IsWordChar(char c) =>
        c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);

    public static char Fold(char c) =>
        c < 128 ? (char.IsAsciiLetterUpper(c) ? (char)(c + 32) : c) : char.ToLowerInvariant(c);

    /// <summary>The words of a phrase, folded.</summary>
    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var sb = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            if (IsApostrophe(c)) continue;
            if (IsWordChar(c)) { sb.Append(Fold(c)); continue; }
            if (sb.Length > 0) { tokens.Add(sb.ToString()); sb.Clear(); }
        }
        if (sb.Length > 0) tokens.Add(sb.ToString());
        return tokens;
    }

    /// <summary>
    /// The surface forms a phrase word matches: itself, its regular English plural, and — for words of four
    /// or more letters that look plural — candidate singulars. Over-generated forms ("devic" from "devices")
    /// are harmless: they are not words a description contains. Words with digits match only as written.
    /// Plural: consonant+y → ies; s, x, z, ch, sh → +es; else +s.
    /// Singular: ies → y; es → drop es and drop s; s (not ss, us, is) → drop s.
    /// </summary>
    public static IReadOnlyList<string> Forms(string w)
    {
        var forms = new List<string> { w };
        if (w.Length < 2 || !w.All(char.IsLetter)) return forms;
        void Add(string f) { if (f.Length > 0 && !forms.Contains(f)) forms.Add(f); }

        if (w.Length >= 2 && w[^1] == 'y' && !IsVowel(w[^2])) Add(w[..^1] + "ies");
        else if (w.EndsWith('s') || w.EndsWith('x') || w.EndsWith('z') || w.EndsWith("ch") || w.EndsWith("sh")) Add(w + "es");
        else Add(w + "s");

        if (w.Length >= 4)
        {
            if (w.EndsWith("ies")) Add(w[..^3] + "y");
            if (w.EndsWith("es")) { Add(w[..^2]); Add(w[..^1]); }
            else if (w.EndsWith('s') && !w.EndsWith("ss") && !w.EndsWith("us") && !w.EndsWith("is")) Add(w[..^1]);
        }
        return forms;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
