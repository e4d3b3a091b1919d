using System.Globalization;

namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// The feasibility question in numbers: the national model run on the country, the city-region model on the city
/// region, how far their rankings agree over the shared units, how reliable each scale is, and notes in words.
/// A plain record: the run that fills it decides the units (e.g. NACE section groups via
/// <see cref="FeasibilityComparison.AggregateToGroups"/>), and may add notes (e.g. what micro data changed).
/// </summary>
public sealed record FeasibilityReport(FeasibilityScale National, FeasibilityScale CityRegion, FeasibilityAgreement Agreement, IReadOnlyList<string> Notes)
{
    /// <summary>
    /// Builds the report with notes derived from the numbers (agreement in words, complexity reliability at each
    /// scale, band widths, units ranked on one side only), followed by <paramref name="extraNotes"/>. The words for ρ
    /// are conventional cut-offs, not tests: ≥ 0.7 strong, ≥ 0.4 moderate, ≥ 0 weak, below 0 opposite.
    /// </summary>
    public static FeasibilityReport Create(FeasibilityScale national, FeasibilityScale cityRegion, FeasibilityAgreement agreement, IEnumerable<string>? extraNotes = null)
    {
        ArgumentNullException.ThrowIfNull(national);
        ArgumentNullException.ThrowIfNull(cityRegion);
        ArgumentNullException.ThrowIfNull(agreement);
        var inv = CultureInfo.InvariantCulture;
        var notes = new List<string>();
        var a = agreement;
        if (a.Common < 2) notes.Add(string.Format(inv, "the two rankings share {0} unit(s): no rank correlation can be computed", a.Common));
        else
        {
            var word = a.Spearman >= 0.7 ? "strongly" : a.Spearman >= 0.4 ? "moderately" : a.Spearman >= 0 ? "weakly" : "in opposite directions";
            notes.Add(string.Format(inv, "{0} and {1} rankings agree {2}: Spearman ρ = {3:0.###}, Kendall τ-b = {4:0.###} over {5} shared units; {6} of the top {7} are shared",
                national.Label, cityRegion.Label, word, a.Spearman, a.Kendall, a.Common, a.TopKOverlap, Math.Min(a.TopK, a.Common)));
        }
        foreach (var s in new[] { national, cityRegion })
        {
            if (s.Complexity is null) notes.Add(s.Label + ": no complexity calculation");
            else if (s.Complexity.Reliable) notes.Add(string.Format(inv, "{0}: complexity diagnostics pass ({1} products, eigengap {2:0.###}, sign correlation {3:0.###})",
                s.Label, s.Complexity.Products, s.Complexity.Eigengap, s.Complexity.SignCorrelation));
            else notes.Add(s.Label + ": " + s.Complexity.Warning);
            notes.Add(string.Format(inv, "{0}: {1} units ranked; mean 5–95% rank band {2:0.##} ranks ({3:0.#}% of the ranking); {4:0.#}% of indicator cells unreliable ({5})",
                s.Label, s.Units, s.MeanBandWidth, 100 * s.RelativeBandWidth, 100 * s.ShareUnreliableCells, s.UnreliableCellsRule));
        }
        if (a.OnlyNational.Count > 0) notes.Add("ranked nationally only (left out of the comparison): " + string.Join(", ", a.OnlyNational));
        if (a.OnlyCityRegion.Count > 0) notes.Add("ranked in the city region only (left out of the comparison): " + string.Join(", ", a.OnlyCityRegion));
        if (extraNotes is not null) notes.AddRange(extraNotes);
        return new FeasibilityReport(national, cityRegion, agreement, notes);
    }
}
