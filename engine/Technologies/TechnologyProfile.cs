using CompeteModel.Engine.IO;
using CompeteModel.Engine.Indicators;

namespace CompeteModel.Engine.Technologies;

/// <summary>
/// Technology measures of every region in the firm data for one year (built by <see cref="TechnologyProfileBuilder"/>).
/// Technologies are those of the input plus a last column <see cref="AnyId"/> (a firm with at least one
/// technology). Arrays are row-major: region × technology <c>[r*T + t]</c>, region × sector <c>[r*S + s]</c>,
/// region × sector × technology <c>[(r*S + s)*T + t]</c>, sector × technology <c>[s*T + t]</c>. Undefined is NaN.
/// Employment measures use firms with known employment only (<see cref="FirmsWithoutEmployment"/> counts the rest).
/// </summary>
public sealed class TechnologyProfile
{
    /// <summary>Id of the "any technology" column.</summary>
    public const string AnyId = "any";

    public required int Year { get; init; }
    public required int? BaseYear { get; init; }
    public required IReadOnlyList<string> RegionCodes { get; init; }
    public required IReadOnlyList<string> SectorCodes { get; init; }

    /// <summary>Technology ids, the last being <see cref="AnyId"/>.</summary>
    public required IReadOnlyList<string> TechnologyIds { get; init; }

    public int R => RegionCodes.Count;
    public int S => SectorCodes.Count;
    public int T => TechnologyIds.Count;

    /// <summary>Firms of the year with unknown (NaN) employment: in firm counts, not in employment measures.</summary>
    public required int FirmsWithoutEmployment { get; init; }

    // Region × technology.
    public required double[] Firms { get; init; }
    public required double[] Employment { get; init; }
    public required double[] TaggedFirms { get; init; }
    public required double[] TaggedEmployment { get; init; }
    /// <summary>Tagged firms / firms.</summary>
    public required double[] FirmShare { get; init; }
    /// <summary>Employment in tagged firms / employment.</summary>
    public required double[] EmploymentShare { get; init; }
    /// <summary>Employment LQ against all regions (<see cref="TechnologyMeasures.LocationQuotients"/>).</summary>
    public required double[] Lq { get; init; }
    public required double[] TaggedFirmsBase { get; init; }
    /// <summary>Compound annual growth of tagged firms from <see cref="BaseYear"/> to <see cref="Year"/>.</summary>
    public required double[] Growth { get; init; }
    /// <summary>Technology density of the region (<see cref="TechnologyMeasures.Density"/>).</summary>
    public required double[] Density { get; init; }
    public required double[] FirmShareLower { get; init; }
    public required double[] FirmShareUpper { get; init; }
    public required double[] EmploymentShareLower { get; init; }
    public required double[] EmploymentShareUpper { get; init; }
    public required double[] LqLower { get; init; }
    public required double[] LqUpper { get; init; }
    public required int Replicates { get; init; }

    // Region × sector.
    public required double[] CellFirms { get; init; }
    public required double[] CellEmployment { get; init; }
    /// <summary>Sector employment LQ of the region against all regions, from the firm data.</summary>
    public required double[] SectorLq { get; init; }
    /// <summary>SectorLq ≥ threshold.</summary>
    public required bool[] Specialised { get; init; }

    // Region × sector × technology.
    public required double[] CellTaggedFirms { get; init; }
    public required double[] CellTaggedEmployment { get; init; }
    /// <summary>Technology intensity: share of the sector's regional employment in tagged firms.</summary>
    public required double[] Intensity { get; init; }
    /// <summary>Intensity of the cell / intensity of the same sector and technology over all regions.</summary>
    public required double[] IntensityLq { get; init; }

    // Sector × technology, whole business base.
    public required double[] SectorFirms { get; init; }
    public required double[] TechnologyFirms { get; init; }
    public required double[] Cooccurrence { get; init; }
    public required double[] Association { get; init; }
    public required double[] Proximity { get; init; }

    public int RegionIndex(string code)
    {
        for (int r = 0; r < R; r++) if (string.Equals(RegionCodes[r], code, StringComparison.OrdinalIgnoreCase)) return r;
        return -1;
    }

    /// <summary>Indicator <c>tech_intensity</c> of sector s in region r for technology t (t = T−1: any technology).</summary>
    public double TechIntensity(int r, int s, int t) => Intensity[(r * S + s) * T + t];

    /// <summary>Indicator <c>tech_presence</c>: share of the region's employment in firms tagged t.</summary>
    public double TechPresence(int r, int t) => EmploymentShare[r * T + t];

    /// <summary>Indicator <c>tech_growth</c>: compound annual growth of the region's firms tagged t.</summary>
    public double TechGrowth(int r, int t) => Growth[r * T + t];

    /// <summary>Indicator <c>tech_relatedness</c>: density of the region's specialised sectors around t.</summary>
    public double TechRelatedness(int r, int t) => Density[r * T + t];

    /// <summary>One row per region × technology.</summary>
    public Table RegionTechnologyTable()
    {
        int n = R * T;
        var region = new string?[n];
        var tech = new string?[n];
        var firms = new double[n];
        var emp = new double[n];
        for (int r = 0; r < R; r++)
            for (int t = 0; t < T; t++)
            {
                int i = r * T + t;
                region[i] = RegionCodes[r];
                tech[i] = TechnologyIds[t];
                firms[i] = Firms[r];
                emp[i] = Employment[r];
            }
        return new Table(
        [
            TableColumn.Of("region", region), TableColumn.Of("technology", tech), TableColumn.Of("year", Enumerable.Repeat(Year, n).ToArray()),
            TableColumn.Of("firms", firms), TableColumn.Of("tagged_firms", TaggedFirms),
            TableColumn.Of("firm_share", FirmShare), TableColumn.Of("firm_share_lo", FirmShareLower), TableColumn.Of("firm_share_hi", FirmShareUpper),
            TableColumn.Of("employment", emp), TableColumn.Of("tagged_employment", TaggedEmployment),
            TableColumn.Of("employment_share", EmploymentShare), TableColumn.Of("employment_share_lo", EmploymentShareLower),
            TableColumn.Of("employment_share_hi", EmploymentShareUpper),
            TableColumn.Of("lq", Lq), TableColumn.Of("lq_lo", LqLower), TableColumn.Of("lq_hi", LqUpper),
            TableColumn.Of("tagged_firms_base", TaggedFirmsBase), TableColumn.Of("growth", Growth), TableColumn.Of("density", Density),
        ]);
    }

    /// <summary>One row per region × sector × technology, for the region × sector cells that have firms.</summary>
    public Table RegionSectorTechnologyTable(int? onlyRegion = null)
    {
        var rows = new List<int>();
        for (int r = 0; r < R; r++)
        {
            if (onlyRegion is { } o && o != r) continue;
            for (int s = 0; s < S; s++)
                if (CellFirms[r * S + s] > 0)
                    for (int t = 0; t < T; t++) rows.Add((r * S + s) * T + t);
        }
        int n = rows.Count;
        var region = new string?[n];
        var sector = new string?[n];
        var tech = new string?[n];
        var cols = new double[8][];
        for (int k = 0; k < cols.Length; k++) cols[k] = new double[n];
        for (int k = 0; k < n; k++)
        {
            int i = rows[k], cell = i / T, t = i % T, r = cell / S, s = cell % S;
            region[k] = RegionCodes[r];
            sector[k] = SectorCodes[s];
            tech[k] = TechnologyIds[t];
            cols[0][k] = CellFirms[cell];
            cols[1][k] = CellTaggedFirms[i];
            cols[2][k] = TechnologyMeasures.Share(CellTaggedFirms[i], CellFirms[cell]);
            cols[3][k] = CellEmployment[cell];
            cols[4][k] = CellTaggedEmployment[i];
            cols[5][k] = Intensity[i];
            cols[6][k] = IntensityLq[i];
            cols[7][k] = SectorLq[cell];
        }
        return new Table(
        [
            TableColumn.Of("region", region), TableColumn.Of("sector", sector), TableColumn.Of("technology", tech),
            TableColumn.Of("firms", cols[0]), TableColumn.Of("tagged_firms", cols[1]), TableColumn.Of("firm_share", cols[2]),
            TableColumn.Of("employment", cols[3]), TableColumn.Of("tagged_employment", cols[4]),
            TableColumn.Of("tech_intensity", cols[5]), TableColumn.Of("intensity_lq", cols[6]), TableColumn.Of("sector_lq", cols[7]),
        ]);
    }

    /// <summary>One row per sector × technology: the whole-base co-occurrence, association and proximity.</summary>
    public Table RelatednessTable()
    {
        int n = S * T;
        var sector = new string?[n];
        var tech = new string?[n];
        var ks = new double[n];
        var kt = new double[n];
        for (int s = 0; s < S; s++)
            for (int t = 0; t < T; t++)
            {
                int i = s * T + t;
                sector[i] = SectorCodes[s];
                tech[i] = TechnologyIds[t];
                ks[i] = SectorFirms[s];
                kt[i] = TechnologyFirms[t];
            }
        return new Table(
        [
            TableColumn.Of("sector", sector), TableColumn.Of("technology", tech), TableColumn.Of("sector_firms", ks),
            TableColumn.Of("technology_firms", kt), TableColumn.Of("cooccurrence", Cooccurrence),
            TableColumn.Of("association", Association), TableColumn.Of("proximity", Proximity),
        ]);
    }

    /// <summary>
    /// The model indicators of one region in long form (unit_kind, unit, technology, indicator, value):
    /// per sector <c>tech_intensity</c> (each technology and <c>any</c>); per technology <c>tech_presence</c>,
    /// <c>tech_lq</c>, <c>tech_growth</c>, <c>tech_relatedness</c>.
    /// </summary>
    public Table IndicatorTable(int r)
    {
        var kind = new List<string?>();
        var unit = new List<string?>();
        var tech = new List<string?>();
        var name = new List<string?>();
        var value = new List<double>();
        void Add(string k, string u, string t, string n, double v) { kind.Add(k); unit.Add(u); tech.Add(t); name.Add(n); value.Add(v); }
        for (int t = 0; t < T; t++)
        {
            Add("technology", TechnologyIds[t], TechnologyIds[t], IndicatorIds.TechPresence, TechPresence(r, t));
            Add("technology", TechnologyIds[t], TechnologyIds[t], IndicatorIds.TechLq, Lq[r * T + t]);
            Add("technology", TechnologyIds[t], TechnologyIds[t], IndicatorIds.TechGrowth, TechGrowth(r, t));
            Add("technology", TechnologyIds[t], TechnologyIds[t], IndicatorIds.TechRelatedness, TechRelatedness(r, t));
        }
        for (int s = 0; s < S; s++)
        {
            if (!(CellFirms[r * S + s] > 0)) continue;
            for (int t = 0; t < T; t++) Add("sector", SectorCodes[s], TechnologyIds[t], IndicatorIds.TechIntensity, TechIntensity(r, s, t));
        }
        return new Table(
        [
            TableColumn.Of("unit_kind", kind.ToArray()), TableColumn.Of("unit", unit.ToArray()), TableColumn.Of("technology", tech.ToArray()),
            TableColumn.Of("indicator", name.ToArray()), TableColumn.Of("value", value.ToArray()),
        ]);
    }
}
