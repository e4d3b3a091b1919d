namespace CompeteModel.Engine.Reporting;

/// <summary>
/// The plain-English paragraph for one top sector, built only from the model's numbers (formatted by
/// <see cref="ReportFormat"/>). Wording thresholds: LQ ≥ 2 "strongly specialised", ≥ 1.25
/// "specialised", ≥ 0.8 "about as concentrated as {benchmark}", below "under-represented"; growth
/// above +0.5 pp a year "growing faster than", below −0.5 "growing more slowly than", otherwise "growing
/// in line with" the benchmark. The three largest positive contributions are named, and the largest
/// negative one when there is one.
/// </summary>
public static class ReportNarrative
{
    public static string Paragraph(ReportSector s, string benchmarkName)
    {
        var parts = new List<string>();
        var band = ReportFormat.Band(s.BandLow, s.BandHigh);
        var head = $"{s.Name} ({s.Code}) ranks {ReportFormat.Ordinal(s.Rank)} (band {band}";
        if (double.IsFinite(s.MedianRank)) head += $", median rank {ReportFormat.Fixed(s.MedianRank, 1)}";
        head += ")";

        string spec = double.IsFinite(s.Lq)
            ? $"it is {Specialisation(s.Lq, benchmarkName)} (LQ {ReportFormat.Fixed(s.Lq)})"
            : "its specialisation is unknown (no location quotient)";
        string growth = double.IsFinite(s.GrowthVsBenchmark)
            ? $"{Growth(s.GrowthVsBenchmark)} {benchmarkName} ({ReportFormat.Signed(s.GrowthVsBenchmark)} percentage points a year)"
            : "its growth against the benchmark is unknown";
        parts.Add($"{head}: {spec} and {growth}, which makes it {QuadrantPhrase(s.Quadrant)}.");

        var facts = new List<string>();
        if (double.IsFinite(s.Employment)) facts.Add($"it employs {ReportFormat.Count(s.Employment)} people in the region");
        if (double.IsFinite(s.Density)) facts.Add($"its relatedness density is {ReportFormat.Fixed(s.Density)}");
        if (double.IsFinite(s.Pci)) facts.Add($"its complexity (PCI) is {ReportFormat.Signed(s.Pci)}");
        if (facts.Count > 0) parts.Add(Capitalise(Join(facts)) + ".");

        var positive = s.Contributions.Where(c => c.Points > 0).OrderByDescending(c => c.Points).ThenBy(c => c.IndicatorId, StringComparer.Ordinal).Take(3).ToList();
        var negative = s.Contributions.Where(c => c.Points < 0).OrderBy(c => c.Points).ThenBy(c => c.IndicatorId, StringComparer.Ordinal).FirstOrDefault();
        if (positive.Count > 0)
            parts.Add((positive.Count == 1 ? "The main contributor" : "The main contributors") + $" to its composite score of {ReportFormat.Fixed(s.Composite)} "
                      + (positive.Count == 1 ? "is " : "are ")
                      + Join(positive.Select(c => $"{c.Label} ({ReportFormat.Signed(c.Points)} points)").ToList()) + ".");
        else
            parts.Add($"Its composite score is {ReportFormat.Fixed(s.Composite)}.");
        if (negative is not null) parts.Add($"It is held back most by {negative.Label} ({ReportFormat.Signed(negative.Points)} points).");
        if (s.Flags.Count > 0) parts.Add("Caution: " + string.Join("; ", s.Flags) + ".");
        return string.Join(" ", parts);
    }

    public static string Specialisation(double lq, string benchmarkName) => lq switch
    {
        >= 2 => "strongly specialised",
        >= 1.25 => "specialised",
        >= 0.8 => "about as concentrated as " + benchmarkName,
        _ => "under-represented",
    };

    public static string Growth(double pp) => pp switch
    {
        > 0.5 => "growing faster than",
        < -0.5 => "growing more slowly than",
        _ => "growing in line with",
    };

    private static string QuadrantPhrase(ReportQuadrant q) => q switch
    {
        ReportQuadrant.Strength => "a current strength",
        ReportQuadrant.Emerging => "an emerging sector",
        ReportQuadrant.DecliningStrength => "a strength that is losing ground",
        ReportQuadrant.Underrepresented => "under-represented and not catching up",
        _ => "unclassified for want of data",
    };

    private static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
