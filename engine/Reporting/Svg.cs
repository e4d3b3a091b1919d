using System.Globalization;
using System.Text;

namespace CompeteModel.Engine.Reporting;

/// <summary>
/// A small writer for hand-made SVG: fixed element and attribute order and coordinates rounded to
/// 2 decimals, so the same data give the same bytes. Text is XML-escaped.
/// </summary>
internal sealed class Svg
{
    public const string FontFamily = "Helvetica, Arial, sans-serif";
    private readonly StringBuilder _sb = new();

    public Svg(double width, double height, string title, string description)
    {
        _sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(F(width)).Append("\" height=\"").Append(F(height))
           .Append("\" viewBox=\"0 0 ").Append(F(width)).Append(' ').Append(F(height))
           .Append("\" role=\"img\" font-family=\"").Append(FontFamily).Append("\" font-size=\"12\">\n");
        _sb.Append("<title>").Append(Escape(title)).Append("</title>\n");
        _sb.Append("<desc>").Append(Escape(description)).Append("</desc>\n");
        _sb.Append("<rect x=\"0\" y=\"0\" width=\"").Append(F(width)).Append("\" height=\"").Append(F(height)).Append("\" fill=\"#ffffff\"/>\n");
    }

    public static string F(double v) => Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default:
                    if (c < 0x20 && c != '\n' && c != '\t') break; // not allowed in XML 1.0
                    sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    public void Raw(string s) => _sb.Append(s);

    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null)
    {
        _sb.Append("<line x1=\"").Append(F(x1)).Append("\" y1=\"").Append(F(y1)).Append("\" x2=\"").Append(F(x2)).Append("\" y2=\"").Append(F(y2))
           .Append("\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(F(width)).Append('"');
        if (dash is not null) _sb.Append(" stroke-dasharray=\"").Append(dash).Append('"');
        _sb.Append("/>\n");
    }

    public void Rect(double x, double y, double w, double h, string fill, string? stroke = null, string? tooltip = null, string? cssClass = null)
    {
        _sb.Append("<rect");
        if (cssClass is not null) _sb.Append(" class=\"").Append(cssClass).Append('"');
        _sb.Append(" x=\"").Append(F(x)).Append("\" y=\"").Append(F(y)).Append("\" width=\"").Append(F(w)).Append("\" height=\"").Append(F(h))
           .Append("\" fill=\"").Append(fill).Append('"');
        if (stroke is not null) _sb.Append(" stroke=\"").Append(stroke).Append('"');
        Close(tooltip, "rect");
    }

    public void Circle(double cx, double cy, double r, string fill, string stroke, double opacity = 1, string? tooltip = null, string? cssClass = null)
    {
        _sb.Append("<circle");
        if (cssClass is not null) _sb.Append(" class=\"").Append(cssClass).Append('"');
        _sb.Append(" cx=\"").Append(F(cx)).Append("\" cy=\"").Append(F(cy)).Append("\" r=\"").Append(F(r))
           .Append("\" fill=\"").Append(fill).Append("\" stroke=\"").Append(stroke).Append('"');
        if (opacity < 1) _sb.Append(" fill-opacity=\"").Append(F(opacity)).Append('"');
        Close(tooltip, "circle");
    }

    public void Text(double x, double y, string text, string anchor = "start", double size = 12, bool bold = false, double rotate = 0, string fill = "#000000", bool halo = false)
    {
        _sb.Append("<text x=\"").Append(F(x)).Append("\" y=\"").Append(F(y)).Append('"');
        if (halo) _sb.Append(" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"");
        if (anchor != "start") _sb.Append(" text-anchor=\"").Append(anchor).Append('"');
        if (size != 12) _sb.Append(" font-size=\"").Append(F(size)).Append('"');
        if (bold) _sb.Append(" font-weight=\"bold\"");
        if (fill != "#000000") _sb.Append(" fill=\"").Append(fill).Append('"');
        if (rotate != 0) _sb.Append(" transform=\"rotate(").Append(F(rotate)).Append(' ').Append(F(x)).Append(' ').Append(F(y)).Append(")\"");
        _sb.Append('>').Append(Escape(text)).Append("</text>\n");
    }

    public override string ToString() => _sb + "</svg>\n";

    private void Close(string? tooltip, string element)
    {
        if (tooltip is null) { _sb.Append("/>\n"); return; }
        _sb.Append("><title>").Append(Escape(tooltip)).Append("</title></").Append(element).Append(">\n");
    }
}
