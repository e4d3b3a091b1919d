using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CompeteModel.Engine.Reporting;

namespace CompeteModel.Tests.Reporting;

public class ReportRendererTests
{
    [Fact]
    public void ParagraphReadsTheExplanation()
    {
        // 81.257 → "81.26"; 1.234 → "+1.23"; contributions sorted: 24.5, 12.25, 8 positive; -2.5 the largest negative.
        Assert.Equal(
            "Manufacture of motor vehicles, trailers and semi-trailers (29) ranks 1st (band 1–3, median rank 1.5): it is strongly specialised " +
            "(LQ 3.40) and growing faster than Great Britain (+1.23 percentage points a year), which makes it a current strength. " +
            "It employs 40,000 people in the region, its relatedness density is 0.62 and its complexity (PCI) is +1.10. " +
            "The main contributors to its composite score of 81.26 are Location quotient (+24.50 points), Employment growth vs benchmark (+12.25 points) " +
            "and Complexity (+8.00 points). It is held back most by Reliability of small cells (-2.50 points).",
            ReportNarrative.Paragraph(ReportSamples.MotorVehicles, "Great Britain"));
    }

    [Fact]
    public void HtmlIsSelfContained()
    {
        var html = ReportRenderer.Html(ReportSamples.HandMade());
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("src=", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("url(", html);
        var svgs = Regex.Matches(html, "<svg.*?</svg>", RegexOptions.Singleline);
        Assert.Equal(4, svgs.Count);
        foreach (Match s in svgs) Assert.Equal("svg", XDocument.Parse(s.Value).Root!.Name.LocalName);
    }

    [Fact]
    public void HtmlNumbersAreTheModelsNumbers()
    {
        var m = ReportSamples.Random(7);
        var html = ReportRenderer.Html(m);
        foreach (var s in m.Top)
        {
            var row = Regex.Match(html, $"<tr data-sector=\"{s.Code}\">(.*?)</tr>").Groups[1].Value;
            var cells = Regex.Matches(row, "<td[^>]*>(.*?)</td>").Select(x => WebUtility.HtmlDecode(x.Groups[1].Value)).ToArray();
            Assert.Equal(10, cells.Length);
            Assert.Equal(s.Rank, int.Parse(cells[0], CultureInfo.InvariantCulture));
            Assert.Equal($"{s.BandLow}–{s.BandHigh}", cells[1].Contains('–') ? cells[1] : $"{cells[1]}–{cells[1]}");
            Close(s.Composite, cells[4]);
            Close(s.Lq, cells[5]);
            Close(s.GrowthVsBenchmark, cells[6]);
            Assert.Equal(Math.Round(s.Employment), double.Parse(cells[7].Replace(",", ""), CultureInfo.InvariantCulture));
            Close(s.Density, cells[8]);
            Close(s.Pci, cells[9]);
        }
    }

    // A displayed value with 2 decimals stands for the model's value to within half a unit of the last place.
    private static void Close(double expected, string shown)
    {
        if (double.IsNaN(expected)) { Assert.Equal("n/a", shown); return; }
        Assert.InRange(double.Parse(shown, CultureInfo.InvariantCulture) - expected, -0.005 - 1e-12, 0.005 + 1e-12);
    }

    [Fact]
    public void HandMadeReportShowsExactStringsProvenanceAndSections()
    {
        var m = ReportSamples.HandMade();
        var html = ReportRenderer.Html(m);
        Assert.Contains("<td class=\"num\">81.26</td><td class=\"num\">3.40</td><td class=\"num\">+1.23</td><td class=\"num\">40,000</td>", html);
        Assert.Contains("<td class=\"num\">1</td><td class=\"num\">1–3</td><td>29 Manufacture of motor vehicles", html);
        Assert.Contains("Programming &lt;&amp; consultancy&gt;", html);
        Assert.Contains("<span class=\"provenance\">Source: Published statistics — BRES employment 2015–2021 (ONS, NOMIS).</span>", html);
        Assert.Contains("Source: Published statistics — BRES employment 2015–2021 (ONS, NOMIS). Generated firm-level data (synthetic firms calibrated to published totals, not real firms) — Synthetic firms of WMCA.", html);
        Assert.Contains("Source: Generated firm-level data (synthetic firms calibrated to published totals, not real firms) — Synthetic firms of WMCA.", html);
        Assert.Contains("<strong>Warning:</strong> Complexity is not reliable at this scale (eigengap 1.04).", html);
        Assert.Contains("<tr><td>62 Computer programming</td><td class=\"num\">3</td><td class=\"num\">n/a</td></tr>", html);
        Assert.Equal(3, Regex.Matches(html, "<p class=\"explanation\">").Count);

        var md = ReportRenderer.Markdown(m);
        Assert.Contains("| 1 | 1–3 | 29 Manufacture of motor vehicles, trailers and semi-trailers | Strength | 81.26 | 3.40 | +1.23 | 40,000 | 0.62 | +1.10 |", md);
        Assert.Contains("![Specialisation and growth](charts/specialisation-growth.svg)", md);
        Assert.Contains("| 62 Computer programming | 3 | n/a |", md);
        Assert.Contains("Caution: small cells.", md);
        Assert.Contains("| 3 | 2–7 | 62 Programming \\<& consultancy\\> | Emerging |", md); // Markdown-escaped, not read as an HTML tag
        Assert.Contains("The main contributor to its composite score of 70.50 is Location quotient (+18.00 points).", md);
        Assert.Equal(html, ReportRenderer.Html(ReportSamples.HandMade()));
    }

    [Fact]
    public void ReportFilesWritesChartsAndPages()
    {
        var dir = Path.Combine(Path.GetTempPath(), "compete-report-" + Guid.NewGuid().ToString("N"));
        try
        {
            var m = ReportSamples.HandMade();
            var files = ReportFiles.Write(m, dir);
            Assert.Equal(6, files.Count);
            // UTF-8 without a byte-order mark, the text unchanged (File.ReadAllText would hide a BOM).
            var utf8 = new System.Text.UTF8Encoding(false);
            Assert.Equal(utf8.GetBytes(ReportRenderer.Html(m)), File.ReadAllBytes(Path.Combine(dir, "report.html")));
            Assert.Equal(utf8.GetBytes(ReportRenderer.Markdown(m)), File.ReadAllBytes(Path.Combine(dir, "report.md")));
            Assert.Equal(utf8.GetBytes(ReportCharts.RankBands(m)), File.ReadAllBytes(Path.Combine(dir, "charts", "rank-bands.svg")));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(4, "4th")]
    [InlineData(11, "11th")]
    [InlineData(12, "12th")]
    [InlineData(13, "13th")]
    [InlineData(21, "21st")]
    [InlineData(22, "22nd")]
    [InlineData(111, "111th")]
    public void Ordinals(int n, string expected) => Assert.Equal(expected, ReportFormat.Ordinal(n));

    [Theory]
    [InlineData(3.4, "3.40", "+3.40")]
    [InlineData(-0.001, "0.00", "0.00")]
    [InlineData(-0.4, "-0.40", "-0.40")]
    [InlineData(double.NaN, "n/a", "n/a")]
    [InlineData(0.125, "0.12", "+0.12")] // 0.125 is exact in binary: an exact half rounds to even
    [InlineData(0.375, "0.38", "+0.38")]
    [InlineData(2.675, "2.67", "+2.67")] // 2.675 is stored as 2.67499999…
    public void FixedAndSigned(double v, string fixedText, string signedText)
    {
        Assert.Equal(fixedText, ReportFormat.Fixed(v));
        Assert.Equal(signedText, ReportFormat.Signed(v));
    }

    [Fact]
    public void CountsUseThousandsSeparators()
    {
        Assert.Equal("1,234,567", ReportFormat.Count(1234567.4));
        Assert.Equal("n/a", ReportFormat.Count(double.NaN));
    }
}
