namespace CompeteModel.Engine.Technologies;

/// <summary>
/// The text normalisation shared by phrases and descriptions: case folded (invariant), letters and
/// digits form words, every other character is a word break except apostrophes, which are dropped
/// ("manufacturer's" → "manufacturers"). Accents are kept as written.
/// </summary>
internal static class PhraseText
{
    /// <summary>ASCII classes for the scan: the folded character for a word character, <see cref="Break"/> or <see cref="Skip"/>.</summary>
    public const char Break = '\0', Skip = '\u0001';

    private static readonly char[] AsciiClass = BuildAsciiClass();

    public static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    /// <summary>The folded word character, <see cref="Break"/> for a word break, <see cref="Skip"/> for an apostrophe.</summary>
    public static char Classify(char c)
    {
        if (c < 128) return AsciiClass[c];
        if (c == '\u2019') return Skip;
        return char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : Break;
    }

    private static char[] BuildAsciiClass()
    {
        var t = new char[128];
        for (int c = 0; c < 128; c++)
            t[c] = c == '\'' ? Skip : char.IsAsciiLetterOrDigit((char)c) ? char.ToLowerInvariant((char)c) : Break;
        return t;
    }

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
