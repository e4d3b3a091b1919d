using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CompeteModel.Tests.EndToEnd;

/// <summary>
/// The report of a real run opened from its file in Debian's Chromium (Playwright): it loads with no console error and
/// no network request, the weight explorer moves the ranking when a slider moves, each weight-set button gives exactly
/// the CLI's ranks of that set (weight_sets.csv), and axe finds no serious or critical accessibility violation.
/// </summary>
[Collection("EndToEnd")]
public sealed class ReportBrowserTests(BrowserReport report) : IClassFixture<BrowserReport>
{
    private sealed record Opened(IPage Page, List<string> Requests, List<string> Errors);

    private async Task<Opened> Open()
    {
        var page = await report.Browser.NewPageAsync();
        var requests = new List<string>();
        var errors = new List<string>();
        page.Request += (_, r) => requests.Add(r.Url);
        page.Console += (_, m) => { if (m.Type is "error" or "warning") errors.Add(m.Type + ": " + m.Text); };
        page.PageError += (_, e) => errors.Add("page error: " + e);
        await page.GotoAsync(report.ReportUrl, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return new Opened(page, requests, errors);
    }

    [ChromiumFact]
    public async Task ReportLoadsFromItsFile_WithNoConsoleErrorAndNoNetworkRequest()
    {
        var o = await Open();
        await o.Page.ClickAsync("#explorer button[data-set=\"1\"]");
        await o.Page.ClickAsync("#explorer button[data-set=\"0\"]");
        Assert.Empty(o.Errors);
        Assert.Equal([report.ReportUrl], o.Requests); // the file itself, nothing else
        Assert.Equal(Directory.GetFiles(Path.Combine(report.OutDir, "charts"), "*.svg").Length, await o.Page.Locator("figure.chart svg").CountAsync());
        Assert.True(await o.Page.Locator("figure.chart svg").CountAsync() >= 3);
        Assert.Equal(10, await o.Page.Locator("table.headline tbody tr").CountAsync());
        Assert.True(await o.Page.Locator("#explorer-svg rect").CountAsync() > 10, "the explorer chart has no bars");
        await o.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(report.OutDir, "report.png"), FullPage = true });
        await o.Page.CloseAsync();
    }

    [ChromiumFact]
    public async Task EachWeightSetButton_GivesTheClisRanksOfThatSet()
    {
        var cli = report.CliRanks();
        var o = await Open();
        var names = await o.Page.EvalOnSelectorAllAsync<string[]>("#explorer button[data-set]", "bs => bs.map(b => b.textContent)");
        Assert.Equal(cli.Count, names.Length);
        Assert.Contains("base", cli.Keys);
        Assert.True(cli.Count >= 3, "the shipped spec has weight sets");
        for (int i = names.Length - 1; i >= 0; i--) // last first, so that the base is not merely the page's initial state
        {
            await o.Page.ClickAsync($"#explorer button[data-set=\"{i}\"]");
            var set = i == 0 ? "base" : names[i];
            var page = await BrowserReport.PageRanks(o.Page);
            Assert.Equal(cli[set].Count, page.Count);
            foreach (var (code, rank) in cli[set]) Assert.True(page[code] == rank, $"weight set {set}, sector {code}: page rank {page[code]}, CLI rank {rank}");
        }
        Assert.Empty(o.Errors);
        await o.Page.CloseAsync();
    }

    [ChromiumFact]
    public async Task MovingASlider_MovesTheRanking()
    {
        var o = await Open();
        var before = await BrowserReport.PageRanks(o.Page);
        // specialisation alone: its pillar to the top of the slider, every other pillar to zero, with the keyboard
        var pillars = await o.Page.Locator("#explorer input[data-pillar]").CountAsync();
        await o.Page.Locator("#pw-0").PressAsync("End");
        for (int p = 1; p < pillars; p++) await o.Page.Locator($"#pw-{p}").PressAsync("Home");
        var after = await BrowserReport.PageRanks(o.Page);
        Assert.Equal(before.Count, after.Count);
        Assert.Equal(Enumerable.Range(1, after.Count), after.Values.Order());
        Assert.True(before.Any(kv => after[kv.Key] != kv.Value), "moving the pillar weights did not change any rank");
        Assert.Equal("0.00", await o.Page.Locator("#pw-1-value").TextContentAsync());
        Assert.Contains("your own", await o.Page.Locator("#explorer-status").TextContentAsync());
        // the rank change column agrees with the two rankings
        var shifts = await o.Page.EvalOnSelectorAllAsync<string[][]>("#explorer-ranks tbody tr", "rows => rows.map(r => [r.getAttribute('data-code'), r.cells[1].textContent])");
        foreach (var s in shifts)
            Assert.Equal(before[s[0]] - after[s[0]], int.Parse(s[1].TrimStart('+'), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(o.Errors);
        await o.Page.CloseAsync();
    }

    [ChromiumFact]
    public async Task AxeFindsNoSeriousAccessibilityViolation()
    {
        var o = await Open();
        AxeResult result = await o.Page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}").ToArray();
        Assert.True(serious.Length == 0, string.Join("\n", serious));
        Assert.NotEmpty(result.Passes);
        await o.Page.CloseAsync();
    }
}
