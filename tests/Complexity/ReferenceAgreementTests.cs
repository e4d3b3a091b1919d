using CompeteModel.Cli;
using CompeteModel.Engine.Complexity;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Ingest.Micro;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Tests.Complexity;

/// <summary>
/// <see cref="LadReferenceGeography"/> and <see cref="ReferenceAgreement.CompareRegion"/> on small hand-made
/// firm tables placed in real districts: WMCA (TLG3, 7 districts) and three neighbouring ITL2 areas
/// (TLG1, TLG2, TLF1), 6 SIC divisions. The ITL2 side is built from the same firms summed to ITL2 areas,
/// so any disagreement comes from the district split alone.
/// </summary>
[Collection("Console")]
public class ReferenceAgreementTests
{
    private static readonly Lazy<UkData> Uk = new(() => UkData.Load(TestData.Datasets));
    private static GeographyModel Geo => Uk.Value.Geography;
    private static SicHierarchy Sic => Uk.Value.Sic;

    private static readonly string[] Divisions = ["10", "25", "29", "62", "64", "86"];
    private static readonly string[] OtherAreas = ["TLG1", "TLG2", "TLF1"];

    /// <summary>Employment per division (in <see cref="Divisions"/> order) of WMCA and of each other area (an area total).</summary>
    private static readonly double[] Wmca = [100, 300, 400, 50, 120, 200];
    private static readonly double[][] Areas =
    [
        [300, 200, 100, 10, 40, 250],   // TLG1
        [250, 150, 50, 20, 30, 300],    // TLG2
        [50, 40, 20, 400, 300, 150],    // TLF1
    ];

    private static Region WmcaRegion => Geo.Resolve("WMCA");

    private static IReadOnlyList<Lad> LadsOf(string itl2) =>
        Geo.Lads.Where(l => l.Itl2Codes.Length == 1 && l.Itl2Codes[0] == itl2 && Geo.GreatBritain.LadCodes.Contains(l.Code))
            .OrderBy(l => l.Code, StringComparer.Ordinal).ToList();

    /// <summary>One firm per (district, division) cell with positive employment.</summary>
    private static FirmTable Firms(IEnumerable<(string Lad, string Division, double Employment)> cells, int year = 2021)
    {
        var list = cells.Where(c => c.Employment > 0).ToList();
        int n = list.Count;
        var ladIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Geo.Lads.Count; i++) ladIndex[Geo.Lads[i].Code] = i;
        var sub = Divisions.ToDictionary(d => d, d => Sic.SubclassesUnder(d)[0], StringComparer.Ordinal);
        return new FirmTable(Geo, Sic,
            Enumerable.Range(1, n).Select(i => (long)i).ToArray(),
            Enumerable.Repeat(year, n).ToArray(),
            list.Select(c => ladIndex[c.Lad]).ToArray(),
            list.Select(c => Sic.Subclasses[sub[c.Division]].Code).ToArray(),
            list.Select(c => sub[c.Division]).ToArray(),
            list.Select(c => c.Employment).ToArray(),
            Enumerable.Repeat(double.NaN, n).ToArray(),
            new int[n], new string?[n], new string?[n], new string?[n]);
    }

    /// <summary>
    /// WMCA's employment spread unevenly over its 7 districts (each district a different mix: district k gets
    /// a share (k+1)/28 of division d when (d+k) is even, otherwise the rest goes to its first district), which the
    /// merged row must undo. Each other area as <paramref name="split"/> places it.
    /// </summary>
    private static List<(string, string, double)> Cells(Func<int, IReadOnlyList<Lad>, IEnumerable<(string, string, double)>> split)
    {
        var cells = new List<(string, string, double)>();
        var wm = LadsOf("TLG3");
        for (int d = 0; d < Divisions.Length; d++)
        {
            double rest = Wmca[d];
            for (int k = 1; k < wm.Count; k++)
            {
                if ((d + k) % 2 != 0) continue;
                double v = Wmca[d] * (k + 1) / 28.0;
                cells.Add((wm[k].Code, Divisions[d], v));
                rest -= v;
            }
            cells.Add((wm[0].Code, Divisions[d], rest));
        }
        for (int a = 0; a < OtherAreas.Length; a++) cells.AddRange(split(a, LadsOf(OtherAreas[a])));
        return cells;
    }

    /// <summary>The ITL2 side from the same firms: WMCA and the other areas, rows in the order of <paramref name="order"/>'s district rows.</summary>
    private static ComplexityYearResult Itl2Side(FirmTable firms, ComplexityYearResult order)
    {
        var itl2 = Geo.OfKind(RegionKind.Itl2).ToDictionary(r => r.Code, StringComparer.Ordinal);
        var rows = new List<Region>();
        foreach (var label in order.Locations)
        {
            var r = label == WmcaRegion.Id ? WmcaRegion : itl2[Geo.Lads.First(l => l.Code == label).Itl2Codes[0]];
            if (!rows.Contains(r)) rows.Add(r);
        }
        var panel = MicroAggregator.ToPanel(firms, rows, SectorLevel.Division, [2021]).Panel;
        var x = panel.Slice(Engine.Panels.Measure.Employment, 0).ToArray();
        var m = new ActivityMatrix(rows.Select(r => r.Id).ToArray(), panel.Sectors.Select(s => s.Code).ToArray(), x);
        return ComplexityCalculator.Compute(m, new ComplexityOptions(), "2021");
    }

    [Fact]
    public void MergedDistrictRowEqualsTheCityRegionTotals()
    {
        var firms = Firms(Cells((a, lads) => Divisions.Select((d, j) => (lads[0].Code, d, Areas[a][j]))));
        var lad = LadReferenceGeography.Build(firms, WmcaRegion, SectorLevel.Division, 2021);
        Assert.Equal(WmcaRegion.Id, lad.Regions[lad.RegionRow].Id);
        // No WMCA district is a row of its own: the 7 are one row.
        Assert.DoesNotContain(lad.Regions, r => WmcaRegion.LadCodes.Contains(r.Code) && r.Kind == RegionKind.Lad);
        int S = lad.Matrix.ProductCount;
        for (int d = 0; d < Divisions.Length; d++)
        {
            int s = lad.Matrix.Products.ToList().IndexOf(Divisions[d]);
            Assert.Equal(Wmca[d], lad.Matrix[lad.RegionRow, s], 9);
        }
        Assert.Equal(4, lad.Itl2AreasWithFirms);
        Assert.Equal(firms.Count, lad.Account.Used);
        Assert.True(S >= Divisions.Length);
    }

    /// <summary>
    /// Each other area's firms all sit in one district (its first in code order), so after the empty districts
    /// are left out (zero total) the district matrix is the ITL2 matrix with district labels, and the WMCA row
    /// is merged on both sides: every comparison must agree exactly (ρ = 1, same rank among the same 4 rows).
    /// (Spreading each area's firms over all its districts in the same mix is NOT an exact case: the district
    /// side then counts an area once per district in ubiquity and proximity, while WMCA counts once.)
    /// </summary>
    [Fact]
    public void OneDistrictPerAreaAgreesExactly()
    {
        var firms = Firms(Cells((a, lads) => Divisions.Select((d, j) => (lads[0].Code, d, Areas[a][j]))));
        var ladSide = LadReferenceGeography.Build(firms, WmcaRegion, SectorLevel.Division, 2021).Compute(new ComplexityOptions());
        var itl2Side = Itl2Side(firms, ladSide);
        var row = ReferenceAgreement.CompareRegion(WmcaRegion.Id, itl2Side, ladSide);
        Assert.Equal(4, row.RegionsLad);
        Assert.Equal(4, row.RegionsItl2);
        Assert.Equal(Divisions.Length, row.CommonSectors);
        Assert.Equal(1.0, row.PciSpearman, 12);
        Assert.Equal(1.0, row.DensitySpearman, 12);
        Assert.Equal(1.0, row.CogSpearman, 12);
        Assert.Equal(row.EciRankItl2, row.EciRankLad);
    }

    /// <summary>
    /// The same area totals, but inside each other area every district holds one division only (district k of
    /// the area takes division k mod 6), so the district side has many specialised rows where the ITL2 side has
    /// 3 diversified ones: ubiquities, proximities and hence PCI and WMCA's density differ, and the ITL2 side
    /// (built from the same area totals) is unchanged.
    /// </summary>
    [Fact]
    public void SpecialisedDistrictsDisagree()
    {
        var firms = Firms(Cells((a, lads) => Divisions.SelectMany((d, j) =>
        {
            var mine = Enumerable.Range(0, lads.Count).Where(k => k % Divisions.Length == j).ToList();
            return mine.Select(k => (lads[k].Code, d, Areas[a][j] / mine.Count));
        })));
        foreach (var a in OtherAreas) Assert.True(LadsOf(a).Count >= Divisions.Length, $"{a} needs ≥ 6 districts for this test");
        var ladSide = LadReferenceGeography.Build(firms, WmcaRegion, SectorLevel.Division, 2021).Compute(new ComplexityOptions());
        var itl2Side = Itl2Side(firms, ladSide);
        var row = ReferenceAgreement.CompareRegion(WmcaRegion.Id, itl2Side, ladSide);
        Assert.Equal(4, row.RegionsItl2);
        // Every district of the 3 areas holds one division, so each is a row; WMCA is one more.
        Assert.Equal(1 + OtherAreas.Sum(a => LadsOf(a).Count), row.RegionsLad);
        Assert.True(row.PciSpearman < 1 - 1e-9, $"pci ρ {row.PciSpearman}");
        Assert.True(row.DensitySpearman < 1 - 1e-9, $"density ρ {row.DensitySpearman}");
        Assert.InRange(row.PciSpearman, -1, 1);
        Assert.InRange(row.DensitySpearman, -1, 1);
    }

    [Fact]
    public void AYearWithoutFirmsIsAnInputError()
    {
        var firms = Firms(Cells((a, lads) => Divisions.Select((d, j) => (lads[0].Code, d, Areas[a][j]))));
        var e = Assert.Throws<InputException>(() => LadReferenceGeography.Build(firms, WmcaRegion, SectorLevel.Division, 2019));
        Assert.Contains("2019", e.Message);
    }

    /// <summary>Firms only in WMCA's districts (like the shipped WMCA file) leave nothing to compare WMCA with.</summary>
    [Fact]
    public void FirmsOnlyInTheCityRegionAreAnInputError()
    {
        var firms = Firms(Cells((a, lads) => []));
        var e = Assert.Throws<InputException>(() => LadReferenceGeography.Build(firms, WmcaRegion, SectorLevel.Division, 2021));
        Assert.Contains("1 of 40 GB ITL2 areas", e.Message);
    }

    [Fact]
    public void TableHasTheDocumentedColumns()
    {
        var t = ReferenceAgreement.ToTable([new ReferenceAgreementRow("wmca", 6, 1, 0.5, 0.25, 3, 40, 36, 300)]);
        Assert.Equal(["city_region", "pci_spearman", "density_spearman", "cog_spearman", "eci_rank_itl2", "eci_rank_lad", "regions_itl2", "regions_lad", "common_sectors"],
            t.Columns.Select(c => c.Name).ToArray());
    }

    private static (int Code, string Out, string Err) Run(params string[] args) => CliCapture.Run(args);

    /// <summary>
    /// The CLI on the one-district-per-area firm file against the real BRES ITL2 reference: the agreement table has
    /// WMCA's row with the 4 district-side rows that have firms, and both commands say on stderr that generated
    /// firm data carry no district information; --reference lad without --firms is a usage error.
    /// </summary>
    [Fact]
    public void CommandsWriteTheAgreementAndTheDistrictReport()
    {
        var dir = Path.Combine(Path.GetTempPath(), "compete-refagr-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            var firmsFile = Path.Combine(dir, "firms.csv");
            TableFiles.Write(Firms(Cells((a, lads) => Divisions.Select((d, j) => (lads[0].Code, d, Areas[a][j])))).ToTable(), firmsFile);
            var outFile = Path.Combine(dir, "agreement.csv");
            var (code, _, err) = Run("complexity", "--reference-agreement", "--region", "wmca", "--firms", firmsFile, "--level", "division", "--year", "2021", "--out", outFile);
            Assert.True(code == 0, err);
            Assert.Contains("uniformly at random", err);
            Assert.Contains("firms in 4 of the", err);
            var t = TableFiles.Read(outFile);
            Assert.Equal(1, t.RowCount);
            Assert.Equal("wmca", ((string?[])t.Column("city_region").Data)[0]);
            Assert.Equal("4", ((string?[])t.Column("regions_lad").Data)[0]);

            var (code2, stdout2, err2) = Run("complexity", "--region", "wmca", "--reference", "lad", "--firms", firmsFile, "--level", "division", "--year", "2021", "--top", "3");
            Assert.True(code2 == 0, err2);
            Assert.Contains("uniformly at random", err2);
            Assert.Contains("rank ", stdout2);
            Assert.Contains("of 4 reference locations", stdout2);

            Assert.Equal(2, Run("complexity", "--region", "wmca", "--reference", "lad", "--level", "division").Code);
        }
        finally { Directory.Delete(dir, true); }
    }
}
