using System.Globalization;
using System.Text;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Statistics;

namespace CompeteModel.Engine.Complexity;

/// <summary>
/// The full relatedness and complexity suite for one matrix or every year of a panel:
/// RCA and M, proximity, density, ECI/PCI by eigenvector (sign fixed by the chosen rule),
/// reflections, fitness–complexity, COI, COG, and per-year diagnostics. Formulas: METHODS.md.
/// </summary>
public static class ComplexityCalculator
{
    /// <summary>One cross-section, sign by the diversity rule (the panel rules need more than one year or an anchor).</summary>
    public static ComplexityYearResult Compute(ActivityMatrix x, ComplexityOptions options, string time = "")
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var result = ComputeRaw(x, options, time);
        Finish(result, options, SignRule.Diversity, double.NaN, double.NaN);
        return result;
    }

    /// <summary>
    /// Every year of a panel (computed in parallel, each independently), then the sign rule applied in
    /// time order. <paramref name="anchor"/> (location → value) is required for <see cref="SignRule.Anchor"/>;
    /// <paramref name="anchorSource"/> names it in error messages.
    /// </summary>
    public static IReadOnlyList<ComplexityYearResult> ComputePanel(
        IReadOnlyList<ComplexityYear> years, ComplexityOptions options,
        IReadOnlyDictionary<string, double>? anchor = null, string? anchorSource = null, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.Sign == SignRule.Anchor && anchor is null)
            throw new InputException("the anchor sign rule needs a table of location,value", anchorSource, field: "--anchor");
        var results = new ComplexityYearResult[years.Count];
        Parallel.For(0, years.Count, i =>
        {
            results[i] = ComputeRaw(years[i].Matrix, options, years[i].Time);
            progress?.Report(years[i].Time);
        });

        ComplexityYearResult? previous = null;
        double chain = double.NaN;
        foreach (var r in results)
        {
            double corrPrevious = double.NaN;
            double signCorrelation = double.NaN;
            switch (options.Sign)
            {
                case SignRule.Diversity:
                    break;
                case SignRule.PreviousYear:
                    if (previous is not null)
                    {
                        double c = CorrelationOnCommon(r, previous.Locations, previous.Eci);
                        if (c < 0) { r.Flip(); c = -c; }
                        corrPrevious = c;
                        chain = Math.Min(chain, double.IsNaN(c) ? 0 : c);
                    }
                    else chain = Math.Abs(Correlation.Pearson(r.Eci, r.Presence.Diversity));
                    signCorrelation = chain;
                    break;
                case SignRule.Anchor:
                    double a = AnchorCorrelation(r, anchor!, anchorSource);
                    if (a < 0) r.Flip();
                    signCorrelation = Math.Abs(a);
                    break;
            }
            if (options.Sign != SignRule.PreviousYear && previous is not null)
                corrPrevious = CorrelationOnCommon(r, previous.Locations, previous.Eci);
            Finish(r, options, options.Sign, corrPrevious, signCorrelation);
            previous = r;
        }
        return results;
    }

    private static double CorrelationOnCommon(ComplexityYearResult r, IReadOnlyList<string> otherLocations, double[] otherValues)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < otherLocations.Count; i++) index[otherLocations[i]] = i;
        var a = new List<double>();
        var b = new List<double>();
        for (int i = 0; i < r.Locations.Count; i++)
            if (index.TryGetValue(r.Locations[i], out var j)) { a.Add(r.Eci[i]); b.Add(otherValues[j]); }
        return Correlation.Pearson(a.ToArray(), b.ToArray());
    }

    private static double AnchorCorrelation(ComplexityYearResult r, IReadOnlyDictionary<string, double> anchor, string? source)
    {
        var a = new List<double>();
        var b = new List<double>();
        for (int i = 0; i < r.Locations.Count; i++)
            if (anchor.TryGetValue(r.Locations[i], out var v) && double.IsFinite(v)) { a.Add(r.Eci[i]); b.Add(v); }
        if (a.Count < 3)
            throw new InputException(
                $"the anchor gives values for {a.Count} of the {r.Locations.Count} locations of {Describe(r.Time)}; at least 3 are needed to fix the sign",
                source, field: "--anchor");
        double c = Correlation.Pearson(a.ToArray(), b.ToArray());
        if (double.IsNaN(c))
            throw new InputException($"the anchor values are constant over the locations of {Describe(r.Time)}; they cannot fix the sign", source, field: "--anchor");
        return c;
    }

    private static string Describe(string time) => time.Length == 0 ? "the data" : "period " + time;

    private static ComplexityYearResult ComputeRaw(ActivityMatrix x, ComplexityOptions o, string time)
    {
        int rows = x.LocationCount, cols = x.ProductCount;
        var rowTotal = new double[rows];
        var colTotal = new double[cols];
        for (int r = 0; r < rows; r++)
            for (int s = 0; s < cols; s++)
            {
                double v = x.Values[r * cols + s];
                rowTotal[r] += v;
                colTotal[s] += v;
            }
        var droppedLoc = new List<DroppedLabel>();
        var droppedProd = new List<DroppedLabel>();
        var keepR = new List<int>();
        var keepS = new List<int>();
        for (int r = 0; r < rows; r++) if (rowTotal[r] > 0) keepR.Add(r); else droppedLoc.Add(new(x.Locations[r], "zero total"));
        for (int s = 0; s < cols; s++) if (colTotal[s] > 0) keepS.Add(s); else droppedProd.Add(new(x.Products[s], "zero total"));

        var sub = Submatrix(x.Values, cols, keepR, keepS);
        var rca = new double[sub.Length];
        Rca.Balassa(sub, keepR.Count, keepS.Count, rca);
        var mcp = new byte[sub.Length];
        Rca.Presence(rca, o.RcaThreshold, mcp);

        // With a threshold above 1 a location or product can have no presence at all; ECI is undefined for it.
        var m0 = new PresenceMatrix(mcp, keepR.Count, keepS.Count);
        var keepR2 = new List<int>();
        var keepS2 = new List<int>();
        for (int r = 0; r < keepR.Count; r++)
            if (m0.Diversity[r] > 0) keepR2.Add(r); else droppedLoc.Add(new(x.Locations[keepR[r]], "no product with RCA ≥ threshold"));
        for (int s = 0; s < keepS.Count; s++)
            if (m0.Ubiquity[s] > 0) keepS2.Add(s); else droppedProd.Add(new(x.Products[keepS[s]], "no location with RCA ≥ threshold"));
        if (keepR2.Count < 2 || keepS2.Count < 2)
            throw new InputException($"{Describe(time)}: complexity needs at least 2 locations and 2 products with activity; found {keepR2.Count} and {keepS2.Count}");
        var m = m0;
        if (keepR2.Count != keepR.Count || keepS2.Count != keepS.Count)
        {
            rca = Submatrix(rca, keepS.Count, keepR2, keepS2);
            m = new PresenceMatrix(Submatrix(mcp, keepS.Count, keepR2, keepS2), keepR2.Count, keepS2.Count);
        }
        var locations = keepR2.Select(i => x.Locations[keepR[i]]).ToArray();
        var products = keepS2.Select(i => x.Products[keepS[i]]).ToArray();

        var phi = Proximity.Compute(m, o.Proximity);
        var density = Density.Compute(m, phi, o.Density);
        var eigen = ComplexityEigen.SecondEigenpair(m, o.EigenTolerance);
        var kp = (double[])eigen.Kp.Clone();
        var kc = new double[m.Rows];
        m.Multiply(kp, kc);
        for (int r = 0; r < kc.Length; r++) kc[r] /= m.Diversity[r];
        bool flipped = Correlation.Pearson(kc, m.Diversity) < 0;
        if (flipped)
        {
            for (int i = 0; i < kp.Length; i++) kp[i] = -kp[i];
            for (int i = 0; i < kc.Length; i++) kc[i] = -kc[i];
        }
        double mean = ComplexityStatistics.Mean(kc), sd = ComplexityStatistics.Sd(kc, o.Sd);
        var eci = new double[kc.Length];
        var pci = new double[kp.Length];
        for (int i = 0; i < eci.Length; i++) eci[i] = (kc[i] - mean) / sd;
        for (int i = 0; i < pci.Length; i++) pci[i] = (kp[i] - mean) / sd;
        var weight = new double[pci.Length];
        for (int i = 0; i < weight.Length; i++) weight[i] = pci[i] + mean / sd;
        var coi = Outlook.Coi(m, density, kp, o.Sd);
        var cog = Outlook.Cog(m, phi, weight);
        var refl = Reflections.Eci(m, o.ReflectionIterations);
        var (fit, comp, _, fitConverged) = FitnessComplexity.Compute(m, o.FitnessTolerance, o.FitnessMaxIterations);

        var result = new ComplexityYearResult(time, locations, products, droppedLoc, droppedProd, rca, m, phi, density, eigen,
            kc, kp, eci, pci, coi, cog, refl, fit, comp, fitConverged);
        result.MarkFlipped(flipped);
        return result;
    }

    private static T[] Submatrix<T>(T[] values, int cols, List<int> keepR, List<int> keepS)
    {
        var sub = new T[keepR.Count * keepS.Count];
        int k = 0;
        foreach (var r in keepR)
            foreach (var s in keepS) sub[k++] = values[r * cols + s];
        return sub;
    }

    private static void Finish(ComplexityYearResult r, ComplexityOptions o, SignRule rule, double corrPrevious, double signCorrelation)
    {
        var t = o.Reliability;
        var e = r.Eigen;
        double gap = e.Lambda3 > 0 ? e.Lambda2 / e.Lambda3 : double.NaN;
        double corrDiv = Correlation.Pearson(r.Eci, r.Presence.Diversity);
        double agreement = Math.Abs(Correlation.Spearman(r.Eci, r.ReflectionsEci));
        if (rule == SignRule.Diversity) signCorrelation = Math.Abs(corrDiv);
        var problems = new List<string>();
        var inv = CultureInfo.InvariantCulture;
        if (r.Products.Count < t.MinProducts)
            problems.Add(string.Format(inv, "only {0} products (fewer than {1}): the eigenvector and its sign are decided by a handful of sectors", r.Products.Count, t.MinProducts));
        if (e.Lambda2 > 1 - 1e-9)
            problems.Add("λ2 = 1: the location–product network falls apart into separate groups, so ECI only tells the groups apart");
        if (gap < t.MinEigengap)
            problems.Add(string.Format(inv, "eigengap λ2/λ3 = {0:0.###} (below {1}): the second and third eigenvectors nearly tie", gap, t.MinEigengap));
        if (!(signCorrelation >= t.MinSignCorrelation))
            problems.Add(string.Format(inv, "the sign rests on a correlation of only {0:0.###} (below {1}; {2}): the orientation of the ranking is not identified",
                signCorrelation, t.MinSignCorrelation, rule switch
                {
                    SignRule.Diversity => "|corr(ECI, diversity)|",
                    SignRule.Anchor => "|corr(ECI, anchor)|",
                    _ => "weakest of the first year's |corr(ECI, diversity)| and the year-to-year correlations",
                }));
        if (!(agreement >= t.MinReflectionsAgreement))
            problems.Add(string.Format(inv, "eigenvector and reflections rankings agree only at |Spearman| = {0:0.###} (below {1})", agreement, t.MinReflectionsAgreement));
        if (!e.Converged)
            problems.Add(string.Format(inv, "the eigenvalue solver did not reach its tolerance in {0} steps", e.Steps));
        var warning = new StringBuilder();
        if (problems.Count > 0)
            warning.Append("ECI for ").Append(Describe(r.Time)).Append(" is not reliable: ").Append(string.Join("; ", problems)).Append('.');
        r.Diagnostics = new ComplexityDiagnostics(r.Time, r.Locations.Count, r.Products.Count, e.Lambda2, e.Lambda3, gap, e.Converged,
            corrDiv, agreement, corrPrevious, signCorrelation, RuleName(rule), r.SignFlipped, problems.Count == 0, warning.ToString());
    }

    /// <summary>The command-line spelling of a sign rule.</summary>
    public static string RuleName(SignRule rule) => rule switch
    {
        SignRule.Diversity => "diversity",
        SignRule.PreviousYear => "previous-year",
        SignRule.Anchor => "anchor",
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };
}
