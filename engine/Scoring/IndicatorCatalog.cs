using CompeteModel.Engine.Indicators;
namespace CompeteModel.Engine.Scoring;

/// <summary>
/// The indicator ids a spec may use, with their meaning and family. A spec naming an id that is not here is rejected
/// (a typo such as "lq " or "pci_" would otherwise silently score nothing).
/// </summary>
public sealed class IndicatorCatalog
{
    private readonly Dictionary<string, IndicatorInfo> _byId;

    /// <summary>A catalog of the given indicators; ids must be unique.</summary>
    public IndicatorCatalog(IEnumerable<IndicatorInfo> indicators)
    {
        Indicators = indicators.ToArray();
        _byId = new Dictionary<string, IndicatorInfo>(StringComparer.Ordinal);
        foreach (var i in Indicators)
            if (!_byId.TryAdd(i.Id, i)) throw new ArgumentException("duplicate indicator id '" + i.Id + "'", nameof(indicators));
    }

    /// <summary>All indicators, in catalog order.</summary>
    public IReadOnlyList<IndicatorInfo> Indicators { get; }

    /// <summary>Whether <paramref name="id"/> is a known indicator.</summary>
    public bool Contains(string id) => _byId.ContainsKey(id);

    /// <summary>The indicator with this id, or null.</summary>
    public IndicatorInfo? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The ids in catalog order, comma separated (for error messages).</summary>
    public string IdList() => string.Join(", ", Indicators.Select(i => i.Id));

    /// <summary>The indicators CompeteModel computes (METHODS.md).</summary>
    public static IndicatorCatalog Standard { get; } = new IndicatorCatalog(
    [
        new(IndicatorIds.Lq, "location quotient (X[r,s]/X[r,·])/(B[s]/B[·]) on employment", IndicatorFamily.Specialisation),
        new("present", "binary presence: 1 where LQ/RCA ≥ the presence threshold", IndicatorFamily.Specialisation),
        new(IndicatorIds.Rca, "revealed comparative advantage (Balassa) on exports", IndicatorFamily.Specialisation),
        new("growth", "growth X1/X0 − 1 between base and target year", IndicatorFamily.Growth),
        new("cagr", "compound annual growth (X1/X0)^(1/(t1−t0)) − 1", IndicatorFamily.Growth),
        new(IndicatorIds.GrowthVsBenchmark, "sector growth in the region minus the sector's growth in the benchmark over the period (a difference of growth rates, as a fraction)", IndicatorFamily.Growth),
        new("ss_national", "shift-share national-share effect X0[s]·g_N", IndicatorFamily.Growth),
        new("ss_industry_mix", "shift-share industry-mix effect X0[s]·(g_N[s] − g_N)", IndicatorFamily.Growth),
        new("ss_regional", "shift-share regional (competitive) effect X0[s]·(g_r[s] − g_N[s])", IndicatorFamily.Growth),
        new("em_homothetic", "Esteban-Marquillas homothetic competitive effect", IndicatorFamily.Growth),
        new("em_allocation", "Esteban-Marquillas allocation effect", IndicatorFamily.Growth),
        new("ss_dynamic_national", "dynamic shift-share national effect, summed year on year", IndicatorFamily.Growth),
        new("ss_dynamic_industry_mix", "dynamic shift-share industry-mix effect, summed year on year", IndicatorFamily.Growth),
        new("ss_dynamic_regional", "dynamic shift-share regional effect, summed year on year", IndicatorFamily.Growth),
        new(IndicatorIds.ProductivityRelative, "GVA per job in the region's sector relative to the benchmark's (1 = same)", IndicatorFamily.Productivity),
        new(IndicatorIds.GrowthDifferential, "annualised employment growth between multi-year endpoints in the region minus the benchmark's (fraction per year)", IndicatorFamily.Growth),
        new(IndicatorIds.ProductivityGrowth, "annualised growth of real GVA per job between multi-year endpoints in the region's industry minus the benchmark's (fraction per year)", IndicatorFamily.Productivity),
        new("real_gva_growth", "real (chained-volume) GVA growth between base and target year", IndicatorFamily.Productivity),
        new(IndicatorIds.Density, "relatedness density: share of a sector's related capabilities already present", IndicatorFamily.Complexity),
        new(IndicatorIds.Pci, "product/sector complexity index (eigenvector method, py-ecomplexity conventions)", IndicatorFamily.Complexity),
        new("eci", "economic complexity index of the region", IndicatorFamily.Complexity),
        new(IndicatorIds.Cog, "complexity opportunity gain of entering the sector", IndicatorFamily.Complexity),
        new("coi", "complexity outlook index of the region", IndicatorFamily.Complexity),
        new(IndicatorIds.Fitness, "Fitness–Complexity (Tacchella et al. 2012) complexity of the sector", IndicatorFamily.Complexity),
        new(IndicatorIds.TechIntensity, "share of the sector's firms or jobs tagged with enabling technologies", IndicatorFamily.Technology),
        new(IndicatorIds.TechPresence, "binary presence of an enabling technology (specialisation ≥ threshold)", IndicatorFamily.Technology),
        new(IndicatorIds.TechGrowth, "growth of enabling-technology activity between base and target year", IndicatorFamily.Technology),
        new(IndicatorIds.TechRelatedness, "relatedness density of the sector to the region's enabling technologies", IndicatorFamily.Technology),
        new("public_demand_intensity", "public procurement spend in the sector per job", IndicatorFamily.Demand),
        new("employment", "employment in the sector (jobs)", IndicatorFamily.Size),
        new("firms", "number of firms (enterprises) in the sector", IndicatorFamily.Size),
    ]);
}
