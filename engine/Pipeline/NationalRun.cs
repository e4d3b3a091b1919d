using System.Globalization;
using CompeteModel.Engine.Complexity;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Scoring;

namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// The national compete model on a long table of activity by country (or region) and product (or sector): the whole
/// table is the benchmark (RCA and the product space are measured against every location in it), the chosen
/// location's products are the units, and the spec scores them with its Monte Carlo bands.
/// Steps: <see cref="ComplexityInput"/> → one period's <see cref="ComplexityCalculator"/> result (RCA, M, density,
/// ECI/PCI with the chosen sign rule, COI, COG, Fitness–Complexity; METHODS.md) → an <see cref="IndicatorMatrix"/>
/// over every product of that period → <see cref="CompositeScorer.Score"/>, <see cref="CompositeScorer.ScoreWeightSets"/>
/// and <see cref="CompositeScorer.MonteCarlo"/>.
/// </summary>
public static class NationalRun
{
    /// <summary>
    /// The indicator columns a national run produces, in matrix order: rca (Balassa), present (M = 1 where RCA ≥ the
    /// spec's presence threshold), density, pci, cog and fitness (Tacchella product complexity). The location-level
    /// ECI and COI are in <see cref="NationalRunResult"/> (one value per location, not per product).
    /// </summary>
    public static IReadOnlyList<string> IndicatorIds { get; } = [Indicators.IndicatorIds.Rca, "present", Indicators.IndicatorIds.Density, Indicators.IndicatorIds.Pci, Indicators.IndicatorIds.Cog, Indicators.IndicatorIds.Fitness];

    /// <summary>
    /// Runs the national model for <paramref name="location"/>. Bad columns, an unknown location or period, or a
    /// location left out of the complexity calculation are <see cref="InputException"/>s; so is a spec that uses an
    /// indicator a national run cannot compute (the message lists <see cref="IndicatorIds"/>).
    /// </summary>
    public static NationalRunResult Execute(Table longTable, string locCol, string prodCol, string valCol, string location,
        ModelSpec spec, NationalRunOptions? options = null, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(longTable);
        ArgumentNullException.ThrowIfNull(spec);
        options ??= new NationalRunOptions();
        var file = longTable.SourceFile;
        foreach (var (col, what) in new[] { (locCol, "location"), (prodCol, "product"), (valCol, "value"), (options.TimeColumn, "time") })
            if (col is not null && !longTable.HasColumn(col))
                throw new InputException($"the table has no {what} column '{col}'; columns: {string.Join(", ", longTable.Columns.Select(c => c.Name))}", file, 1, col);
        if (string.IsNullOrWhiteSpace(location)) throw new InputException("no location given to score", file, field: locCol);
        location = location.Trim();
        spec = Override(spec, options);

        var input = ComplexityInput.FromTable(longTable, locCol, prodCol, valCol, options.TimeColumn);
        int chosen = ChoosePeriod(input, location, options, file, locCol);
        var period = input.Years[chosen];
        var complexityOptions = options.Complexity with { RcaThreshold = spec.Thresholds.Presence, Sign = options.Sign };
        var periods = options.Sign == SignRule.PreviousYear ? input.Years.Take(chosen + 1).ToArray() : [period];
        var result = ComplexityCalculator.ComputePanel(periods, complexityOptions, options.Anchor, options.AnchorSource)[^1];

        int r = result.LocationIndex(location);
        if (r < 0)
        {
            var dropped = result.DroppedLocations.FirstOrDefault(d => d.Label == location);
            throw new InputException($"location '{location}' was left out of the complexity calculation for {Describe(period.Time)}: {dropped?.Reason ?? "not in the data"}", file, field: locCol);
        }

        var source = options.Source ?? file ?? "input table";
        var (matrix, cellNotes) = BuildMatrix(period.Matrix, result, r, options);
        var score = CompositeScorer.Score(spec, matrix);
        var comparison = CompositeScorer.ScoreWeightSets(spec, matrix, options.Scoring);
        var monteCarlo = CompositeScorer.MonteCarlo(spec, matrix, null, options.Scoring, progress);

        int eciRank = 1;
        foreach (var e in result.Eci) if (e > result.Eci[r]) eciRank++;
        var notes = new List<string>();
        var inv = CultureInfo.InvariantCulture;
        notes.Add(string.Format(inv, "{0} scored as one of {1} locations × {2} products{3}; RCA, relatedness and complexity are measured against all locations in the table ({4})",
            location, result.Locations.Count, result.Products.Count, period.Time.Length > 0 ? " in period " + period.Time : "", source));
        notes.Add("input rows: " + input.Account.Summary());
        if (result.DroppedProducts.Count > 0)
            notes.Add(string.Format(inv, "{0} product(s) left out of the complexity calculation have no indicator values and are unscored ({1})",
                result.DroppedProducts.Count, string.Join(", ", result.DroppedProducts.Take(10).Select(d => d.Label + ": " + d.Reason)) + (result.DroppedProducts.Count > 10 ? ", ..." : "")));
        if (result.DroppedLocations.Count > 0)
            notes.Add(string.Format(inv, "{0} location(s) left out of the complexity calculation: {1}", result.DroppedLocations.Count,
                string.Join(", ", result.DroppedLocations.Take(10).Select(d => d.Label + ": " + d.Reason)) + (result.DroppedLocations.Count > 10 ? ", ..." : "")));
        var d = result.Diagnostics;
        notes.Add(string.Format(inv, "complexity sign fixed by the {0} rule (|correlation| {1:0.###}; eigengap λ2/λ3 = {2:0.###})", d.SignRule, d.SignCorrelation, d.Eigengap));
        if (options.Anchor is not null && options.Sign != SignRule.Anchor)
            notes.Add("an anchor was given but the sign rule is " + d.SignRule + ": the anchor was not used");
        if (!d.Reliable) notes.Add(d.Warning + " PCI, COG and the ECI rank of " + location + " inherit this.");
        notes.AddRange(score.Notes);
        notes.AddRange(monteCarlo.Notes);

        return new NationalRunResult(location, period.Time, source, prodCol, matrix, cellNotes, score, monteCarlo, comparison, result,
            result.Eci[r], eciRank, result.Coi[r], input.Account, notes);
    }

    private static ModelSpec Override(ModelSpec spec, NationalRunOptions o)
    {
        if (o.Draws is < 1) throw new ArgumentOutOfRangeException(nameof(o), "Draws must be at least 1");
        return spec with
        {
            Seed = o.Seed ?? spec.Seed,
            MonteCarlo = spec.MonteCarlo with { Draws = o.Draws ?? spec.MonteCarlo.Draws },
        };
    }

    private static int ChoosePeriod(ComplexityInput input, string location, NationalRunOptions o, string? file, string locCol)
    {
        var years = input.Years;
        if (o.Time is not null)
        {
            for (int i = 0; i < years.Count; i++) if (years[i].Time == o.Time.Trim()) return i;
            throw new InputException($"period '{o.Time}' is not in the table; periods: {string.Join(", ", years.Select(y => y.Time))}", file, field: o.TimeColumn);
        }
        for (int i = years.Count - 1; i >= 0; i--)
        {
            var m = years[i].Matrix;
            int li = IndexOf(m.Locations, location);
            if (li < 0) continue;
            double total = 0;
            for (int s = 0; s < m.ProductCount; s++) total += m[li, s];
            if (total > 0) return i;
        }
        var all = years.SelectMany(y => y.Matrix.Locations).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        throw new InputException(IndexOf(all, location) >= 0
            ? $"location '{location}' has no positive activity in any period"
            : $"location '{location}' is not in the table ({all.Length} locations, e.g. {string.Join(", ", all.Take(8))})", file, field: locCol);
    }

    private static int IndexOf(IReadOnlyList<string> labels, string label)
    {
        for (int i = 0; i < labels.Count; i++) if (string.Equals(labels[i], label, StringComparison.Ordinal)) return i;
        return -1;
    }

    /// <summary>Units = every product of the period's matrix (ordinal order); products the calculation dropped are NaN with the reason.</summary>
    private static (IndicatorMatrix Matrix, string?[] Notes) BuildMatrix(ActivityMatrix x, ComplexityYearResult c, int r, NationalRunOptions o)
    {
        var ids = IndicatorIds;
        int n = x.ProductCount, k = ids.Count, np = c.Products.Count;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int s = 0; s < np; s++) index[c.Products[s]] = s;
        var dropped = c.DroppedProducts.ToDictionary(p => p.Label, p => p.Reason, StringComparer.Ordinal);
        var values = new double[n * k];
        var notes = new string?[n * k];
        var names = new string[n];
        for (int u = 0; u < n; u++)
        {
            var code = x.Products[u];
            names[u] = o.ProductNames is not null && o.ProductNames.TryGetValue(code, out var name) ? name : code;
            var row = values.AsSpan(u * k, k);
            if (!index.TryGetValue(code, out int s))
            {
                row.Fill(double.NaN);
                var why = "left out of the complexity calculation: " + (dropped.GetValueOrDefault(code) ?? "not in the calculation");
                for (int j = 0; j < k; j++) notes[u * k + j] = why;
                continue;
            }
            int cell = r * np + s;
            row[0] = c.Rca[cell];
            row[1] = c.Presence[r, s] ? 1 : 0;
            row[2] = c.Density[cell];
            row[3] = c.Pci[s];
            row[4] = c.Cog[cell];
            row[5] = c.ProductComplexity[s];
        }
        var provenance = Enumerable.Repeat(o.Provenance, k).ToArray();
        return (new IndicatorMatrix(x.Products, ids, values, provenance, names), notes);
    }

    private static string Describe(string time) => time.Length == 0 ? "the data" : "period " + time;
}
