using System.Globalization;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Ingest.Micro;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.Sectors;
using CompeteModel.Engine.Statistics;

namespace CompeteModel.Engine.Complexity;

/// <summary>
/// Compares the two reference geographies a city region's complexity can be read from: the GB ITL2 areas on
/// BRES employment (<see cref="UkComplexity"/>) and every GB district on firm-level employment
/// (<see cref="LadReferenceGeography"/>), for the city regions that are unions of ITL2 areas (on both sides
/// the region is one merged row). Per region: Spearman ρ of (a) PCI, (b) the region's density and (c) its
/// COG over the sectors common to both calculations, and (d) the region's ECI rank under each reference.
/// Spearman ρ = Pearson correlation of mid-ranks (<see cref="Correlation.Spearman(ReadOnlySpan{double}, ReadOnlySpan{double})"/>).
/// </summary>
public static class ReferenceAgreement
{
    /// <summary>The city regions that equal ITL2 areas or unions of them and are compared by default (issue 5).</summary>
    public static readonly IReadOnlyList<string> DefaultCityRegions = ["wmca", "gmca", "lcrca", "wyca", "symca"];

    /// <summary>
    /// Compares one region's values in two complexity results whose rows include the region's merged row,
    /// labelled <paramref name="regionId"/> on both sides.
    /// </summary>
    public static ReferenceAgreementRow CompareRegion(string regionId, ComplexityYearResult itl2Side, ComplexityYearResult ladSide)
    {
        ArgumentNullException.ThrowIfNull(itl2Side);
        ArgumentNullException.ThrowIfNull(ladSide);
        var a = RegionComplexityReport.FromResult(itl2Side, regionId, 0);
        var b = RegionComplexityReport.FromResult(ladSide, regionId, 0);
        int ra = itl2Side.LocationIndex(regionId), rb = ladSide.LocationIndex(regionId);
        int na = itl2Side.Products.Count, nb = ladSide.Products.Count;
        var colB = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int j = 0; j < nb; j++) colB[ladSide.Products[j]] = j;
        var pciA = new List<double>(); var pciB = new List<double>();
        var denA = new List<double>(); var denB = new List<double>();
        var cogA = new List<double>(); var cogB = new List<double>();
        for (int i = 0; i < na; i++)
        {
            if (!colB.TryGetValue(itl2Side.Products[i], out var j)) continue;
            pciA.Add(itl2Side.Pci[i]); pciB.Add(ladSide.Pci[j]);
            denA.Add(itl2Side.Density[ra * na + i]); denB.Add(ladSide.Density[rb * nb + j]);
            cogA.Add(itl2Side.Cog[ra * na + i]); cogB.Add(ladSide.Cog[rb * nb + j]);
        }
        return new ReferenceAgreementRow(regionId, pciA.Count, Rho(pciA, pciB), Rho(denA, denB), Rho(cogA, cogB),
            a.Rank, b.Rank, itl2Side.Locations.Count, ladSide.Locations.Count);
    }

    private static double Rho(List<double> x, List<double> y) =>
        x.Count < 2 ? double.NaN : Correlation.Spearman(x.ToArray(), y.ToArray());

    /// <summary>
    /// Compares the ITL2 reference (BRES) with the district reference (<paramref name="firms"/>) for each of
    /// <paramref name="cityRegions"/> in <paramref name="year"/> at <paramref name="level"/>. Both sides use the
    /// diversity sign rule (the productivity anchor exists only on the ITL2 side), whatever <paramref name="options"/>.Sign says.
    /// Throws an <see cref="InputException"/> for a region that is not a union of ITL2 areas.
    /// </summary>
    public static ReferenceAgreementReport Compare(UkData data, FirmTable firms, IReadOnlyList<Region> cityRegions, SectorLevel level, int year, ComplexityOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(firms);
        ArgumentNullException.ThrowIfNull(cityRegions);
        var opts = options with { Sign = SignRule.Diversity };
        var rows = new List<ReferenceAgreementRow>();
        var notes = new List<string>();
        int itl2Covered = -1;
        foreach (var region in cityRegions)
        {
            if (!region.IsItl2Union)
                throw new InputException($"region '{region.Name}' is not a union of whole ITL2 areas, so the ITL2 reference cannot hold it", field: "--region");
            var itl2 = UkComplexity.Compute(data, region, level, year, opts, false, 0);
            var lad = LadReferenceGeography.Build(firms, region, level, year);
            var ladResult = lad.Compute(opts);
            itl2Covered = lad.Itl2AreasWithFirms;
            var row = CompareRegion(region.Id, itl2.Report.Result, ladResult);
            rows.Add(row);
            if (!itl2.Diagnostics.Reliable) notes.Add($"{region.Id}: the ITL2 calculation is flagged unreliable: {itl2.Diagnostics.Warning}");
            if (!ladResult.Diagnostics.Reliable) notes.Add($"{region.Id}: the district calculation is flagged unreliable: {ladResult.Diagnostics.Warning}");
        }
        int gbItl2 = data.Geography.GreatBritain.Itl2Codes.Length;
        var inv = CultureInfo.InvariantCulture;
        notes.Insert(0, string.Create(inv, $"sectors: SIC {level.ToString().ToLowerInvariant()}, {year}; ρ over the sectors that entered both calculations (common_sectors); both sides use the diversity sign rule"));
        notes.Insert(1, "ITL2 side: the GB ITL2 areas on BRES employment (published, rounded); district side: every GB district with firms on the firm-level employment; on both sides the city region is one merged row");
        notes.Insert(2, "ECI ranks are among different numbers of rows (regions_itl2, regions_lad), so compare them as positions within their own reference");
        if (itl2Covered >= 0 && itl2Covered < gbItl2)
            notes.Insert(3, $"the firm-level data have firms in {itl2Covered} of the {gbItl2} GB ITL2 areas: the district reference does not cover Great Britain and the comparison is with a smaller reference");
        return new ReferenceAgreementReport(rows, notes);
    }

    /// <summary>The rows as a table: city_region, pci_spearman, density_spearman, cog_spearman, eci_rank_itl2, eci_rank_lad, regions_itl2, regions_lad, common_sectors.</summary>
    public static Table ToTable(IReadOnlyList<ReferenceAgreementRow> rows) => new(
    [
        TableColumn.Of("city_region", rows.Select(r => (string?)r.CityRegion).ToArray()),
        TableColumn.Of("pci_spearman", rows.Select(r => r.PciSpearman).ToArray()),
        TableColumn.Of("density_spearman", rows.Select(r => r.DensitySpearman).ToArray()),
        TableColumn.Of("cog_spearman", rows.Select(r => r.CogSpearman).ToArray()),
        TableColumn.Of("eci_rank_itl2", rows.Select(r => r.EciRankItl2).ToArray()),
        TableColumn.Of("eci_rank_lad", rows.Select(r => r.EciRankLad).ToArray()),
        TableColumn.Of("regions_itl2", rows.Select(r => r.RegionsItl2).ToArray()),
        TableColumn.Of("regions_lad", rows.Select(r => r.RegionsLad).ToArray()),
        TableColumn.Of("common_sectors", rows.Select(r => r.CommonSectors).ToArray()),
    ]);
}
