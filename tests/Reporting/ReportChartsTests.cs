using System.Globalization;
using System.Xml.Linq;
using CompeteModel.Engine.Reporting;

namespace CompeteModel.Tests.Reporting;

public class ReportChartsTests
{
    private static readonly XNamespace S = "http://www.w3.org/2000/svg";

    private static double A(XElement e, string name) => double.Parse(e.Attribute(name)!.Value, CultureInfo.InvariantCulture);

    private static XElement ByTooltip(XDocument d, string element, string prefix) =>
        d.Descendants(S + element).Single(e => e.Element(S + "title")?.Value.StartsWith(prefix, StringComparison.Ordinal) == true);

    [Fact]
    public void BubbleChartIsWellFormedWithAreaProportionalToEmploymentAndLogX()
    {
        var m = ReportSamples.HandMade();
        var d = XDocument.Parse(ReportCharts.SpecialisationGrowth(m));
        var bubbles = d.Descendants(S + "circle").Where(c => (string?)c.Attribute("class") == "bubble").ToList();
        Assert.Equal(4, bubbles.Count); // 99 has no LQ/growth
        Assert.All(bubbles, b => Assert.True(A(b, "r") > 0));

        // radius = 28·√(E/Emax): 40,000 → 28; 10,000 → 28·√0.25 = 14; 25,000 → 28·√0.625 = 22.14
        var b29 = ByTooltip(d, "circle", "Manufacture of motor vehicles");
        var b24 = ByTooltip(d, "circle", "Manufacture of basic metals");
        var b62 = ByTooltip(d, "circle", "Programming");
        Assert.Equal(28, A(b29, "r"));
        Assert.Equal(14, A(b24, "r"));
        Assert.Equal(22.14, A(b62, "r"));

        // log scale: LQ 0.5, 1, 2 are equally spaced; LQ 1 sits on the dashed reference line.
        var b01 = ByTooltip(d, "circle", "Crop and animal");
        Assert.Equal(A(b24, "cx") - A(b01, "cx"), A(b01, "cx") - A(b62, "cx"), 1);
        var dashed = d.Descendants(S + "line").Where(l => l.Attribute("stroke-dasharray") is not null).ToList();
        Assert.Contains(dashed, l => Math.Abs(A(l, "x1") - A(b01, "cx")) < 0.02 && A(l, "x1") == A(l, "x2"));
        // growth 0 line: horizontal; bubbles of growing sectors above it, declining below
        var zero = dashed.Single(l => A(l, "y1") == A(l, "y2"));
        Assert.True(A(b62, "cy") < A(zero, "y1") && A(b24, "cy") > A(zero, "y1"));

        var texts = d.Descendants(S + "text").Select(t => t.Value).ToList();
        Assert.Contains("Strengths", texts);
        Assert.Contains("Declining strengths", texts);
        // top sectors are numbered on the chart and named in the key (code and name, cut to 27 characters)
        Assert.Contains("Top sectors (rank)", texts);
        Assert.Contains("29 Manufacture of motor ve…", texts);
        Assert.Contains(texts, t => t.StartsWith("62 Programming <& consult", StringComparison.Ordinal)); // escaped in the SVG, unescaped by the parser
        Assert.Contains("1 sector(s) without a location quotient or growth rate are not shown.", texts);
    }

    [Fact]
    public void RankBandChartHasOneBandPerTopSectorSpanningTheBand()
    {
        var m = ReportSamples.HandMade(topN: 4);
        var d = XDocument.Parse(ReportCharts.RankBands(m));
        var bands = d.Descendants(S + "rect").Where(r => (string?)r.Attribute("class") == "band").ToList();
        Assert.Equal(4, bands.Count);
        Assert.All(bands, b => Assert.True(A(b, "width") > 0 && A(b, "height") > 0));
        // band 1–3 is twice as wide (plus the 8 px of end caps) as band... compare 1–3 (2 ranks) with 1–4 (3 ranks)
        double w13 = A(ByTooltip(d, "rect", "Manufacture of motor vehicles"), "width") - 8;
        double w14 = A(ByTooltip(d, "rect", "Manufacture of basic metals"), "width") - 8;
        Assert.Equal(w13 * 3 / 2, w14, 1);
    }

    [Fact]
    public void HeatMapHasACellPerSectorAndTechnologyAndMarksMissing()
    {
        var d = XDocument.Parse(ReportCharts.TechnologyHeatMap(ReportSamples.HandMade())!);
        var cells = d.Descendants(S + "rect").Where(r => (string?)r.Attribute("class") == "cell").ToList();
        Assert.Equal(6, cells.Count);
        Assert.All(cells, c => Assert.True(A(c, "width") > 0));
        Assert.Equal("#08306b", (string?)ByTooltip(d, "rect", "29 Motor vehicles × Robotics")!.Attribute("fill")); // the maximum, 40
        Assert.Equal("#f7fbff", (string?)ByTooltip(d, "rect", "24 Basic metals × AI")!.Attribute("fill"));      // the minimum, 3
        Assert.Equal("#eeeeee", (string?)ByTooltip(d, "rect", "29 Motor vehicles × Hydrogen")!.Attribute("fill"));
        Assert.Contains(d.Descendants(S + "text"), t => t.Value == "22.25");
        Assert.Null(ReportCharts.TechnologyHeatMap(ReportSamples.HandMade() with { Technologies = null }));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomModelsGiveWellFormedNonEmptyDeterministicCharts(int seed)
    {
        var m = ReportSamples.Random(seed);
        var charts = ReportCharts.All(m);
        Assert.Equal(3, charts.Count);
        foreach (var c in charts)
        {
            var d = XDocument.Parse(c.Svg);
            Assert.Equal(S + "svg", d.Root!.Name);
            Assert.True(d.Descendants(S + "circle").Count() + d.Descendants(S + "rect").Count() > 5);
            Assert.All(d.Descendants(S + "circle"), e => Assert.True(A(e, "r") > 0));
            Assert.All(d.Descendants(S + "rect"), e => Assert.True(A(e, "width") > 0 && A(e, "height") > 0));
            Assert.All(d.Descendants().SelectMany(e => e.Attributes()), a => Assert.DoesNotContain("NaN", a.Value));
        }
        var bubbles = XDocument.Parse(charts[0].Svg).Descendants(S + "circle").Count(c => (string?)c.Attribute("class") == "bubble");
        Assert.Equal(m.Sectors.Count(s => s.Lq > 0), bubbles);
        Assert.Equal(charts.Select(c => c.Svg), ReportCharts.All(ReportSamples.Random(seed)).Select(c => c.Svg));
    }
}
