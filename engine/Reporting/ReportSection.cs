namespace CompeteModel.Engine.Reporting;

/// <summary>
/// A section of the report made of sentences and one table (e.g. "How stable is this ranking", "Sectors left out of the
/// ranking"): every cell already formatted by the builder through <see cref="ReportFormat"/>; <see cref="Numeric"/> marks
/// the columns set right-aligned.
/// </summary>
public sealed record ReportSection(string Title, IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<bool> Numeric)
{
    /// <summary>The anchor id of the section in the HTML page ("how-stable-is-this-ranking").</summary>
    public string Id => new string(Title.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
}
