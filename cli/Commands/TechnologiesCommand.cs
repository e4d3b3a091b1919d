using System.CommandLine;
using System.Globalization;
using CompeteModel.Cli.Infrastructure;
using CompeteModel.Engine.Ingest.Micro;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.Pipeline;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Technologies;

using CompeteModel.Engine.Catalogue;

namespace CompeteModel.Cli.Commands;

/// <summary>
/// <c>compete technologies --region R --firms FILE --out FILE</c>: a region's technology profile from firm-level data;
/// <c>compete technologies tag --input FILE --text-col COL [--cpc-col COL] --out FILE</c>: tag any table of descriptions.
/// </summary>
public static class TechnologiesCommand
{
    public static Command Create()
    {
        var cmd = new Command("technologies", "Enabling technologies: a region's technology profile from firm-level data, or tagging of any table of descriptions (subcommand 'tag').");
        var region = new Option<string?>("--region") { Description = "Region to profile: short id (wmca), ONS/ITL code or name." };
        var firms = new Option<string?>("--firms") { Description = "Firm-level file (.csv/.parquet; the micro-data layout read by every command: firm_id, year, lad_code, sic, employment, description, cpc), covering the whole country as the benchmark." };
        var generated = new Option<bool>("--generated-firms") { Description = "Demonstration only: profile the shipped GENERATED firms of the region (shares and intensities; the generator planted their technology phrases by SIC)." };
        var year = new Option<int?>("--year") { Description = "Year to measure; default the latest year in the firm file." };
        var baseYear = new Option<int?>("--base-year") { Description = "Start year of the growth of tagged firms; default the earliest year in the firm file." };
        var output = new Option<string?>("--out") { Description = "Region × technology table (.csv or .parquet) for all regions compared." };
        var sectorsOut = new Option<string?>("--sectors-out") { Description = "Per-sector technology intensities of the region (.csv or .parquet)." };
        var relatednessOut = new Option<string?>("--relatedness-out") { Description = "Sector × technology proximity and association over the whole business base (.csv or .parquet)." };
        var indicatorsOut = new Option<string?>("--indicators-out") { Description = "The region's model indicators in long form: tech_presence, tech_lq, tech_growth, tech_relatedness, tech_intensity." };
        var replicates = new Option<int>("--replicates") { Description = "Bootstrap replicates for the bounds of shares and LQs (firms resampled within region × sector); 0 skips.", DefaultValueFactory = _ => 200 }.AtLeast(0);
        var seed = new Option<int>("--seed") { Description = "Seed of the bootstrap.", DefaultValueFactory = _ => 1 };
        var taxonomy = TaxonomyOption();
        var data = DataOption();
        foreach (var o in new Option[] { region, firms, generated, year, baseYear, output, sectorsOut, relatednessOut, indicatorsOut, replicates, seed, taxonomy, data })
            cmd.Options.Add(o);
        cmd.Subcommands.Add(CreateTag());

        cmd.SetAction(pr => Guard.Run(() =>
        {
            var regionText = pr.GetValue(region) ?? throw new UsageException("give --region R (or use 'technologies tag')");
            var firmPath = pr.GetValue(firms);
            using var tx = Outputs.Begin("technologies");
            var outPath = pr.GetValue(output) is { } o1 ? tx.Table(o1, "--out") : null;
            var sectorsPath = pr.GetValue(sectorsOut) is { } o2 ? tx.Table(o2, "--sectors-out") : null;
            var relPath = pr.GetValue(relatednessOut) is { } o3 ? tx.Table(o3, "--relatedness-out") : null;
            var indPath = pr.GetValue(indicatorsOut) is { } o4 ? tx.Table(o4, "--indicators-out") : null;

            var dataDir = DataPaths.Resolve(pr.GetValue(data));
            var tagger = new TechnologyTagger(TechnologyTaxonomy.Load(pr.GetValue(taxonomy) ?? DefaultTaxonomy(dataDir)));
            var uk = UkData.Load(dataDir);
            var geo = uk.Geography;
            var target = geo.Resolve(regionText);
            var partition = new TechnologyRegionPartition(geo, target);
            TechnologyFirms input;
            if (firmPath is not null)
            {
                var micro = MicroDataReader.Read(firmPath, geo, uk.Sic, readText: true);
                Console.Error.Write(micro.Account.Report());
                input = partition.Firms(micro.Firms, tagger, firmPath);
            }
            else if (!pr.GetValue(generated))
                throw new UsageException("a technology profile needs firm descriptions: give --firms FILE (real firms), or --generated-firms for a demonstration on generated firms");
            else
            {
                // Asked for: the shipped generated firms (WMCA) or generated firms for the region's ITL2 areas. They cover
                // the region only, so shares, growth and sector intensities are meaningful but LQs against the other
                // regions are not: a GB-wide firm file (compete datasets generate) is needed for those.
                var micro = MicroSources.Default(uk, target);
                if (micro.Account is not null) Console.Error.WriteLine(micro.Account.Summary());
                Console.Error.WriteLine($"firm data: GENERATED, {micro.Description}: the technology phrases were planted by the generator by SIC, so this profile shows its assumptions, not the region's firms; they cover {target.Name} only, so technology LQs and relatedness need a GB-wide firm file (--firms, see 'compete datasets generate')");
                input = partition.Firms(micro.Firms, tagger, micro.Description);
            }

            var years = input.Year.Distinct().Order().ToList();
            int y = pr.GetValue(year) ?? years[^1];
            if (!years.Contains(y)) throw new UsageException($"--year {y} is not in the firm file (years: {string.Join(", ", years)})");
            int? by = pr.GetValue(baseYear) ?? (years[0] < y ? years[0] : null);
            if (by is { } b && (!years.Contains(b) || b >= y))
                throw new UsageException($"--base-year {b} must be a year of the firm file before {y}");

            var profile = TechnologyProfileBuilder.Build(input, new TechnologyProfileOptions(y, by, Replicates: pr.GetValue(replicates), Seed: pr.GetValue(seed)));
            if (profile.FirmsWithoutEmployment > 0)
                Console.Error.WriteLine($"  {profile.FirmsWithoutEmployment:N0} firms in {y} have no employment: counted in firm shares, left out of employment shares");
            if (outPath is not null) TableFiles.Write(profile.RegionTechnologyTable(), outPath);
            if (sectorsPath is not null) TableFiles.Write(profile.RegionSectorTechnologyTable(onlyRegion: 0), sectorsPath);
            if (relPath is not null) TableFiles.Write(profile.RelatednessTable(), relPath);
            if (indPath is not null) TableFiles.Write(profile.IndicatorTable(0), indPath);
            tx.Commit();
            Console.Out.Write(TechnologyProfileText.Build(profile, target, tagger.Taxonomy));
            return ExitCodes.Success;
        }));
        return cmd;
    }

    private static Command CreateTag()
    {
        var cmd = new Command("tag", "Tag a table of descriptions (firm list, procurement notices) with technologies; writes it back with 'technologies' (ids joined by ';') and 'evidence' columns.");
        var input = new Option<string>("--input") { Description = "Table to tag (.csv or .parquet).", Required = true };
        var textCol = new Option<string>("--text-col") { Description = "Column holding the description text.", Required = true };
        var cpcCol = new Option<string?>("--cpc-col") { Description = "Column holding CPC patent codes (e.g. 'G06N 3/08; H01M 10/052')." };
        var output = new Option<string>("--out") { Description = "Output file (.csv or .parquet).", Required = true };
        var taxonomy = TaxonomyOption();
        var data = DataOption();
        foreach (var o in new Option[] { input, textCol, cpcCol, output, taxonomy, data }) cmd.Options.Add(o);
        cmd.SetAction(pr => Guard.Run(() =>
        {
            using var tx = Outputs.Begin("technologies tag");
            var staged = tx.Table(pr.GetValue(output)!);
            var taxPath = pr.GetValue(taxonomy) ?? DefaultTaxonomy(DataPaths.Resolve(pr.GetValue(data)));
            var tagger = new TechnologyTagger(TechnologyTaxonomy.Load(taxPath));
            var table = TableFiles.Read(pr.GetValue(input)!);
            var tagged = TechnologyTableTagging.Tag(table, pr.GetValue(textCol)!, pr.GetValue(cpcCol), tagger);
            TableFiles.Write(tagged, staged);
            tx.Commit();
            var ids = (string?[])tagged.Column(TechnologyTableTagging.TechnologiesColumn).Data;
            int any = ids.Count(s => !string.IsNullOrEmpty(s));
            Console.Error.WriteLine($"{Path.GetFileName(table.SourceFile)}: {table.RowCount:N0} rows tagged, {any:N0} with at least one technology");
            return ExitCodes.Success;
        }));
        return cmd;
    }

    private static Option<string?> TaxonomyOption() =>
        new("--taxonomy") { Description = "Technology taxonomy YAML; default the shipped taxonomy (compete data sources)." };

    private static Option<string?> DataOption() =>
        new("--data") { Description = "The datasets/ folder; default found from the current directory." };

    private static string DefaultTaxonomy(string dataDir) => DataCatalogue.Open(dataDir).PathOf(DataCatalogue.Ids.Taxonomy);
}
