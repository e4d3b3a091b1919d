using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text;
using CompeteModel.Cli.Infrastructure;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Pipeline;
using CompeteModel.Engine.Reporting;

namespace CompeteModel.Cli.Commands;

/// <summary>
/// <c>compete compare</c>: the same spec over several regions. Data rule (unless --micro or --generated-firms): a region the
/// published BRES cells describe exactly (a union of ITL2 areas, or any region given a district-level download with --bres)
/// runs on them; any other is never profiled from generated firms: it is refused when named (left out with a note under
/// --all-city-regions), naming the district download that would describe it, or with --approximate shown as an
/// approximation by its ITL2 parent area(s), labelled "~" in every table.
/// Writes ranks (sector × region), regions, similarity, peers and profiles tables, a comparison report for the focus
/// region, and each region's full run outputs in a subfolder.
/// </summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var o = new RunOptions();
        var regions = new Option<string?>("--regions") { Description = "Regions to compare, comma-separated (e.g. wmca,gmca,lcrca)" };
        var all = new Option<bool>("--all-city-regions") { Description = "Compare every mayoral city region in the geography (incl. Greater London)" };
        var peersOf = new Option<string?>("--peers-of") { Description = "Focus region: the report is about it and its --peers nearest regions" };
        var peers = new Option<int>("--peers") { Description = "Peers per region, chosen by similarity of sector structure", DefaultValueFactory = _ => 3 }.AtLeast(1);
        var similarity = new Option<string>("--similarity") { Description = "Similarity of employment shares: cosine or krugman", DefaultValueFactory = _ => "cosine" };
        similarity.AcceptOnlyFromAmong("cosine", "krugman");
        var top = new Option<int>("--top") { Description = "Top sectors per region printed on stdout", DefaultValueFactory = _ => 5 }.AtLeast(0);
        var output = new Option<string?>("--out") { Description = "Output folder; default out/compare-<year>" };
        var approximateOption = new Option<bool>("--approximate") { Description = "Show regions the BRES data do not describe exactly as labelled approximations (\"~\") by their ITL2 parent area(s) instead of leaving them out" };
        var cmd = new Command("compare", "Run one spec over several regions: each sector's rank in each region, profiles against peers chosen by similarity of sector structure, and a comparison report");
        o.AddTo(cmd);
        cmd.Options.Remove(o.Region);
        foreach (var x in new Option[] { regions, all, peersOf, peers, similarity, top, output, approximateOption }) cmd.Options.Add(x);
        cmd.SetAction(pr => Guard.Run(() =>
        {
            var choices = o.Choices(pr);
            using var tx = Outputs.Begin("compare");
            string? staged = pr.GetValue(output) is { } given ? tx.Folder(given) : null;
            var dataDir = DataPaths.Resolve(pr.GetValue(o.Data));
            var uk = o.LoadUk(pr, dataDir);
            var list = Regions(uk.Geography, pr.GetValue(regions), pr.GetValue(all), pr.GetValue(peersOf));
            var specPath = RunSetup.SpecPath(dataDir, pr.GetValue(o.Spec)!);
            var level = choices.Level is { } lv ? SpecLevels.Parse(lv, "--level")
                : SpecLevels.TryParse(Engine.Scoring.ModelSpec.Load(specPath).SectorLevel) ?? Engine.Sectors.SectorLevel.Division;
            // Regions the published cells do not describe exactly (not unions of ITL2 areas, without a district download) are
            // never profiled from generated firms unless --generated-firms: refused or left out, naming the download that
            // would describe them, or with --approximate shown as labelled approximations by their ITL2 parent area(s).
            var notExact = ComparePolicy.NotDescribedExactly(uk, list, level, choices);
            if (notExact.Count > 0 && !pr.GetValue(approximateOption))
            {
                if (pr.GetValue(regions) is not null)
                    throw new InputException(string.Join("; ", notExact.Select(r => $"{r.Id}: {uk.DistrictDownloadHint(r)}")) +
                        ". Drop them, or give --approximate for labelled approximations by their ITL2 parent area(s), or --generated-firms for a labelled demonstration",
                        field: "--regions");
                foreach (var r in notExact)
                    Console.Error.WriteLine($"note: {r.Id} ({r.Name}) left out: the published ITL2 BRES cells do not describe it. {uk.DistrictDownloadHint(r)}; or --approximate");
                list = list.Where(r => !notExact.Contains(r)).ToList();
                notExact = [];
                if (list.Count == 0) throw new InputException("no region left to compare on published data", field: "--regions");
            }

            var clock = System.Diagnostics.Stopwatch.StartNew();
            IReadOnlyList<(CompareInput Input, IReadOnlyList<string> Inputs, bool Published)> runs;
            using (var progress = new ProgressReporter<CompareProgress>("compete compare", p => new ProgressSnapshot(p.Done, p.Total,
                       string.Create(CultureInfo.InvariantCulture, $"{p.RegionId}: {p.Data} data (at {clock.Elapsed.TotalSeconds:0.0} s)"))))
                runs = ComparePolicy.RunAll(uk, list, specPath, choices, level, notExact, progress, choices.Jobs ?? 2);
            var inputs = runs.Select(x => x.Input).ToList();
            var inputFiles = new List<string>();
            foreach (var u in runs.SelectMany(x => x.Inputs)) if (!inputFiles.Contains(u)) inputFiles.Add(u);
            foreach (var w in inputs.SelectMany(x => x.Run.Warnings.Select(w => x.Run.Region.Id + ": " + w)).Distinct()) Console.Error.WriteLine("warning: " + w);

            var compare = CompareRegions.Build(inputs, new Engine.Pipeline.CompareOptions
            {
                Similarity = pr.GetValue(similarity) == "krugman" ? PeersSimilarity.Krugman : PeersSimilarity.Cosine,
                Peers = pr.GetValue(peers),
                Focus = pr.GetValue(peersOf) is { } focus ? uk.Geography.Resolve(focus).Id : null,
                FocusOnPeers = pr.GetValue(peersOf) is not null,
            });
            var year = inputs[0].Run.Year;
            var dir = pr.GetValue(output) ?? Path.Combine("out", string.Create(CultureInfo.InvariantCulture, $"compare-{year}"));
            int files = CompareOutputs.Write(compare, staged ?? tx.Folder(dir), run => RunSetup.Manifest(uk, run, specPath, inputFiles, dataDir, ToolVersion.Value));
            tx.Commit();
            Console.Out.Write(CompareSummaryText.Build(compare, pr.GetValue(top)));
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"compared {inputs.Count} regions in {clock.Elapsed.TotalSeconds:0.0} s; wrote {files} files to {Path.GetFullPath(dir)}"));
            return 0;
        }));
        return cmd;
    }

    /// <summary>The regions named, or every city region; the focus region (--peers-of) is added first when not listed.</summary>
    public static List<Region> Regions(GeographyModel geo, string? names, bool all, string? focus)
    {
        if (names is not null && all) throw new UsageException("give either --regions or --all-city-regions, not both");
        List<Region> list;
        if (all || names is null)
        {
            if (!all && focus is null) throw new UsageException("name the regions: --regions wmca,gmca,... or --all-city-regions (or --peers-of REGION to search all city regions)");
            list = geo.OfKind(RegionKind.CityRegion).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        }
        else
        {
            list = [];
            foreach (var n in names.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var r = geo.Resolve(n);
                if (list.Any(x => x.Id == r.Id)) throw new InputException($"region '{n}' is listed twice", field: "--regions");
                list.Add(r);
            }
        }
        if (focus is not null)
        {
            var f = geo.Resolve(focus);
            list.RemoveAll(r => r.Id == f.Id);
            list.Insert(0, f);
        }
        if (list.Count < 2) throw new UsageException("a comparison needs at least two regions");
        return list;
    }
}
