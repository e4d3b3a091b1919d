using CompeteModel.Engine.IO;
using Microsoft.Playwright;

namespace CompeteModel.Tests.EndToEnd;

/// <summary>
/// One real <c>compete run</c> (50 draws) and one headless Debian Chromium driven by Playwright, shared by the browser
/// tests. Playwright gets the browser by <see cref="BrowserTypeLaunchOptions.ExecutablePath"/>, so it never downloads one.
/// </summary>
public sealed class BrowserReport : IAsyncLifetime
{
    public string OutDir { get; private set; } = "";
    public string ReportPath => Path.Combine(OutDir, "report.html");
    public string ReportUrl => new Uri(ReportPath).AbsoluteUri;
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("the browser did not start");
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.Chromium))
            throw new InvalidOperationException(ChromiumFactAttribute.Chromium + " is not installed: apt-get install -y chromium (.ci/run does this)");
        var cwd = Compete.TempDir("browser");
        var run = Compete.Run(cwd, "run", "--draws", "50", "--out", "r");
        if (run.ExitCode != 0) throw new InvalidOperationException(run.ToString());
        OutDir = Path.Combine(cwd, "r");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.Chromium,
            Headless = true,
            Args = ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }

    /// <summary>The CLI's ranks per weight set from weight_sets.csv: set name → sector code → rank.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> CliRanks()
    {
        var t = TableFiles.ReadCsv(Path.Combine(OutDir, "weight_sets.csv"));
        var sector = t.Column("sector");
        var result = new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
        foreach (var c in t.Columns.Where(c => c.Name.StartsWith("rank_", StringComparison.Ordinal)))
        {
            var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int r = 0; r < t.RowCount; r++) ranks[t.GetText(sector, r)!] = (int)t.GetDouble(c, r);
            result[c.Name["rank_".Length..]] = ranks;
        }
        return result;
    }

    /// <summary>The explorer table's ranks as the page shows them now: sector code → rank.</summary>
    public static async Task<Dictionary<string, int>> PageRanks(IPage page)
    {
        var rows = await page.EvalOnSelectorAllAsync<string[][]>("#explorer-ranks tbody tr",
            "rows => rows.map(r => [r.getAttribute('data-code'), r.getAttribute('data-rank'), r.cells[0].textContent])");
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            Assert.Equal(r[1], r[2]); // the rank shown is the rank recorded
            ranks.Add(r[0], int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture));
        }
        return ranks;
    }
}
