using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.Sectors;
using CompeteModel.Engine.Statistics;

namespace CompeteModel.Engine.Complexity;

/// <summary>
/// A UK city region's relatedness and complexity, computed over the 40 GB ITL2 areas × SIC sectors on
/// BRES employment (<see cref="UkReferenceGeography"/>) and read for the region.
/// </summary>
public static class UkComplexity
{
    /// <summary>
    /// Computes the reference calculation for <paramref name="year"/> and reads <paramref name="region"/>'s values.
    /// <para>Sign: with <paramref name="anchorOnProductivity"/> the ECI is oriented to correlate positively with
    /// GVA per job of the reference rows (<see cref="UkReferenceGeography.Productivity"/>), whatever
    /// <paramref name="options"/>.Sign says; otherwise <paramref name="options"/>.Sign is used: diversity, or
    /// previous-year over the BRES years from the first up to <paramref name="year"/>. <see cref="SignRule.Anchor"/>
    /// without <paramref name="anchorOnProductivity"/> is an error (no other anchor exists here).</para>
    /// The calculation is done once per call; the data's tables are read on first use and then cached by <paramref name="data"/>.
    /// </summary>
    public static UkComplexityResult Compute(UkData data, Region region, SectorLevel level, int year, ComplexityOptions options,
        bool anchorOnProductivity, int topOpportunities = 10)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(topOpportunities);
        var rule = anchorOnProductivity ? SignRule.Anchor : options.Sign;
        if (rule == SignRule.Anchor && !anchorOnProductivity)
            throw new InputException("the anchor sign rule on the UK reference geography uses productivity (GVA per job); ask for it with the productivity anchor", field: "--anchor-indicator");
        var bresYears = data.BresSubclasses.Years;
        if (!bresYears.Contains(year))
            throw new InputException($"year {year} is not in BRES employment (years {bresYears[0]}–{bresYears[^1]})", field: "--year");
        var years = rule == SignRule.PreviousYear ? bresYears.Where(y => y <= year).ToList() : new List<int> { year };

        var reference = UkReferenceGeography.Build(data, region, level, years);
        var gva = data.GvaItl2(false);
        var productivity = rule == SignRule.Anchor || gva.HasYear(year) ? reference.Productivity(data, year) : null;
        var results = ComplexityCalculator.ComputePanel(reference.Years, options with { Sign = rule }, productivity,
            "productivity: ONS regional GVA (current prices, Total) / BRES employment");
        var result = results[^1];
        var report = RegionComplexityReport.FromResult(result, region.Id, topOpportunities);

        var sectors = reference.Panel.Sectors;
        int S = sectors.Count, np = result.Products.Count, r = result.LocationIndex(region.Id);
        double[] density = Nan(S), cog = Nan(S), pci = Nan(S), rca = Nan(S);
        var mcp = new bool?[S];
        var col = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int s = 0; s < np; s++) col[result.Products[s]] = s;
        for (int s = 0; s < S; s++)
        {
            if (!col.TryGetValue(sectors[s].Code, out var j)) continue;
            density[s] = result.Density[r * np + j];
            cog[s] = result.Cog[r * np + j];
            pci[s] = result.Pci[j];
            rca[s] = result.Rca[r * np + j];
            mcp[s] = result.Presence[r, j];
        }

        double corr = double.NaN;
        if (productivity is not null)
        {
            var a = new List<double>();
            var b = new List<double>();
            for (int i = 0; i < result.Locations.Count; i++)
                if (productivity.TryGetValue(result.Locations[i], out var p) && double.IsFinite(p)) { a.Add(result.Eci[i]); b.Add(p); }
            corr = Correlation.Pearson(a.ToArray(), b.ToArray());
        }
        double min = options.Reliability.MinSignCorrelation;
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        string orientation = "";
        if (rule != SignRule.Anchor && corr <= -min)
            orientation = string.Format(inv, "ECI correlates negatively with productivity over the reference regions (r = {0:0.###}): this orientation ranks the most productive regions as the least complex; the productivity anchor orients it the other way.", corr);
        else if (rule == SignRule.Anchor && result.Diagnostics.CorrDiversity <= -min)
            orientation = string.Format(inv, "ECI correlates negatively with diversity over the reference regions (r = {0:0.###}): the diversity rule would orient it the other way.", result.Diagnostics.CorrDiversity);
        var names = report.Opportunities.Select(o => data.Sic.NameOf(level, o.Product)).ToArray();
        return new UkComplexityResult(region, level, year, rule, reference, report, sectors, density, cog, pci, rca, mcp,
            productivity, corr, names, orientation);
    }

    private static double[] Nan(int n)
    {
        var a = new double[n];
        Array.Fill(a, double.NaN);
        return a;
    }
}
