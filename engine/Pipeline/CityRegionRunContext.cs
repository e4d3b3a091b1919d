using CompeteModel.Engine.Complexity;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Indicators;
using CompeteModel.Engine.Ingest;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Scoring;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// The state one city-region run builds up step by step (<see cref="CityRegionRun"/>): the period and its alternative
/// choices of years, the panels (built once), eligibility, jumps, complexity per end year and its gate, technology
/// shares, the per-configuration indicator columns, and the scored spec. Each step reads what earlier steps left.
/// </summary>
internal sealed class CityRegionRunContext
{
    public CityRegionRunContext(UkData uk, CityRegionRunRequest req)
    {
        Uk = uk;
        Request = req;
        Region = req.Region;
        Benchmark = uk.Geography.GreatBritain;
        DeclaredSpec = req.Spec;
        Spec = req.Spec;
    }

    public UkData Uk { get; }
    public CityRegionRunRequest Request { get; }
    public Region Region { get; }
    public Region Benchmark { get; }

    /// <summary>The spec as given.</summary>
    public ModelSpec DeclaredSpec { get; }

    /// <summary>The spec as scored: run seed and draws, and without indicators whose evidence did not pass its check.</summary>
    public ModelSpec Spec { get; set; }

    public SectorLevel Level { get; set; }
    public int Seed { get; set; }

    /// <summary>The run's own choice of years, then the alternatives the Monte Carlo draws from (distinct).</summary>
    public List<YearConfig> Configs { get; } = [];
    public YearConfig Nominal => Configs[0];

    /// <summary>All years the panels hold (base year to end year).</summary>
    public int[] Years { get; set; } = [];

    public List<string> Notes { get; } = [];
    public List<string> Warnings { get; } = [];
    public List<RowAccount> Accounts { get; } = [];

    /// <summary>Region (row 0) and Great Britain (row 1) employment as the run measures it: firm data for the region when given, else BRES.</summary>
    public Panel Panel { get; set; } = null!;

    /// <summary>Region and Great Britain on published BRES, when the region is an ITL2 union (the size floor and the jump check read it).</summary>
    public Panel? Published { get; set; }

    public IReadOnlyList<Sector> Sectors => Panel.Sectors;

    /// <summary>The 40 GB ITL2 areas' BRES employment over the run's years (the jump check's and the Hoover check's reference), built on first use.</summary>
    public Panel Areas => _areas ??= Uk.BuildEmploymentPanel(Benchmark.Itl2Codes.Select(c => Uk.Geography.Resolve(c)).ToArray(), Level, Years);
    private Panel? _areas;

    /// <summary>Region and Great Britain GVA and jobs on the ONS GVA industries measuring each sector, and each sector's industry group (−1: none).</summary>
    public Panel? Productivity { get; set; }
    public int[] GroupOf { get; set; } = [];

    public FirmIndex? Firms { get; set; }
    public double[] FirmsPerSector { get; set; } = [];

    /// <summary>The indicator library's table per (end year, base year): lq, productivity and every other library indicator.</summary>
    public Dictionary<(int End, int Base), IndicatorTable> Library { get; } = [];

    /// <summary>Whether the library is read for indicators that run from the base year (else one table per end year, at the run's base year).</summary>
    public bool LibraryUsesBase { get; set; }

    /// <summary>The library table a choice of years reads.</summary>
    public (int End, int Base) LibraryKey(YearConfig c) => (c.End, LibraryUsesBase ? c.Base : Nominal.Base);

    /// <summary>The published library table of the run's own years when the region is an ITL2 union (feasibility compares with it).</summary>
    public IndicatorTable? PublishedLibrary { get; set; }

    /// <summary>Per sector: the years (indices into <see cref="Years"/>) of uncorroborated employment jumps.</summary>
    public int[][] Jumps { get; set; } = [];

    public SectorEligibility[] Eligibility { get; set; } = [];

    /// <summary>Complexity over the ITL2 reference per end year (anchored on productivity, density without the diagonal) and the region's row.</summary>
    public Dictionary<int, ComplexityYearResult> Complexity { get; } = [];
    public int ComplexityRow { get; set; } = -1;
    public ComplexityGateResult? Gate { get; set; }

    public IReadOnlyList<string> TechnologyIds { get; set; } = [];
    public Dictionary<string, double[]> TechnologyShares { get; } = new(StringComparer.Ordinal);
    public Table TechnologyTable { get; set; } = null!;
    public bool TechnologyScored { get; set; }

    /// <summary>The matrix columns (indicator ids) in order, and their provenance.</summary>
    public List<string> Columns { get; } = [];
    public Provenance[] ColumnProvenance { get; set; } = [];

    /// <summary>Per configuration (same order as <see cref="Configs"/>): every sector's value, lower and upper bound and reason per column.</summary>
    public List<RunColumns> Values { get; } = [];
}

/// <summary>One configuration's indicator values for every sector of the panel: [column][sector].</summary>
internal sealed class RunColumns(int columns, int sectors)
{
    public double[][] Value { get; } = Fill(columns, sectors);
    public double[][] Lower { get; } = Fill(columns, sectors);
    public double[][] Upper { get; } = Fill(columns, sectors);
    public UndefinedReason[][] Reason { get; } = Enumerable.Range(0, columns).Select(_ => new UndefinedReason[sectors]).ToArray();

    private static double[][] Fill(int columns, int sectors) => Enumerable.Range(0, columns).Select(_ =>
    {
        var a = new double[sectors];
        Array.Fill(a, double.NaN);
        return a;
    }).ToArray();
}
