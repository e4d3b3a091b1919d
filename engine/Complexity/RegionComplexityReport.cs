using CompeteModel.Engine.Errors;

namespace CompeteModel.Engine.Complexity;

/// <summary>
/// A city region's complexity read from a wide reference geography: a single region's row cannot
/// define relatedness or complexity, so the whole reference matrix (e.g. 40 ITL2 regions × SIC
/// subclasses) is computed and the region's values are read from it.
/// </summary>
public sealed class RegionComplexityReport
{
    private RegionComplexityReport(string region, double eci, int rank, int regionCount, double coi,
        IReadOnlyList<OpportunitySector> opportunities, ComplexityYearResult result)
    {
        Region = region;
        Eci = eci;
        Rank = rank;
        RegionCount = regionCount;
        Coi = coi;
        Opportunities = opportunities;
        Result = result;
    }

    public string Region { get; }
    public double Eci { get; }

    /// <summary>1 = most complex; ties share the better rank.</summary>
    public int Rank { get; }
    public int RegionCount { get; }
    public double Coi { get; }

    /// <summary>The highest-COG products where the region has M = 0, best first (ties by product label).</summary>
    public IReadOnlyList<OpportunitySector> Opportunities { get; }

    /// <summary>The full reference calculation, with its diagnostics.</summary>
    public ComplexityYearResult Result { get; }
    public ComplexityDiagnostics Diagnostics => Result.Diagnostics;

    /// <summary>Computes the reference matrix and reads <paramref name="region"/>'s values.</summary>
    public static RegionComplexityReport Build(ActivityMatrix reference, string region, ComplexityOptions options, int topOpportunities = 10, string time = "")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(topOpportunities);
        return FromResult(ComplexityCalculator.Compute(reference, options, time), region, topOpportunities);
    }

    /// <summary>Reads <paramref name="region"/>'s values from an existing result (e.g. one year of an aligned panel).</summary>
    public static RegionComplexityReport FromResult(ComplexityYearResult result, string region, int topOpportunities = 10)
    {
        int r = result.LocationIndex(region);
        if (r < 0)
        {
            var dropped = result.DroppedLocations.FirstOrDefault(d => d.Label == region);
            throw new InputException(dropped is not null
                ? $"region '{region}' was left out of the reference calculation: {dropped.Reason}"
                : $"region '{region}' is not in the reference geography ({result.Locations.Count} regions, e.g. {string.Join(", ", result.Locations.Take(5))})");
        }
        double eci = result.Eci[r];
        int rank = 1;
        foreach (var e in result.Eci) if (e > eci) rank++;
        int np = result.Products.Count;
        var candidates = new List<OpportunitySector>();
        for (int s = 0; s < np; s++)
            if (!result.Presence[r, s])
                candidates.Add(new OpportunitySector(result.Products[s], result.Cog[r * np + s], result.Density[r * np + s], result.Pci[s], result.Rca[r * np + s]));
        var top = candidates
            .OrderByDescending(c => c.Cog)
            .ThenBy(c => c.Product, StringComparer.Ordinal)
            .Take(topOpportunities)
            .ToArray();
        return new RegionComplexityReport(region, eci, rank, result.Locations.Count, result.Coi[r], top, result);
    }
}
