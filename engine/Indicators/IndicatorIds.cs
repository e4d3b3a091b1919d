namespace CompeteModel.Engine.Indicators;

/// <summary>
/// The stable indicator ids of the long indicator table. Specs and users refer to them, so they never change.
/// Region-level results carry the sector <see cref="AllSectors"/>.
/// </summary>
public static class IndicatorIds
{
    public const string AllSectors = "*";

    public const string Lq = "lq";
    public const string Present = "present";
    public const string Growth = "growth";
    public const string Cagr = "cagr";
    public const string GrowthVsBenchmark = "growth_vs_benchmark";
    public const string SsNational = "ss_national";
    public const string SsIndustryMix = "ss_industry_mix";
    public const string SsRegional = "ss_regional";
    public const string EmHomothetic = "em_homothetic";
    public const string EmAllocation = "em_allocation";
    public const string SsDynamicNational = "ss_dynamic_national";
    public const string SsDynamicIndustryMix = "ss_dynamic_industry_mix";
    public const string SsDynamicRegional = "ss_dynamic_regional";
    public const string Krugman = "krugman";
    public const string SpecialisationCoefficient = "specialisation_coefficient";
    public const string Hoover = "hoover";
    public const string Herfindahl = "herfindahl";
    public const string HerfindahlNormalised = "herfindahl_normalised";
    public const string Entropy = "entropy";
    public const string Gini = "gini";
    public const string ProductivityRelative = "productivity_relative";
    public const string RealGvaGrowth = "real_gva_growth";

    /// <summary>City-region run: annualised employment growth between multi-year endpoints, region minus benchmark (<see cref="EndpointGrowth"/>).</summary>
    public const string GrowthDifferential = "growth_differential";

    /// <summary>City-region run: annualised growth of real GVA per job between multi-year endpoints, region minus benchmark.</summary>
    public const string ProductivityGrowth = "productivity_growth";

    /// <summary>Complexity: revealed comparative advantage (Balassa) on the reference geography.</summary>
    public const string Rca = "rca";

    /// <summary>Complexity: relatedness density of the sector to the region's capabilities.</summary>
    public const string Density = "density";

    /// <summary>Complexity: product (sector) complexity index.</summary>
    public const string Pci = "pci";

    /// <summary>Complexity: complexity opportunity gain of entering the sector.</summary>
    public const string Cog = "cog";

    /// <summary>Complexity: fitness of the fitness–complexity algorithm.</summary>
    public const string Fitness = "fitness";

    /// <summary>Technology: share of the sector's firms or jobs tagged with enabling technologies.</summary>
    public const string TechIntensity = "tech_intensity";

    /// <summary>Technology: binary presence of an enabling technology.</summary>
    public const string TechPresence = "tech_presence";

    /// <summary>Technology: location quotient of an enabling technology.</summary>
    public const string TechLq = "tech_lq";

    /// <summary>Technology: growth of enabling-technology activity.</summary>
    public const string TechGrowth = "tech_growth";

    /// <summary>Technology: relatedness density of the sector to the region's enabling technologies.</summary>
    public const string TechRelatedness = "tech_relatedness";

    /// <summary>All ids in the order the table lists them.</summary>
    public static IReadOnlyList<string> All { get; } = new[]
    {
        Lq, Present, Growth, Cagr, GrowthVsBenchmark, SsNational, SsIndustryMix, SsRegional, EmHomothetic, EmAllocation,
        SsDynamicNational, SsDynamicIndustryMix, SsDynamicRegional, Krugman, SpecialisationCoefficient, Hoover,
        Herfindahl, HerfindahlNormalised, Entropy, Gini, ProductivityRelative, RealGvaGrowth,
    };
}
