using CompeteModel.Engine.IO;

namespace CompeteModel.Engine.Reporting;

/// <summary>Writes <c>report.md</c>, <c>report.html</c> and <c>charts/*.svg</c> into a folder, each file atomically.</summary>
public static class ReportFiles
{
    /// <summary>Writes the report files and returns their paths, in the order written.</summary>
    public static IReadOnlyList<string> Write(ReportModel model, string directory)
    {
        var written = new List<string>();
        void Put(string relative, string text)
        {
            var path = Path.Combine(directory, relative);
            TextFiles.WriteAllTextAtomic(path, text);
            written.Add(path);
        }
        foreach (var c in ReportCharts.All(model)) Put(Path.Combine("charts", c.FileName), c.Svg);
        Put("report.md", ReportRenderer.Markdown(model));
        Put("report.html", ReportRenderer.Html(model));
        return written;
    }
}
