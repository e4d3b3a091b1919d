using System.CommandLine;
using System.Globalization;
using CompeteModel.Cli.Infrastructure;
using CompeteModel.Engine.Complexity;
using CompeteModel.Engine.Ingest.Micro;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Pipeline;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Cli.Commands;

/// <summary>
/// <c>compete complexity</c>: relatedness and economic complexity with py-ecomplexity-compatible input
/// and output, plus the sign rules and diagnostics that make it usable at city-region scale.
/// The engine does the work; this class reads the files, calls it and writes the results.
/// Two modes: <c>--input</c> (any location × product table) and <c>--region</c> (a UK city region read
/// from the 40 GB ITL2 areas × SIC sectors on the shipped BRES employment, <see cref="UkComplexity"/>).
/// </summary>
public static class ComplexityCommand
{
    public static Command Create()
    {
        var cmd = new Command("complexity", "ECI/PCI, relatedness density, COI and COG for every location × product (× time), as py-ecomplexity computes them, with per-year reliability diagnostics; or, with --region, a UK city region's complexity read from the GB ITL2 areas on BRES employment.");
        var input = new Option<string?>("--input") { Description = "Long table (CSV or Parquet): one row per location × product (× time). Give this or --region." };
        var loc = new Option<string?>("--loc") { Description = "Location column (with --input)." };
        var prod = new Option<string?>("--prod") { Description = "Product (sector) column (with --input)." };
        var val = new Option<string?>("--val") { Description = "Value column (exports, employment…) (with --input)." };
        var region = new Option<string?>("--region") { Description = "A UK region that is a union of ITL2 areas (wmca, gmca, lcrca, wyca, symca, london, an ITL2 code…): its ECI, rank, COI and top opportunities among the 40 GB ITL2 areas on BRES employment. Give this or --input." };
        var level = new Option<string>("--level") { Description = "With --region: SIC level of the sectors.", DefaultValueFactory = _ => "subclass" };
        level.AcceptOnlyFromAmong("division", "group", "class", "subclass");
        var year = new Option<int>("--year") { Description = "With --region: BRES year.", DefaultValueFactory = _ => 2021 };
        var anchorIndicator = new Option<string?>("--anchor-indicator") { Description = "With --region --sign anchor: the built-in anchor; productivity = ONS regional GVA (current prices, all industries) per BRES job of each reference region." };
        anchorIndicator.AcceptOnlyFromAmong("productivity");
        var data = new Option<string?>("--data") { Description = "With --region: the datasets/ folder (default: found from the current directory)." };
        var time = new Option<string?>("--time") { Description = "Time column; without it the file is one period." };
        var output = new Option<string?>("--out") { Description = "Output file (.csv or .parquet): one row per location × product (× time)." };
        var sign = new Option<string>("--sign") { Description = "How the eigenvector sign is fixed: diversity (py-ecomplexity), previous-year (align each year with the one before), anchor (correlate positively with --anchor).", DefaultValueFactory = _ => "diversity" };
        sign.AcceptOnlyFromAmong("diversity", "previous-year", "anchor");
        var anchor = new Option<string?>("--anchor") { Description = "For --sign anchor with --input: a table of location,value (e.g. productivity)." };
        var diagnostics = new Option<string?>("--diagnostics") { Description = "Write per-period diagnostics (eigengap, corr_diversity, reflections_agreement, reliable…) to this .csv or .parquet." };
        var sd = new Option<string>("--sd") { Description = "Standard deviation for ECI/PCI/COI: population (py-ecomplexity) or sample (N−1, R economiccomplexity).", DefaultValueFactory = _ => "population" };
        sd.AcceptOnlyFromAmong("population", "sample");
        var proximity = new Option<string>("--proximity") { Description = "Relatedness: co-occurrence (py-ecomplexity) or econgeo-prob (EconGeo relatedness, method \"prob\").", DefaultValueFactory = _ => "co-occurrence" };
        proximity.AcceptOnlyFromAmong("co-occurrence", "econgeo-prob");
        var density = new Option<string>("--density-diagonal") { Description = "Density: included (py-ecomplexity) or excluded (EconGeo relatedness_density).", DefaultValueFactory = _ => "included" };
        density.AcceptOnlyFromAmong("included", "excluded");
        var reportLocation = new Option<string?>("--report-location") { Description = "Print this location's ECI, its rank among all locations of the input and its top opportunity products (highest COG where M = 0); for a panel, the last period." };
        var top = new Option<int>("--top") { Description = "Number of opportunity products for --report-location or --region.", DefaultValueFactory = _ => 10 }.AtLeast(0);
        var reference = new Option<string>("--reference") { Description = "With --region: the reference geography, itl2 (the 40 GB ITL2 areas on BRES employment) or lad (every GB district on firm-level employment from --firms).", DefaultValueFactory = _ => "itl2" };
        reference.AcceptOnlyFromAmong("itl2", "lad");
        var firms = new Option<string?>("--firms") { Description = "Firm-level data covering Great Britain (CSV or Parquet, the micro-data layout) for --reference lad or --reference-agreement." };
        var agreement = new Option<bool>("--reference-agreement") { Description = "Compare the ITL2 (BRES) and district (--firms) references for WMCA, GMCA, LCRCA, WYCA and SYMCA: Spearman ρ of PCI, density and COG, and ECI ranks; the table goes to --out." };
        var sources = new DataSourceOptions();
        sources.AddTo(cmd);
        foreach (var o in new Option[] { input, loc, prod, val, time, output, sign, anchor, diagnostics, sd, proximity, density, reportLocation, top, region, level, year, anchorIndicator, data, reference, firms, agreement })
            cmd.Options.Add(o);

        cmd.SetAction(pr => Guard.Run(() =>
        {
            using var tx = Outputs.Begin("complexity");
            var outPath = pr.GetValue(output) is { } op ? tx.Table(op, "--out") : null;
            var diagPath = pr.GetValue(diagnostics) is { } dp ? tx.Table(dp, "--diagnostics") : null;
            var report = pr.GetValue(reportLocation);
            var regionText = pr.GetValue(region);
            if (pr.GetValue(agreement) || pr.GetValue(reference) == "lad")
                foreach (var o in new Option[] { input, time, anchor, anchorIndicator, diagnostics, reportLocation })
                    if (pr.GetResult(o) is { Implicit: false }) throw new UsageException($"{o.Name} is not used with --reference lad or --reference-agreement");
            if (pr.GetValue(agreement)) return RunAgreement(pr, regionText, level, year, data, firms, outPath, sd, proximity, density, tx);
            if (pr.GetValue(reference) == "lad") return RunLadRegion(pr, regionText, level, year, data, firms, sign, sd, proximity, density, top, outPath, tx);
            if (pr.GetValue(firms) is not null) throw new UsageException("--firms is used only with --reference lad or --reference-agreement");
            if ((regionText is null) == (pr.GetValue(input) is null)) throw new UsageException("give either --input FILE (with --loc, --prod, --val) or --region REGION");
            if (pr.GetValue(top) < 0) throw new UsageException("--top must be 0 or more");
            if (regionText is not null)
            {
                if (pr.GetValue(anchor) is not null) throw new UsageException("--anchor FILE is for --input; with --region the anchor is built in: --sign anchor --anchor-indicator productivity");
                if (pr.GetValue(time) is not null || pr.GetValue(reportLocation) is not null) throw new UsageException("--time and --report-location are for --input; with --region use --year");
                var regionSign = ParseSign(pr.GetValue(sign));
                var indicator = pr.GetValue(anchorIndicator);
                if (regionSign == SignRule.Anchor && indicator is null) throw new UsageException("--sign anchor with --region needs --anchor-indicator productivity");
                if (regionSign != SignRule.Anchor && indicator is not null) throw new UsageException("--anchor-indicator is used only with --sign anchor");
                return RunRegion(new RegionRequest(regionText, Level(pr, level), pr.GetValue(year), regionSign == SignRule.Anchor,
                    Options(pr, regionSign == SignRule.Anchor ? SignRule.Diversity : regionSign, sd, proximity, density), pr.GetValue(top),
                    sources.Choice(pr), pr.GetValue(data), outPath, diagPath), tx);
            }
            foreach (var (o, name) in new[] { (pr.GetValue(loc), "--loc"), (pr.GetValue(prod), "--prod"), (pr.GetValue(val), "--val") })
                if (o is null) throw new UsageException($"--input needs {name}");
            foreach (var o in new Option[] { level, year, anchorIndicator, data })
                if (pr.GetResult(o) is { Implicit: false }) throw new UsageException($"{o.Name} is used only with --region");
            if (outPath is null && report is null) throw new UsageException("give --out FILE (and/or --report-location LABEL)");
            var signRule = ParseSign(pr.GetValue(sign));
            var anchorPath = pr.GetValue(anchor);
            if (signRule == SignRule.Anchor && anchorPath is null) throw new UsageException("--sign anchor needs --anchor FILE");
            if (signRule != SignRule.Anchor && anchorPath is not null) throw new UsageException("--anchor is used only with --sign anchor");
            var options = Options(pr, signRule, sd, proximity, density);

            var locCol = pr.GetValue(loc)!;
            var prodCol = pr.GetValue(prod)!;
            var timeCol = pr.GetValue(time);
            var table = ComplexityInput.Read(pr.GetValue(input)!, locCol, prodCol, pr.GetValue(val)!, timeCol);
            Console.Error.Write(table.Account.Report());
            if (table.Account.Unknown > 0)
                Console.Error.WriteLine($"  {table.Account.Unknown} rows have no value (missing marker); their location × product is treated as absent, as py-ecomplexity does when it pivots");

            var anchorValues = anchorPath is null ? null : AnchorTable.FromTable(TableFiles.Read(anchorPath), locCol);
            var results = ComplexityCalculator.ComputePanel(table.Years, options, anchorValues, anchorPath);
            ComplexityText.WriteDropped(results, Console.Error);

            if (outPath is not null) ComplexityOutput.Write(results, locCol, prodCol, timeCol, outPath);
            if (diagPath is not null) TableFiles.Write(ComplexityOutput.DiagnosticsTable(results), diagPath);
            tx.Commit();
            if (report is not null) ComplexityText.WriteReport(RegionComplexityReport.FromResult(results[^1], report, pr.GetValue(top)), Console.Out);
            return ExitCodes.Success;
        }));
        return cmd;
    }

    private static SignRule ParseSign(string? text) => text switch
    {
        "previous-year" => SignRule.PreviousYear,
        "anchor" => SignRule.Anchor,
        _ => SignRule.Diversity,
    };

    private static ComplexityOptions Options(ParseResult pr, SignRule signRule, Option<string> sd, Option<string> proximity, Option<string> density) => new()
    {
        Sign = signRule,
        Sd = pr.GetValue(sd) == "sample" ? SdConvention.SampleNMinus1 : SdConvention.Population,
        Proximity = pr.GetValue(proximity) == "econgeo-prob" ? ProximityMethod.EconGeoProbability : ProximityMethod.CoOccurrence,
        Density = pr.GetValue(density) == "excluded" ? DensityDiagonal.Excluded : DensityDiagonal.Included,
    };

    /// <summary>
    /// What <c>--region</c> asks for, parsed and checked: the region, SIC level, BRES year, whether the built-in productivity
    /// anchor orients ECI, the complexity options, how many opportunities, the data and the staged output paths.
    /// </summary>
    private sealed record RegionRequest(string Region, SectorLevel Level, int Year, bool AnchorProductivity, ComplexityOptions Options, int Top,
        DataChoice Data, string? DataDirectory, string? OutPath, string? DiagnosticsPath);

    /// <summary><c>--region</c>: the city region's complexity read from the GB ITL2 reference on BRES employment.</summary>
    private static int RunRegion(RegionRequest req, Engine.IO.OutputTransaction tx)
    {
        var uk = req.Data.Load(DataPaths.Resolve(req.DataDirectory));
        var reg = uk.Geography.Resolve(req.Region);
        var result = UkComplexity.Compute(uk, reg, req.Level, req.Year, req.Options, req.AnchorProductivity, req.Top);
        ComplexityText.WriteDropped([result.Report.Result], Console.Error);
        var reference = result.Reference;
        int t = reference.Panel.YearIndex(result.Year);
        if (reference.UnknownCells[t] > 0 || reference.LowerBoundCells[t] > 0)
            Console.Error.WriteLine($"BRES {result.Year}: {reference.UnknownCells[t]} region × sector cells unpublished (read as absent), " +
                                    $"{reference.LowerBoundCells[t]} summed from published and unpublished parts (a lower estimate)");
        if (req.OutPath is not null) TableFiles.Write(ComplexityOutput.ToTable([result.Report.Result], "region", "sector", "year"), req.OutPath);
        if (req.DiagnosticsPath is not null) TableFiles.Write(ComplexityOutput.DiagnosticsTable([result.Report.Result]), req.DiagnosticsPath);
        tx.Commit();
        ComplexityText.WriteRegionReport(result, Console.Out);
        return ExitCodes.Success;
    }

    private static SectorLevel Level(ParseResult pr, Option<string> level) => SpecLevels.Parse(pr.GetValue(level)!, "--level");

    /// <summary>Said on stderr whenever firm-level data build the district reference.</summary>
    public const string GeneratedFirmsCaveat =
        "note: the shipped generated firm-level data place firms in districts uniformly at random within their ITL2 area, " +
        "so a district (LAD) reference built from them carries no district information; the district reference and its " +
        "comparison with the ITL2 reference are meaningful only with real firm data covering Great Britain.";

    private static MicroData ReadFirms(ParseResult pr, Option<string?> firms, UkData uk)
    {
        var path = pr.GetValue(firms) ?? throw new UsageException("the district reference needs --firms FILE (firm-level data covering Great Britain)");
        Console.Error.WriteLine(GeneratedFirmsCaveat);
        var micro = MicroDataReader.Read(path, uk.Geography, uk.Sic, readText: false);
        Console.Error.WriteLine(micro.Account.Summary());
        return micro;
    }

    /// <summary><c>--region R --reference lad --firms FILE</c>: the city region's complexity read from every GB district on firm-level employment.</summary>
    private static int RunLadRegion(ParseResult pr, string? regionText, Option<string> level, Option<int> year, Option<string?> data,
        Option<string?> firms, Option<string> sign, Option<string> sd, Option<string> proximity, Option<string> density, Option<int> top, string? outPath, Engine.IO.OutputTransaction tx)
    {
        if (regionText is null) throw new UsageException("--reference lad needs --region REGION");
        if (pr.GetValue(sign) != "diversity") throw new UsageException("--reference lad supports only --sign diversity (one year, no built-in anchor)");
        if (pr.GetValue(top) < 0) throw new UsageException("--top must be 0 or more");
        var uk = UkData.Load(DataPaths.Resolve(pr.GetValue(data)));
        var reg = uk.Geography.Resolve(regionText);
        var micro = ReadFirms(pr, firms, uk);
        var lvl = Level(pr, level);
        var lad = LadReferenceGeography.Build(micro.Firms, reg, lvl, pr.GetValue(year));
        int gbItl2 = uk.Geography.GreatBritain.Itl2Codes.Length;
        if (lad.Itl2AreasWithFirms < gbItl2)
            Console.Error.WriteLine($"warning: the firms cover {lad.Itl2AreasWithFirms} of the {gbItl2} GB ITL2 areas; the district reference should cover Great Britain");
        var result = lad.Compute(Options(pr, SignRule.Diversity, sd, proximity, density));
        ComplexityText.WriteDropped([result], Console.Error);
        var report = RegionComplexityReport.FromResult(result, reg.Id, pr.GetValue(top));
        Console.Out.WriteLine($"reference: {lad.Regions.Count} GB districts ({reg.Id} as one row of {reg.LadCodes.Length} districts) × SIC {lvl.ToString().ToLowerInvariant()} sectors, firm-level employment {lad.Year}; {result.Locations.Count} rows with firms entered the calculation");
        if (outPath is not null) TableFiles.Write(ComplexityOutput.ToTable([result], "region", "sector", "year"), outPath);
        tx.Commit();
        ComplexityText.WriteReport(report, Console.Out);
        return ExitCodes.Success;
    }

    /// <summary><c>--reference-agreement --firms FILE --out FILE</c>: how far the ITL2 and district references agree.</summary>
    private static int RunAgreement(ParseResult pr, string? regionText, Option<string> level, Option<int> year, Option<string?> data,
        Option<string?> firms, string? staged, Option<string> sd, Option<string> proximity, Option<string> density, Engine.IO.OutputTransaction tx)
    {
        var outPath = staged ?? throw new UsageException("--reference-agreement needs --out FILE");
        var uk = UkData.Load(DataPaths.Resolve(pr.GetValue(data)));
        var regions = (regionText is null ? ReferenceAgreement.DefaultCityRegions : [regionText]).Select(uk.Geography.Resolve).ToList();
        var micro = ReadFirms(pr, firms, uk);
        var result = ReferenceAgreement.Compare(uk, micro.Firms, regions, Level(pr, level), pr.GetValue(year), Options(pr, SignRule.Diversity, sd, proximity, density));
        foreach (var n in result.Notes) Console.Error.WriteLine("note: " + n);
        TableFiles.Write(ReferenceAgreement.ToTable(result.Rows), outPath);
        tx.Commit();
        return ExitCodes.Success;
    }
}
