using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Engine.Complexity;

/// <summary>
/// A UK region's relatedness and complexity read from the ITL2 reference geography (<see cref="UkComplexity.Compute"/>).
/// Per-sector arrays run over <see cref="Sectors"/> (every SIC sector of the level, in code order); a sector
/// left out of the calculation (no employment anywhere in GB, or no region specialised in it) is NaN / null
/// there, with its reason in <see cref="Report"/>.Result.DroppedProducts.
/// </summary>
public sealed class UkComplexityResult
{
    internal UkComplexityResult(Region region, SectorLevel level, int year, SignRule signRule, UkReferenceGeography reference,
        RegionComplexityReport report, IReadOnlyList<Sector> sectors, double[] density, double[] cog, double[] pci, double[] rca,
        bool?[] mcp, IReadOnlyDictionary<string, double>? productivity, double corrProductivity, IReadOnlyList<string> opportunityNames, string orientationWarning)
    {
        Region = region;
        Level = level;
        Year = year;
        SignRule = signRule;
        Reference = reference;
        Report = report;
        Sectors = sectors;
        Density = density;
        Cog = cog;
        Pci = pci;
        Rca = rca;
        Mcp = mcp;
        Productivity = productivity;
        CorrProductivity = corrProductivity;
        OpportunityNames = opportunityNames;
        OrientationWarning = orientationWarning;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int s = 0; s < sectors.Count; s++) _index[sectors[s].Code] = s;
    }

    private readonly Dictionary<string, int> _index;

    public Region Region { get; }
    public SectorLevel Level { get; }
    public int Year { get; }

    /// <summary>The rule that fixed the eigenvector's sign (anchor = productivity when asked).</summary>
    public SignRule SignRule { get; }

    /// <summary>The reference rows and their BRES matrices.</summary>
    public UkReferenceGeography Reference { get; }

    /// <summary>ECI, rank among the reference rows, COI, top opportunities, and the full calculation with its diagnostics.</summary>
    public RegionComplexityReport Report { get; }
    public ComplexityDiagnostics Diagnostics => Report.Diagnostics;

    /// <summary>Every sector of the level, in SIC code order.</summary>
    public IReadOnlyList<Sector> Sectors { get; }

    /// <summary>The region's relatedness density per sector, in [0,1].</summary>
    public double[] Density { get; }

    /// <summary>The region's complexity outlook gain per sector (0 where M = 1).</summary>
    public double[] Cog { get; }

    /// <summary>Product complexity per sector (on the ECI scale of the reference).</summary>
    public double[] Pci { get; }

    /// <summary>The region's Balassa RCA per sector against Great Britain (the sum of the reference rows).</summary>
    public double[] Rca { get; }

    /// <summary>The region's presence M (RCA ≥ threshold); null for a sector left out.</summary>
    public bool?[] Mcp { get; }

    /// <summary>GVA per job (£) of every reference row (<see cref="UkReferenceGeography.Productivity"/>); null when the GVA table lacks the year.</summary>
    public IReadOnlyDictionary<string, double>? Productivity { get; }

    /// <summary>Pearson correlation over the reference rows of the final ECI with productivity (NaN without productivity).</summary>
    public double CorrProductivity { get; }

    /// <summary>SIC names of <see cref="RegionComplexityReport.Opportunities"/>, in the same order.</summary>
    public IReadOnlyList<string> OpportunityNames { get; }

    /// <summary>
    /// Not empty when the diversity and productivity orientations clearly disagree: the final ECI correlates
    /// with one of them at r ≤ −<see cref="ReliabilityThresholds.MinSignCorrelation"/>. The diagnostics judge
    /// only the correlation the rule used; this says the other candidate anchor points the other way.
    /// </summary>
    public string OrientationWarning { get; }

    /// <summary>Position of a sector code in <see cref="Sectors"/>, or −1.</summary>
    public int SectorIndex(string code) => _index.TryGetValue(code, out var i) ? i : -1;
}
