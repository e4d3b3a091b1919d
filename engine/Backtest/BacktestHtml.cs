using System.Net;
using System.Text;

namespace CompeteModel.Engine.Backtest;

/// <summary>
/// <c>backtest.html</c>: the markdown report (<see cref="BacktestMarkdown"/>) as one self-contained page, the charts
/// inline. Only the constructs that report uses are converted: headings, bullet lists, pipe tables, images (replaced
/// by the inline SVG of the same file) and paragraphs.
/// </summary>
public static class BacktestHtml
{
    public static string Render(string markdown, IReadOnlyDictionary<string, string> svgByFile)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>CompeteModel backtest</title>\n<style>\n")
          .Append("body{font-family:Helvetica,Arial,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#1a202c}\n")
          .Append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #cbd5e0;padding:4px 8px}th{background:#edf2f7}td.n{text-align:right}\n")
          .Append("</style>\n</head>\n<body>\n");
        var lines = markdown.Split('\n');
        bool inList = false;
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (inList && !line.StartsWith("- ", StringComparison.Ordinal)) { sb.Append("</ul>\n"); inList = false; }
            if (line.Length == 0) continue;
            if (line.StartsWith('#'))
            {
                int level = line.TakeWhile(c => c == '#').Count();
                sb.Append("<h").Append(level).Append('>').Append(Enc(line[level..].Trim())).Append("</h").Append(level).Append(">\n");
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                if (!inList) { sb.Append("<ul>\n"); inList = true; }
                sb.Append("<li>").Append(Enc(line[2..])).Append("</li>\n");
            }
            else if (line.StartsWith("![", StringComparison.Ordinal))
            {
                int open = line.IndexOf("](", StringComparison.Ordinal);
                var file = line[(open + 2)..^1];
                sb.Append(svgByFile.TryGetValue(file, out var svg) ? "<figure>" + svg + "</figure>\n" : $"<p><img src=\"{Enc(file)}\" alt=\"{Enc(line[2..open])}\"></p>\n");
            }
            else if (line.StartsWith('|'))
            {
                var header = Cells(line);
                var align = i + 1 < lines.Length ? Cells(lines[i + 1]) : [];
                i++;
                sb.Append("<table>\n<tr>");
                foreach (var h in header) sb.Append("<th>").Append(Enc(h)).Append("</th>");
                sb.Append("</tr>\n");
                while (i + 1 < lines.Length && lines[i + 1].StartsWith('|'))
                {
                    i++;
                    var cells = Cells(lines[i]);
                    sb.Append("<tr>");
                    for (int c = 0; c < cells.Length; c++)
                        sb.Append(c < align.Length && align[c].EndsWith(':') ? "<td class=\"n\">" : "<td>").Append(Enc(cells[c])).Append("</td>");
                    sb.Append("</tr>\n");
                }
                sb.Append("</table>\n");
            }
            else sb.Append("<p>").Append(Enc(line)).Append("</p>\n");
        }
        if (inList) sb.Append("</ul>\n");
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    private static string[] Cells(string row) => row.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();

    private static string Enc(string s) => WebUtility.HtmlEncode(s);
}
