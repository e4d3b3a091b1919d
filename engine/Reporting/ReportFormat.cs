using System.Globalization;
using CompeteModel.Engine.Panels;

namespace CompeteModel.Engine.Reporting;

/// <summary>
/// The report's number formats — the only place numbers become text, so the report shows exactly the
/// model's numbers rounded by these rules. Rounding is of the exact binary value (2.675 is stored as
/// 2.67499… and prints 2.67); an exact half rounds to even (0.125 prints 0.12):
/// <list type="bullet">
/// <item>composite score, LQ, density, heat-map values: 2 decimals ("3.40");</item>
/// <item>growth vs benchmark, PCI, contributions: signed, 2 decimals ("+1.25", "-0.40");</item>
/// <item>employment: whole number with thousands separators ("41,000");</item>
/// <item>ranks and band ends: whole numbers; median rank: 1 decimal;</item>
/// <item>missing (NaN): "n/a".</item>
/// </list>
/// Minus is ASCII '-' so that copied numbers paste into a spreadsheet as numbers.
/// </summary>
public static class ReportFormat
{
    public const string Missing = "n/a";

    /// <summary>Fixed decimals, invariant culture.</summary>
    public static string Fixed(double v, int decimals = 2) =>
        double.IsNaN(v) || double.IsInfinity(v) ? Missing : Clean(v.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));

    /// <summary>Fixed decimals with an explicit sign for positive values.</summary>
    public static string Signed(double v, int decimals = 2)
    {
        var t = Fixed(v, decimals);
        return t == Missing || t.StartsWith('-') || IsZero(t) ? t : "+" + t;
    }

    /// <summary>Whole number with thousands separators.</summary>
    public static string Count(double v) =>
        double.IsNaN(v) || double.IsInfinity(v) ? Missing : Clean(v.ToString("N0", CultureInfo.InvariantCulture));

    public static string Int(int v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>"1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st".</summary>
    public static string Ordinal(int n)
    {
        var s = Int(n);
        int mod100 = n % 100;
        if (mod100 is 11 or 12 or 13) return s + "th";
        return (n % 10) switch { 1 => s + "st", 2 => s + "nd", 3 => s + "rd", _ => s + "th" };
    }

    /// <summary>"1–3", or "2" when the band is a single rank.</summary>
    public static string Band(int low, int high) => low == high ? Int(low) : Int(low) + "–" + Int(high);

    public static string Quadrant(ReportQuadrant q) => q switch
    {
        ReportQuadrant.Strength => "Strength",
        ReportQuadrant.Emerging => "Emerging",
        ReportQuadrant.DecliningStrength => "Declining strength",
        ReportQuadrant.Underrepresented => "Under-represented",
        _ => "Unclassified",
    };

    /// <summary>The words for a kind of data, as used in provenance lines.</summary>
    public static string ProvenanceKind(Provenance p) => p switch
    {
        Provenance.PublishedStatistics => "published statistics",
        Provenance.GeneratedMicroData => "generated firm-level data (synthetic firms calibrated to published totals, not real firms)",
        Provenance.UserMicroData => "firm-level data supplied by the user",
        _ => "a table supplied by the user",
    };

    /// <summary>"Source: Published statistics — BRES …. Generated firm-level data (…) — …." for one chart, from the notes that feed it.</summary>
    public static string ProvenanceLine(IReadOnlyList<ProvenanceNote> notes, ChartKind chart)
    {
        var feeding = notes.Where(n => (n.Feeds & chart) != 0).ToList();
        if (feeding.Count == 0) return "Source: not recorded.";
        var parts = feeding.GroupBy(n => n.Kind).OrderBy(g => g.Key)
            .Select(g => char.ToUpperInvariant(ProvenanceKind(g.Key)[0]) + ProvenanceKind(g.Key)[1..] + " — " + string.Join("; ", g.Select(n => n.Source)));
        return "Source: " + string.Join(". ", parts) + ".";
    }

    // "-0.00" is how .NET prints a small negative number rounded to zero; the report shows "0.00".
    private static string Clean(string t) => t.StartsWith('-') && IsZero(t) ? t[1..] : t;

    private static bool IsZero(string t)
    {
        foreach (var c in t) if (c is >= '1' and <= '9') return false;
        return true;
    }
}
