using System.CommandLine;
using System.Globalization;
using CompeteModel.Cli.Infrastructure;
using CompeteModel.Engine.Generation;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Ingest.Micro;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Cli.Commands;

/// <summary>
/// <c>compete datasets generate</c>: writes generated (synthetic) firm-level data calibrated to BRES and IDBR
/// as Parquet, one ITL2 area at a time. File name: <c>&lt;region&gt;_firms_&lt;first&gt;_&lt;last&gt;.parquet</c> in --out.
/// </summary>
public static class DatasetsCommand
{
    public static Command Create()
    {
        var cmd = new Command("datasets", "Generated data sets for demonstration and benchmarks.");
        cmd.Subcommands.Add(Generate());
        return cmd;
    }

    private static Command Generate()
    {
        var scale = new Option<double>("--scale") { Description = "Multiplies every BRES employment target (1 reproduces BRES; 0.1 gives about a tenth of the firms)", DefaultValueFactory = _ => 1.0 }.Above(0);
        var outDir = new Option<string>("--out") { Description = "Folder to write the Parquet file into", Required = true };
        var region = new Option<string?>("--region") { Description = "An ITL2 area (TLG3) or a city region made of whole ITL2 areas (wmca); default all of Great Britain" };
        var seed = new Option<long>("--seed") { Description = "Seed of the generator", DefaultValueFactory = _ => MicroGeneratorOptions.DefaultSeed };
        var years = new Option<string>("--years") { Description = "First-last year, from 2015; years after 2021 are extrapolated by the growth model", DefaultValueFactory = _ => "2015-2021" };
        var data = new Option<string?>("--data") { Description = "The datasets/ folder (default: found from the current directory)" };
        var cmd = new Command("generate", "Generate synthetic firm-level data (NOT real firms) calibrated to BRES employment and IDBR size bands.");
        foreach (var o in new Option[] { scale, outDir, region, seed, years, data }) cmd.Options.Add(o);
        cmd.SetAction(pr => Guard.Run(() =>
        {
            var dir = DataPaths.Resolve(pr.GetValue(data));
            var (first, last) = ParseYears(pr.GetValue(years)!);
            var uk = UkData.Load(dir);
            var (geo, sic) = (uk.Geography, uk.Sic);
            string name = "gb";
            IReadOnlyList<string>? filter = null;
            if (pr.GetValue(region) is { } regionText)
            {
                var r = geo.Resolve(regionText);
                if (r.Kind != RegionKind.Nation)
                {
                    if (!r.IsItl2Union)
                        throw new UsageException($"{r} is not made of whole ITL2 areas; the generator works by ITL2 area (give an ITL2 code or such a city region)");
                    filter = r.Itl2Codes;
                    name = r.Id.ToLowerInvariant();
                }
            }
            var bres = uk.BresSubclasses;
            var idbr = IdbrReader.Read(uk.Catalogue.PathOf(Engine.Catalogue.DataCatalogue.Ids.Idbr), sic);
            var gen = new MicroDataGenerator(bres, idbr, geo, sic,
                new MicroGeneratorOptions(pr.GetValue(seed), first, last, pr.GetValue(scale), filter));
            var path = Path.Combine(pr.GetValue(outDir)!, string.Create(CultureInfo.InvariantCulture, $"{name}_firms_{first}_{last}.parquet"));
            using var tx = Outputs.Begin("datasets generate");
            var staged = tx.File(path);
            long unknown = 0;
            IEnumerable<FirmTable> Stream()
            {
                foreach (var area in gen.Generate())
                {
                    unknown += area.UnknownCells.Count;
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{area.Itl2Code}: {area.Firms.Count:N0} firm-years; {area.UnknownCells.Count} cells unknown in BRES, no firms generated there"));
                    yield return area.Firms;
                }
            }
            long rows = MicroDataWriter.WriteParquet(Stream(), staged);
            tx.Commit();
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {rows:N0} firm-years of GENERATED firms (not real) to {path}; {unknown} unknown BRES cells left empty"));
            Console.Out.WriteLine(path);
            return 0;
        }));
        return cmd;
    }

    private static (int First, int Last) ParseYears(string text)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length is 1 or 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var a)
            && int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var b))
            return (a, b);
        throw new UsageException($"--years must be a year or a range such as 2015-2021, not '{text}'");
    }
}
