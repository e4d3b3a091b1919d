using System.Text.RegularExpressions;

namespace CompeteModel.Engine.Procurement;

/// <summary>
/// Repairs the line breaks that Contracts Finder exports carry as a literal "rn" (the backslashes of
/// "\r\n" lost): "EducationrnrnAdditional", ".rnrnThe", "LIMITEDrn". A run of "rn" is replaced by a
/// space when it does not follow a lower-case letter (". rn", "D rn", "5rn") or when it is followed
/// by a capital or a digit ("partsrnrnAdditional"). Words that really contain "rn" ("International",
/// "Southern Road", "Hornchurch") never match either rule; a break glued to the end of a lower-case
/// word before a space ("aspirationrn ") is left as it is, because it cannot be told from "govern ".
/// </summary>
public static partial class OcdsText
{
    [GeneratedRegex(@"(?<![a-z])(?:rn)+|(?:rn)+(?=[A-Z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex LiteralBreaks();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    [GeneratedRegex(@"(?<=[a-z.,])n(?=[A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex LiteralNewlines();

    /// <summary>
    /// For addresses only: also a lone "n" (a lost "\n") glued between a lower-case letter or
    /// punctuation and a capital ("MiltonnCambridge", "HousenLittle Lane").
    /// </summary>
    public static string? CleanAddress(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return Collapse(LiteralNewlines().Replace(ReplaceBreaks(text), " "));
    }

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : Collapse(ReplaceBreaks(text));

    private static string ReplaceBreaks(string text) =>
        text.Contains("rn", StringComparison.Ordinal) ? LiteralBreaks().Replace(text, " ") : text;

    private static string? Collapse(string text)
    {
        var t = Spaces().Replace(text, " ").Trim();
        return t.Length == 0 ? null : t;
    }
}
