using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CompeteModel.Engine.Reporting;
using CompeteModel.Engine.Scoring;
using static CompeteModel.Tests.Scoring.ScoringFixtures;

namespace CompeteModel.Tests.Reporting;

/// <summary>
/// The workshop sections on the hand-worked weight-set example of <see cref="Scoring.WeightSetTests"/> (a missing pci
/// added for S2): the explorer embeds the engine's normalised values and weights exactly (round-trip doubles, NaN as
/// null), the page stays self-contained, and the weight-set table shows the engine's ranks.
/// </summary>
public class WorkshopSectionsTests
{
    private const string Yaml = """
        name: hand
        quadrants: {specialisation: none, relatedness: none}
        thresholds: {data_availability: 0.6}
        pillars:
          - id: a
            weight: 0.6
            indicators:
              - {id: lq, direction: "+"}
              - {id: employment, direction: "-"}
          - id: b
            weight: 0.4
            indicators:
              - {id: pci}
        weight_sets:
          flip:
            pillars: {a: 0.4, b: 0.6}
        """;

    private static (ReportModel Model, WeightSetComparison Sets) Sample()
    {
        var m = Matrix(["S1", "S2", "S3", "S4"], ["lq", "employment", "pci"], [[2.0, 300, 0.2], [1.0, 100, double.NaN], [0.5, 200, 1.0], [1.5, 500, 0.6]]);
        var sets = CompositeScorer.ScoreWeightSets(Spec(Yaml), m);
        var model = ReportSamples.HandMade() with
        {
            Explorer = WeightExplorer.From(sets, id => id.ToUpperInvariant()),
            WeightSetPairs = sets.Pairs,
            Sensitivity = [new SensitivityRow(MonteCarloFactor.Weights, true, 50, 1.25, 3, 2.5), new SensitivityRow(MonteCarloFactor.Data, false, 0, 0, 0, 0)],
            Series = [new SectorSeries("29", "Motor vehicles", [2015, 2016, 2017], [100, double.NaN, 130], [1000, 1010, 1020])],
        };
        return (model, sets);
    }

    [Fact]
    public void ExplorerEmbedsTheEnginesNumbersExactly()
    {
        var (model, sets) = Sample();
        var html = ReportRenderer.Html(model);
        var json = Regex.Match(html, "<script type=\"application/json\" id=\"explorer-data\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("arithmetic", root.GetProperty("aggregation").GetString());
        Assert.Equal(["a", "b"], root.GetProperty("pillars").EnumerateArray().Select(p => p.GetString()));
        var units = root.GetProperty("units").EnumerateArray().ToArray();
        var b = sets.Results[0];
        Assert.Equal(b.Units.Select(u => u.Code), units.Select(u => u.GetProperty("code").GetString()));
        for (int e = 0; e < units.Length; e++)
        {
            var values = units[e].GetProperty("values").EnumerateArray().ToArray();
            for (int k = 0; k < values.Length; k++)
            {
                double engine = b.Units[e].Normalised[k];
                if (double.IsNaN(engine)) Assert.Equal(JsonValueKind.Null, values[k].ValueKind);
                else Assert.Equal(BitConverter.DoubleToInt64Bits(engine), BitConverter.DoubleToInt64Bits(values[k].GetDouble()));
            }
        }
        // S2 misses pci: its normalised pci is missing, not 0; lq min–max: S1 100, S2 33.3…, S3 0, S4 66.6…
        Assert.Equal(JsonValueKind.Null, units.Single(u => u.GetProperty("code").GetString() == "S2").GetProperty("values")[2].ValueKind);
        Assert.Equal(100.0, b.Find("S1")!.Normalised[0]);
        var flip = root.GetProperty("sets")[1];
        Assert.Equal("flip", flip.GetProperty("name").GetString());
        Assert.Equal([0.4, 0.6], flip.GetProperty("pillarWeights").EnumerateArray().Select(x => x.GetDouble()));
        Assert.Equal(sets.Results[1].IndicatorWeights, flip.GetProperty("indicatorWeights").EnumerateArray().Select(x => x.GetDouble()));
    }

    [Fact]
    public void PageWithExplorerStaysSelfContained()
    {
        var html = ReportRenderer.Html(Sample().Model);
        Assert.Equal(2, Regex.Matches(html, "<script").Count); // the data and the inline script, nothing loaded
        Assert.DoesNotContain("src=", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("url(", html);
        Assert.DoesNotContain("https://", html);
        // the only URL is the SVG namespace the script creates elements in (a name, never fetched)
        Assert.Equal(["http://www.w3.org/2000/svg"], Regex.Matches(html, "http://[^'\"]*").Select(m => m.Value).Distinct());
        Assert.Equal(5, Regex.Matches(html, "<input type=\"range\"").Count); // 2 pillars + 3 indicators
        Assert.Contains("<button type=\"button\" data-set=\"1\">flip</button>", html);
    }

    [Fact]
    public void WeightSetTableAndSensitivityShowTheEnginesNumbers()
    {
        var (model, sets) = Sample();
        var html = ReportRenderer.Html(model);
        var table = Regex.Match(html, "<table class=\"weight-sets\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        foreach (var u in sets.Results[0].Units)
        {
            var row = Regex.Match(table, $"<tr><td>{u.Code} [^<]*</td>(.*?)</tr>").Groups[1].Value;
            var ranks = Regex.Matches(row, "<td[^>]*>(\\d+)</td>").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal([u.Rank, sets.Results[1].Find(u.Code)!.Rank], ranks);
        }
        Assert.Contains("<td>Weights</td><td class=\"num\">50</td><td class=\"num\">1.25</td><td class=\"num\">3</td><td class=\"num\">2.50</td>", html);
        Assert.Contains("<td>Data (bootstrap)</td><td class=\"num\">not varied</td>", html);
        var md = ReportRenderer.Markdown(model);
        Assert.Contains("## Weight sets side by side", md);
        Assert.Contains("| Weights | 50 | 1.25 | 3 | 2.50 |", md);
        // the series chart breaks the line at the missing year and prints the first and last values
        Assert.Contains("<figure class=\"series-chart\" data-sector=\"29\">", html);
        Assert.Contains(">100</text>", html);
        Assert.Contains(">130</text>", html);
    }
}
