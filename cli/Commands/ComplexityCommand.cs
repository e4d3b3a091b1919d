using System.CommandLine;
using System.Globalization;
using CompeteModel.Cli.Infrastructure;
using CompeteModel.Engine.Complexity;
using CompeteModel.Engine.IO;

namespace CompeteModel.Cli.Commands;

/// <summary>
/// <c>compete complexity</c>: relatedness and economic complexity with py-ecomplexity-compatible input
/// and output, plus the sign rules and diagnostics that make it usable at city-region scale.
/// The engine does the work; this class reads the files, calls it and writes the results.
/// </summary>
public static class ComplexityCommand
{
    public static Command Create()
    {
        var cmd = new Command("complexity", "ECI/PCI, relatedness density, COI and COG for every location × product (× time), as py-ecomplexity computes them, with per-year reliability diagnostics.");
        var input = new Option<string>("--input") { Description = "Long table (CSV or Parquet): one row per location × product (× time).", Required = true };
        var loc = new Option<string>("--loc") { Description = "Location column.", Required = true };
        var prod = new Option<string>("--prod") { Description = "Product (sector) column.", Required = true };
        var val = new Option<string>("--val") { Description = "Value column (exports, employment…).", Required = true };
        var time = new Option<string?>("--time") { Description = "Time column; without it the file is one period." };
        var output = new Option<string?>("--out") { Description = "Output file (.csv or .parquet): one row per location × product (× time)." };
        var sign = new Option<string>("--sign") { Description = "How the eigenvector sign is fixed: diversity (py-ecomplexity), previous-year (align each year with the one before), anchor (correlate positively with --anchor).", DefaultValueFactory = _ => "diversity" };
        sign.AcceptOnlyFromAmong("diversity", "previous-year", "anchor");
        var anchor = new Option<string?>("--anchor") { Description = "For --sign anchor: a table of location,value (e.g. productivity)." };
        var diagnostics = new Option<string?>("--diagnostics") { Description = "Write per-period diagnostics (eigengap, corr_diversity, reflections_agreement, reliable…) to this .csv or .parquet." };
        var sd = new Option<string>("--sd") { Description = "Standard deviation for ECI/PCI/COI: population (py-ecomplexity) or sample (N−1, R economiccomplexity).", DefaultValueFactory = _ => "population" };
        sd.AcceptOnlyFromAmong("population", "sample");
        var proximity = new Option<string>("--proximity") { Description = "Relatedness: co-occurrence (py-ecomplexity) or econgeo-prob (EconGeo relatedness, method \"prob\").", DefaultValueFactory = _ => "co-occurrence" };
        proximity.AcceptOnlyFromAmong("co-occurrence", "econgeo-prob");
        var density = new Option<string>("--density-diagonal") { Description = "Density: included (py-ecomplexity) or excluded (EconGeo relatedness_density).", DefaultValueFactory = _ => "included" };
        density.AcceptOnlyFromAmong("included", "excluded");
        var reportLocation = new Option<string?>("--report-location") { Description = "Print this location's ECI, its rank among all locations of the input and its top opportunity products (highest COG where M = 0); for a panel, the last period." };
        var top = new Option<int>("--top") { Description = "Number of opportunity products for --report-location.", DefaultValueFactory = _ => 10 };
        foreach (var o in new Option[] { input, loc, prod, val, time, output, sign, anchor, diagnostics, sd, proximity, density, reportLocation, top })
            cmd.Options.Add(o);

        cmd.SetAction(pr => Guard.Run(() =>
        {
            var outPath = pr.GetValue(output);
            var report = pr.GetValue(reportLocation);
            if (outPath is null && report is null) throw new UsageException("give --out FILE (and/or --report-location LABEL)");
            var signRule = pr.GetValue(sign) switch
            {
                "previous-year" => SignRule.PreviousYear,
                "anchor" => SignRule.Anchor,
                _ => SignRule.Diversity,
            };
            var anchorPath = pr.GetValue(anchor);
            if (signRule == SignRule.Anchor && anchorPath is null) throw new UsageException("--sign anchor needs --anchor FILE");
            if (signRule != SignRule.Anchor && anchorPath is not null) throw new UsageException("--anchor is used only with --sign anchor");
            if (pr.GetValue(top) < 0) throw new UsageException("--top must be 0 or more");
            var options = new ComplexityOptions
            {
                Sign = signRule,
                Sd = pr.GetValue(sd) == "sample" ? SdConvention.SampleNMinus1 : SdConvention.Population,
                Proximity = pr.GetValue(proximity) == "econgeo-prob" ? ProximityMethod.EconGeoProbability : ProximityMethod.CoOccurrence,
                Density = pr.GetValue(density) == "excluded" ? DensityDiagonal.Excluded : DensityDiagonal.Included,
            };

            var locCol = pr.GetValue(loc)!;
            var prodCol = pr.GetValue(prod)!;
            var timeCol = pr.GetValue(time);
            var data = ComplexityInput.FromTable(TableFiles.Read(pr.GetValue(input)!), locCol, prodCol, pr.GetValue(val)!, timeCol);
            Console.Error.WriteLine(data.Account.Summary());
            foreach (var r in data.Account.Rejects.Take(20))
                Console.Error.WriteLine($"  rejected {r.File}:{r.Line}, field '{r.Field}': {r.Reason}{(r.Value is null ? "" : " (" + r.Value + ")")}");
            if (data.Account.Rejects.Count > 20) Console.Error.WriteLine($"  … and {data.Account.Rejects.Count - 20} more rejected rows");
            if (data.Account.Unknown > 0)
                Console.Error.WriteLine($"  {data.Account.Unknown} rows have no value (missing marker); their location × product is treated as absent, as py-ecomplexity does when it pivots");

            var anchorValues = anchorPath is null ? null : AnchorTable.FromTable(TableFiles.Read(anchorPath), locCol);
            var results = ComplexityCalculator.ComputePanel(data.Years, options, anchorValues, anchorPath);
            ReportToStderr(results);

            if (outPath is not null) WriteTable(ComplexityOutput.ToTable(results, locCol, prodCol, timeCol), outPath);
            var diagPath = pr.GetValue(diagnostics);
            if (diagPath is not null) WriteTable(ComplexityOutput.DiagnosticsTable(results), diagPath);
            if (report is not null) WriteReport(RegionComplexityReport.FromResult(results[^1], report, pr.GetValue(top)), Console.Out);
            return ExitCodes.Success;
        }));
        return cmd;
    }

    /// <summary>
    /// CSV or Parquet by extension. CSV is written here (atomically, with TableFiles' CSV format) because
    /// TableFiles.WriteCsv(Table, string) disposes the stream before WriteAtomic flushes it (reported to the lead).
    /// </summary>
    private static void WriteTable(Table table, string path)
    {
        if (!path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            TableFiles.Write(table, path);
            return;
        }
        TextFiles.WriteAtomic(path, s =>
        {
            using var w = new StreamWriter(s, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
            TableFiles.WriteCsv(table, w);
        });
    }

    /// <summary>Dropped locations/products and reliability warnings, per period, on stderr.</summary>
    public static void ReportToStderr(IReadOnlyList<ComplexityYearResult> results)
    {
        foreach (var r in results)
        {
            string when = r.Time.Length == 0 ? "" : r.Time + ": ";
            foreach (var g in r.DroppedLocations.GroupBy(d => d.Reason))
                Console.Error.WriteLine($"{when}{g.Count()} location(s) left out ({g.Key}): {string.Join(", ", g.Select(d => d.Label))}");
            foreach (var g in r.DroppedProducts.GroupBy(d => d.Reason))
                Console.Error.WriteLine($"{when}{g.Count()} product(s) left out ({g.Key}): {string.Join(", ", g.Select(d => d.Label))}");
            if (!r.Diagnostics.Reliable) Console.Error.WriteLine("warning: " + r.Diagnostics.Warning);
        }
    }

    /// <summary>Prints a region's ECI, rank and top opportunities: a header block, then the opportunities as CSV.</summary>
    public static void WriteReport(RegionComplexityReport report, TextWriter w)
    {
        var inv = CultureInfo.InvariantCulture;
        string when = report.Result.Time.Length == 0 ? "" : " in " + report.Result.Time;
        w.WriteLine($"location: {report.Region}{when}");
        w.WriteLine(string.Create(inv, $"eci: {Numbers.Format(report.Eci)} (rank {report.Rank} of {report.RegionCount} reference locations; 1 = most complex)"));
        w.WriteLine($"coi: {Numbers.Format(report.Coi)}");
        w.WriteLine($"reliable: {(report.Diagnostics.Reliable ? "yes" : "no")}");
        w.WriteLine("top opportunities (highest COG where M = 0):");
        w.WriteLine("product,cog,density,pci,rca");
        foreach (var o in report.Opportunities)
            w.WriteLine(string.Join(',', TableFiles.Quote(o.Product), Numbers.Format(o.Cog), Numbers.Format(o.Density), Numbers.Format(o.Pci), Numbers.Format(o.Rca)));
    }
}
