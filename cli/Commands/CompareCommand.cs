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
/// <c>compete compare</c>: the same spec over several regions. Data rule (unless --micro or --no-micro): a region that is
/// a union of ITL2 areas runs on published BRES cells, any other on generated firm-level data for its ITL2 areas.
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
        var peers = new Option<int>("--peers") { Description = "Peers per region, chosen by similarity of sector structure", DefaultValueFactory = _ => 3 };
        var similarity = new Option<string>("--similarity") { Description = "Similarity of employment shares: cosine or krugman", DefaultValueFactory = _ => "cosine" };
        similarity.AcceptOnlyFromAmong("cosine", "krugman");
        var top = new Option<int>("--top") { Description = "Top sectors per region printed on stdout", DefaultValueFactory = _ => 5 };
        var output = new Option<string?>("--out") { Description = "Output folder; default out/compare-<year>" };
        var cmd = new Command("compare", "Run one spec over several regions: each sector's rank in each region, profiles against peers chosen by similarity of sector structure, and a comparison report");
        o.AddTo(cmd);
        cmd.Options.Remove(o.Region);
        foreach (var x in new Option[] { regions, all, peersOf, peers, similarity, top, output }) cmd.Options.Add(x);
        cmd.SetAction(pr => Guard.Run(() =>
        {
            var choices = o.Choices(pr);
            if (pr.GetValue(peers) < 1) throw new UsageException("--peers must be at least 1");
            var dataDir = DataPaths.Resolve(pr.GetValue(o.Data));
            var uk = UkData.Load(dataDir);
            var list = Regions(uk.Geography, pr.GetValue(regions), pr.GetValue(all), pr.GetValue(peersOf));
            var specPath = RunSetup.SpecPath(dataDir, pr.GetValue(o.Spec)!);
            if (choices.MicroFile is null && !choices.GeneratedFirms)
            {
                // Published ITL2 cells describe only regions that are unions of ITL2 areas; the others are never profiled from generated firms.
                var notUnion = list.Where(r => !r.IsItl2Union).ToList();
                if (notUnion.Count > 0 && !pr.GetValue(all))
                    throw new InputException($"{string.Join(", ", notUnion.Select(r => r.Id))} are not unions of ITL2 areas, so published ITL2 BRES cells do not describe them: a district-level BRES download from NOMIS would; drop them, or give --generated-firms for a labelled demonstration", field: "--regions");
                foreach (var r in notUnion)
                    Console.Error.WriteLine($"note: {r.Id} ({r.Name}) left out: not a union of ITL2 areas, so published ITL2 BRES cells do not describe it (a district-level BRES download from NOMIS would)");
                list = list.Where(r => r.IsItl2Union).ToList();
                if (list.Count == 0) throw new InputException("no region left to compare on published ITL2 data", field: "--regions");
            }

            var inputs = new List<CompareInput>();
            var inputFiles = new List<string>();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using (var progress = new ProgressReporter<(int Done, string Text)>("compete compare", p => new ProgressSnapshot(p.Done, list.Count, p.Text)))
            {
                for (int i = 0; i < list.Count; i++)
                {
                    var region = list[i];
                    bool published = choices.MicroFile is null && (!choices.GeneratedFirms || region.IsItl2Union);
                    var (request, used) = RunSetup.Request(uk, region, specPath, choices with { NoMicro = published, GeneratedFirms = !published && choices.GeneratedFirms });
                    var t0 = clock.Elapsed;
                    var result = CityRegionRun.Execute(uk, request);
                    string data = choices.MicroFile is not null ? "firm-level data from " + Path.GetFileName(choices.MicroFile)
                        : published ? "published BRES cells (a union of ITL2 areas: " + string.Join(", ", region.Itl2Codes) + ")"
                        : "generated firm-level data for " + string.Join(", ", MicroSources.Itl2AreasOf(uk.Geography, region)) + " (not an ITL2 union; calibrated to BRES, not real firms)";
                    inputs.Add(new CompareInput(result, data));
                    foreach (var u in used) if (!inputFiles.Contains(u)) inputFiles.Add(u);
                    progress.Report((i + 1, string.Create(CultureInfo.InvariantCulture,
                        $"{region.Id}: {(published ? "published" : "firm-level")} data, {(clock.Elapsed - t0).TotalSeconds:0.0} s")));
                }
            }
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
            int files = Write(compare, dir, specPath, inputFiles, dataDir);
            Print(compare, pr.GetValue(top));
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

    private static int Write(CompareResult c, string dir, string specPath, List<string> inputFiles, string dataDir)
    {
        Directory.CreateDirectory(dir);
        int n = 0;
        void Put(string name, Table t) { TableFiles.Write(t, Path.Combine(dir, name)); n++; }
        var ranks = CompareTables.Ranks(c);
        Put("ranks.csv", ranks);
        Put("ranks.parquet", ranks);
        Put("regions.csv", CompareTables.Regions(c));
        Put("similarity.csv", CompareTables.Similarity(c));
        Put("peers.csv", CompareTables.PeersTable(c));
        var profiles = CompareTables.Profiles(c);
        Put("profiles.csv", profiles);
        Put("profiles.parquet", profiles);
        n += ReportFiles.Write(CompareReport.Build(c), dir).Count;
        foreach (var r in c.Regions)
        {
            var info = new RunManifestInfo(RunSetup.Version, specPath, inputFiles, dataDir);
            n += RunOutputs.Write(r.Run, Path.Combine(dir, r.Run.Region.Id), info).Count;
        }
        return n;
    }

    /// <summary>Each region's top sectors side by side (codes), then the codes' names, then each region's peers.</summary>
    private static void Print(CompareResult c, int top)
    {
        var runs = c.Regions.Select(r => r.Run).ToList();
        var sb = new StringBuilder();
        var first = runs[0];
        sb.Append(string.Create(CultureInfo.InvariantCulture, $"spec '{first.Spec.Name}', {first.Level.ToString().ToLowerInvariant()} level, {first.BaseYear}-{first.Year}; top {top} sectors by region\n"));
        sb.Append("rank").Append(string.Concat(runs.Select(r => "  " + r.Region.Id.ToUpperInvariant().PadRight(6)))).Append('\n');
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        for (int k = 0; k < top; k++)
        {
            sb.Append((k + 1).ToString(CultureInfo.InvariantCulture).PadLeft(4));
            foreach (var r in runs)
            {
                var code = k < r.Score.Units.Count ? r.Score.Units[k].Code : "-";
                if (code != "-") codes.Add(code);
                sb.Append("  ").Append(code.PadRight(6));
            }
            sb.Append('\n');
        }
        sb.Append('\n');
        foreach (var code in codes) sb.Append(code.PadRight(6)).Append(first.SectorNames.TryGetValue(code, out var nm) ? FirstSentence(nm) : "").Append('\n');
        sb.Append('\n');
        string measure = c.Options.Similarity == PeersSimilarity.Cosine ? "cosine similarity" : "Krugman distance";
        sb.Append("peers (").Append(measure).Append(" of employment shares):\n");
        for (int i = 0; i < runs.Count; i++)
            sb.Append("  ").Append(runs[i].Region.Id.ToUpperInvariant().PadRight(6)).Append(' ')
              .Append(string.Join(", ", c.Peers[i].Select(p => p.RegionId.ToUpperInvariant() + " " + CompareTables.Num(p.Value)))).Append('\n');
        Console.Out.Write(sb.ToString());
    }

    // some SIC names carry the division's description after the title
    private static string FirstSentence(string name)
    {
        int dot = name.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 ? name[..dot] : name;
    }
}
