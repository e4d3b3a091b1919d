namespace CompeteModel.Engine.Reporting;

/// <summary>The report's charts; a <see cref="ProvenanceNote"/> says which charts its data feed.</summary>
[Flags]
public enum ChartKind
{
    None = 0,
    /// <summary>Specialisation (LQ) × growth vs benchmark, bubble size = employment.</summary>
    SpecialisationGrowth = 1,
    /// <summary>Relatedness density × product complexity (PCI).</summary>
    RelatednessComplexity = 2,
    /// <summary>Point rank and 5–95% rank band of the top sectors.</summary>
    RankBands = 4,
    /// <summary>Sectors × enabling technologies intensity.</summary>
    TechnologyHeatMap = 8,
    /// <summary>Small yearly employment and GVA series of the top sectors.</summary>
    Series = 16,
    All = SpecialisationGrowth | RelatednessComplexity | RankBands | TechnologyHeatMap | Series,
}
