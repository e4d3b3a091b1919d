using System.Globalization;
using CompeteModel.Engine.IO;

namespace CompeteModel.Engine.Complexity;

/// <summary>
/// The text of <c>compete complexity</c>'s console report, built in the engine so that the command only prints it: a
/// region's ECI, rank, COI, sign rule and diagnostics with its top opportunities as CSV, and the locations and products
/// each period left out.
/// </summary>
public static class ComplexityText
{
    /// <summary>Prints a UK region's ECI, rank, COI, the sign rule and diagnostics, then its top opportunities as CSV with SIC names.</summary>
    public static void WriteRegionReport(UkComplexityResult result, TextWriter w)
    {
        var inv = CultureInfo.InvariantCulture;
        var report = result.Report;
        var d = result.Diagnostics;
        var reference = result.Reference;
        var merged = string.Join("+", result.Region.Itl2Codes);
        string levelName = result.Level.ToString().ToLowerInvariant();
        w.WriteLine($"region: {result.Region.Name} ({result.Region.Id} = {merged}), {result.Year}");
        w.WriteLine($"reference: {reference.Regions.Count} GB ITL2 regions ({result.Region.Id} as one row) × {d.Products} SIC {levelName} sectors with employment, BRES employment {result.Year}");
        w.WriteLine("sign rule: " + result.SignRule switch
        {
            SignRule.Anchor => "anchor = productivity (ECI oriented to correlate positively with GVA per job: ONS regional GVA, current prices, all industries / BRES employment)",
            SignRule.PreviousYear => $"previous-year (aligned year on year from {reference.Panel.Years[0]}, the first BRES year, starting from the diversity rule)",
            _ => "diversity (py-ecomplexity: ECI oriented to correlate positively with diversity)",
        });
        w.WriteLine(string.Create(inv, $"eci: {Numbers.Format(report.Eci)} (rank {report.Rank} of {report.RegionCount} reference regions; 1 = most complex)"));
        w.WriteLine($"coi: {Numbers.Format(report.Coi)}");
        w.WriteLine($"corr(eci, productivity) over the reference regions: {Numbers.Format(result.CorrProductivity)}");
        w.WriteLine(string.Create(inv, $"diagnostics: eigengap {d.Eigengap:0.###}, corr_diversity {d.CorrDiversity:0.###}, reflections_agreement {d.ReflectionsAgreement:0.###}, sign_correlation {d.SignCorrelation:0.###}"));
        w.WriteLine($"reliable: {(d.Reliable ? "yes" : "no")}");
        if (!d.Reliable) w.WriteLine("WARNING: " + d.Warning + " Read the rank and the opportunities with care.");
        if (result.OrientationWarning.Length > 0) w.WriteLine("WARNING: " + result.OrientationWarning);
        w.WriteLine("top opportunities (highest COG among sectors where the region is not specialised, M = 0):");
        w.WriteLine("sector,name,cog,density,pci,rca");
        for (int i = 0; i < report.Opportunities.Count; i++)
        {
            var o = report.Opportunities[i];
            w.WriteLine(string.Join(',', TableFiles.Quote(o.Product), TableFiles.Quote(result.OpportunityNames[i]), Numbers.Format(o.Cog),
                Numbers.Format(o.Density), Numbers.Format(o.Pci), Numbers.Format(o.Rca)));
        }
    }

    /// <summary>Dropped locations/products and reliability warnings, per period (what the command prints on stderr).</summary>
    public static void WriteDropped(IReadOnlyList<ComplexityYearResult> results, TextWriter w)
    {
        foreach (var r in results)
        {
            string when = r.Time.Length == 0 ? "" : r.Time + ": ";
            foreach (var g in r.DroppedLocations.GroupBy(d => d.Reason))
                w.WriteLine($"{when}{g.Count()} location(s) left out ({g.Key}): {string.Join(", ", g.Select(d => d.Label))}");
            foreach (var g in r.DroppedProducts.GroupBy(d => d.Reason))
                w.WriteLine($"{when}{g.Count()} product(s) left out ({g.Key}): {string.Join(", ", g.Select(d => d.Label))}");
            if (!r.Diagnostics.Reliable) w.WriteLine("warning: " + r.Diagnostics.Warning);
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
