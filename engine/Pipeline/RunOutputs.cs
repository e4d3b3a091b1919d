using System.Text;
using System.Text.Json;
using CompeteModel.Engine.Batch;
using CompeteModel.Engine.Ingest;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Reporting;
using CompeteModel.Engine.Scoring;

namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// Writes every output of a city-region run into one folder: rankings (CSV, Parquet), indicators (Parquet, CSV),
/// technologies, the panel of the latest year (CSV, Parquet), weight sets, sensitivity, unscored sectors, rejects,
/// an Excel workbook with one sheet per table, the report (Markdown, HTML, SVG charts) and run.json. Each file is
/// written atomically and the same run gives the same bytes (run.json holds no clock time).
/// </summary>
public static class RunOutputs
{
    public static IReadOnlyList<string> Write(CityRegionRunResult r, string dir, RunManifestInfo info)
    {
        Directory.CreateDirectory(dir);
        var written = new List<string>();
        void Put(string name, Table t)
        {
            var p = Path.Combine(dir, name);
            TableFiles.Write(t, p);
            written.Add(name);
        }
        var rankings = RunTables.Rankings(r);
        var indicators = RunTables.Indicators(r);
        var technologies = r.TechnologyTable;
        var sectorTech = RunTables.SectorTechnologies(r);
        var panel = RunTables.Panel(r, r.Year);
        var sets = ScoreTables.Comparison(r.WeightSets);
        var movers = ScoreTables.Movers(r.WeightSets);
        var weightSetRanks = WeightSetRanks(r);
        var sensitivity = ScoreTables.Sensitivity(r.MonteCarlo);
        var unscored = ScoreTables.Unscored(r.Score);
        var indicatorUse = ScoreTables.Indicators(r.Score);
        var rejects = RowAccount.RejectsTable(r.Accounts);
        var contributions = Contributions(r);
        var eligibility = RunTables.Eligibility(r);
        var localSectors = RunTables.LocalSectors(r);
        var stability = RunTables.Stability(r);
        Put("rankings.csv", rankings);
        Put("rankings.parquet", rankings);
        Put("indicators.parquet", indicators);
        Put("indicators.csv", indicators);
        Put("technologies.csv", technologies);
        Put("sector_technologies.csv", sectorTech);
        Put($"panel-{r.Year}.csv", panel);
        Put($"panel-{r.Year}.parquet", panel);
        Put("weight_sets.csv", weightSetRanks);
        Put("weight_set_comparison.csv", sets);
        Put("sensitivity.csv", sensitivity);
        Put("unscored.csv", unscored);
        Put("contributions.csv", contributions);
        Put("rejects.csv", rejects);
        Put("eligibility.csv", eligibility);
        Put("local_sectors.csv", localSectors);
        Put("stability.csv", stability);
        if (r.Clusters is { } clusters) Put("clusters.csv", clusters);
        ExcelWriter.Write(Path.Combine(dir, "workbook.xlsx"), new (string, Table)[]
        {
            ("rankings", rankings), ("contributions", contributions), ("weight sets", weightSetRanks), ("weight set comparison", sets),
            ("movers", movers), ("sensitivity", sensitivity), ("indicator use", indicatorUse), ("unscored", unscored),
            ("technologies", technologies), ("sector technologies", sectorTech), ("panel", panel), ("rejects", rejects),
            ("eligibility", eligibility), ("local sectors", localSectors), ("stability", stability),
        }.Concat(info.Data.Sheets).ToArray(), [(WeightsModelSheet.Name, WeightsModelSheet.Build(WeightExplorer.From(r.WeightSets, RunReport.Label)))]);
        written.Add("workbook.xlsx");
        var report = RunReport.Build(r);
        foreach (var f in ReportFiles.Write(report with { Sections = [.. report.Sections, .. info.Data.Sections] }, dir)) written.Add(Path.GetRelativePath(dir, f)); // ReportFiles returns paths that already start with dir
        written.Add("run.json");
        TextFiles.WriteAllTextAtomic(Path.Combine(dir, "run.json"), Manifest(r, info, written));
        return written;
    }

    /// <summary>Each sector's rank under the base weights and every named weight set (the workshop comparison).</summary>
    public static Table WeightSetRanks(CityRegionRunResult r)
    {
        var results = r.WeightSets.Results;
        var codes = results[0].Units.Select(u => u.Code).ToArray();
        var cols = new List<TableColumn>
        {
            TableColumn.Of("sector", codes.Select(c => (string?)c).ToArray()),
            TableColumn.Of("name", results[0].Units.Select(u => (string?)u.Name).ToArray()),
        };
        foreach (var res in results)
        {
            var rank = res.Units.ToDictionary(u => u.Code, u => u.Rank);
            cols.Add(TableColumn.Of("rank_" + res.WeightSet, codes.Select(c => rank.TryGetValue(c, out var k) ? k : 0).ToArray()));
        }
        return new Table(cols);
    }

    /// <summary>Long table of each scored sector's indicator contributions and gaps to the next-ranked sector.</summary>
    public static Table Contributions(CityRegionRunResult r)
    {
        var ids = r.Score.Indicators.Select(i => i.Id).ToArray();
        var sector = new List<string?>();
        var rank = new List<int>();
        var ind = new List<string?>();
        var contribution = new List<double>();
        var gap = new List<double>();
        var next = new List<string?>();
        foreach (var u in r.Score.Units)
            for (int k = 0; k < ids.Length; k++)
            {
                sector.Add(u.Code); rank.Add(u.Rank); ind.Add(ids[k]); contribution.Add(u.Contributions[k]);
                gap.Add(u.GapToNext.Count > k ? u.GapToNext[k] : double.NaN); next.Add(u.NextCode);
            }
        return new Table(new[]
        {
            TableColumn.Of("sector", sector.ToArray()), TableColumn.Of("rank", rank.ToArray()), TableColumn.Of("indicator", ind.ToArray()),
            TableColumn.Of("contribution", contribution.ToArray()), TableColumn.Of("gap_to_next", gap.ToArray()), TableColumn.Of("next_sector", next.ToArray()),
        });
    }

    public static string Manifest(CityRegionRunResult r, RunManifestInfo info, IReadOnlyList<string> outputs)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("tool", "compete");
            w.WriteString("version", info.Version);
            w.WriteString("command", "run");
            w.WriteString("region", r.Region.Id);
            w.WriteString("region_code", r.Region.Code);
            w.WriteString("region_name", r.Region.Name);
            w.WriteString("benchmark", r.Benchmark.Code);
            w.WriteString("spec", r.Spec.Name);
            w.WriteString("spec_file", info.Relative(info.SpecFile));
            w.WriteString("spec_sha256", Sha256(info.SpecFile));
            w.WriteString("level", r.Level.ToString().ToLowerInvariant());
            w.WriteNumber("base_year", r.BaseYear);
            w.WriteNumber("year", r.Year);
            w.WriteNumber("seed", r.Seed);
            w.WriteNumber("draws", r.MonteCarlo.Draws);
            w.WriteBoolean("micro_data", r.UsesMicroData);
            w.WriteString("region_data", r.FirmProvenance is null ? "published statistics" : RunTables.ProvenanceName(r.FirmProvenance.Value));
            w.WriteNumber("endpoint_years", r.EndpointYears);
            w.WriteStartArray("year_choices");
            foreach (var c in r.YearConfigs) w.WriteStringValue(c.Label);
            w.WriteEndArray();
            w.WriteBoolean("technologies_scored", r.TechnologyScored);
            w.WriteStartArray("inputs");
            foreach (var f in info.Inputs.Order(StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("file", info.Relative(f));
                w.WriteString("sha256", Sha256(f));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("datasets");
            foreach (var ds in info.Datasets)
            {
                w.WriteStartObject();
                w.WriteString("id", ds.Info.Id);
                w.WriteString("file", info.Relative(ds.Path));
                w.WriteString("vintage", ds.Vintage);
                w.WriteBoolean("user_file", ds.UserFile);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("row_accounting");
            foreach (var a in r.Accounts)
            {
                w.WriteStartObject();
                w.WriteString("file", info.Relative(a.Source));
                w.WriteNumber("read", a.Read);
                w.WriteNumber("used", a.Used);
                w.WriteNumber("unknown", a.Unknown);
                w.WriteNumber("rejected", a.Rejected);
                w.WriteStartObject("rejected_by_reason");
                foreach (var kv in a.RejectedByReason) w.WriteNumber(kv.Key, kv.Value);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("sectors_scored", r.Score.Units.Count);
            w.WriteNumber("sectors_unscored", r.Score.Unscored.Count);
            w.WriteString("most_influential_factor", r.MonteCarlo.MostInfluential.ToString());
            w.WriteStartObject("complexity");
            var d = r.Complexity.Diagnostics;
            w.WriteNumber("locations", d.Locations);
            w.WriteNumber("products", d.Products);
            WriteNumber(w, "eigengap", d.Eigengap);
            WriteNumber(w, "corr_diversity", d.CorrDiversity);
            WriteNumber(w, "reflections_agreement", d.ReflectionsAgreement);
            w.WriteString("sign_rule", d.SignRule);
            w.WriteBoolean("reliable", d.Reliable);
            if (r.ComplexityGate is { } g)
            {
                w.WriteStartObject("gate");
                w.WriteBoolean("passed", g.Passed);
                w.WriteBoolean("signs_agree", g.SignsAgree);
                w.WriteStartObject("corr_diversity_anchored");
                for (int i = 0; i < g.Years.Count; i++) WriteNumber(w, g.Years[i].ToString(System.Globalization.CultureInfo.InvariantCulture), g.CorrDiversity[i]);
                w.WriteEndObject();
                WriteNumber(w, "pci_year_stability", g.YearStability);
                w.WriteNumber("min_year_stability", g.MinYearStability);
                w.WriteStartArray("excluded_from_composite");
                foreach (var id in g.Excluded) w.WriteStringValue(id);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteStartArray("notes");
            foreach (var n in r.Notes.Concat(r.Score.Notes).Concat(r.MonteCarlo.Notes)) w.WriteStringValue(n);
            w.WriteEndArray();
            w.WriteStartArray("warnings");
            foreach (var n in r.Warnings) w.WriteStringValue(n);
            w.WriteEndArray();
            w.WriteStartArray("outputs");
            foreach (var o in outputs) w.WriteStringValue(o.Replace('\\', '/'));
            w.WriteEndArray();
            if (info.Profile is { } profile)
            {
                w.WriteStartArray("profile");
                foreach (var p in profile)
                {
                    w.WriteStartObject();
                    w.WriteString("stage", p.Stage);
                    w.WriteNumber("seconds", Math.Round(p.Seconds, 3));
                    w.WriteNumber("peak_mb", Math.Round(p.PeakMegabytes, 1));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, double v)
    {
        if (double.IsFinite(v)) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    public static string Sha256(string path) => File.Exists(path) ? Hashes.OfFile(path) : "";
}
