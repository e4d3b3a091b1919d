using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Engine.Ingest.Micro;

/// <summary>
/// Sums firm-level data into a region × sector × year <see cref="Panel"/>:
/// Employment[r,s,t] = Σ employment of the firms of year t in region r and sector s (with the number of
/// firms in <see cref="PanelMeasure.FirmCount"/>), Enterprises = that number of firms, Turnover = Σ turnover
/// (only when the data have turnover; a cell with a firm lacking turnover is unknown, NaN).
/// Micro data are a census of the firms given, so a cell with no firm in a year the data cover is 0;
/// a requested year the data do not cover is unknown (NaN). Values are exact: Lower = Upper = Value.
/// A firm belongs to every region whose districts include its district; a district straddling two ITL2
/// areas counts only towards the ITL2 area named in the firm's itl2 field.
/// </summary>
public static class MicroAggregator
{
    public static MicroPanel ToPanel(FirmTable firms, IReadOnlyList<Region> regions, SectorLevel level, IReadOnlyList<int>? years = null,
        IReadOnlyList<SectorBundle>? bundles = null, Provenance provenance = Provenance.UserMicroData, string source = "firm-level data")
    {
        var geo = firms.Geography;
        var sic = firms.Sic;
        var dataYears = DistinctYears(firms.Year);
        var panelYears = years ?? dataYears;
        var account = new RowAccount(source);

        // Sectors: the level's SIC sectors, then one sector per bundle.
        var levelSectors = sic.SectorsAt(level);
        var sectors = new List<Sector>(levelSectors);
        var bundleList = bundles ?? Array.Empty<SectorBundle>();
        foreach (var b in bundleList) sectors.Add(new Sector(b.Name, b.Name, null, IsBundle: true));
        var sectorIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < levelSectors.Count; i++) sectorIndex[levelSectors[i].Code] = i;
        var bundleSubs = bundleList.Select(b => new HashSet<int>(b.SubclassIndices(sic))).ToArray();

        // Subclass → sector indices (level sector first, then bundles containing it).
        var subSectors = new int[sic.Subclasses.Count][];
        for (int i = 0; i < subSectors.Length; i++)
            subSectors[i] = SectorsFor([i], sic.Subclasses[i].CodeAt(level));
        int[] SectorsFor(IReadOnlyList<int> subs, string levelCode)
        {
            var r = new List<int> { sectorIndex[levelCode] };
            for (int b = 0; b < bundleSubs.Length; b++)
                if (subs.All(bundleSubs[b].Contains)) r.Add(levelSectors.Count + b);
            return r.ToArray();
        }
        var coarse = new Dictionary<string, int[]?>(StringComparer.Ordinal);

        // District → regions (and, for straddling districts in an ITL2 region, the ITL2 the firm must name).
        var ladRegions = new List<(int Region, string? Itl2)>[geo.Lads.Count];
        var ladIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < geo.Lads.Count; i++) { ladIndex[geo.Lads[i].Code] = i; ladRegions[i] = new(); }
        for (int r = 0; r < regions.Count; r++)
            foreach (var code in regions[r].LadCodes)
                if (ladIndex.TryGetValue(code, out var li))
                {
                    var lad = geo.Lads[li];
                    string? need = lad.Straddles && regions[r].Kind == RegionKind.Itl2 ? regions[r].Code : null;
                    ladRegions[li].Add((r, need));
                }
        var ladR = ladRegions.Select(l => l.Select(x => x.Region).ToArray()).ToArray();
        var ladNeed = ladRegions.Select(l => l.Select(x => x.Itl2).ToArray()).ToArray();

        int R = regions.Count, S = sectors.Count, T = panelYears.Count, n = R * S * T;
        var yearIndex = new Dictionary<int, int>();
        for (int t = 0; t < T; t++) yearIndex[panelYears[t]] = t;
        var yearOf = new int[firms.Count == 0 ? 0 : dataYears[^1] - dataYears[0] + 1];
        Array.Fill(yearOf, -1);
        foreach (var y in dataYears) if (yearIndex.TryGetValue(y, out var t)) yearOf[y - dataYears[0]] = t;
        int y0 = firms.Count == 0 ? 0 : dataYears[0];

        var emp = new double[n];
        var ent = new double[n];
        var count = new int[n];
        bool hasTurnover = firms.HasTurnover;
        var turn = hasTurnover ? new double[n] : null;
        var turnMissing = hasTurnover ? new bool[n] : null;

        for (int i = 0; i < firms.Count; i++)
        {
            account.CountRead();
            int t = yearOf[firms.Year[i] - y0];
            if (t < 0)
            {
                account.Reject(source, i + 1, "year", MicroRejectReasons.YearNotInPanel, firms.Year[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
                continue;
            }
            int sub = firms.SubclassIndex[i];
            int[]? secs;
            if (sub >= 0) secs = subSectors[sub];
            else
            {
                var code = firms.SicCode[i];
                if (!coarse.TryGetValue(code, out secs))
                {
                    var lv = SicHierarchy.LevelOf(code);
                    var subs = sic.SubclassesUnder(code);
                    secs = lv is null || lv < level || subs.Count == 0 ? null : SectorsFor(subs, sic.Subclasses[subs[0]].CodeAt(level));
                    coarse[code] = secs;
                }
                if (secs is null)
                {
                    account.Reject(source, i + 1, "sic", MicroRejectReasons.SicCoarserThanLevel, code);
                    continue;
                }
            }
            account.CountUsed();
            int lad = firms.LadIndex[i];
            var rs = ladR[lad];
            var need = ladNeed[lad];
            double e = firms.Employment[i];
            double tv = hasTurnover ? firms.Turnover[i] : 0;
            for (int k = 0; k < rs.Length; k++)
            {
                if (need[k] is { } itl2 && !string.Equals(itl2, firms.Itl2[i], StringComparison.Ordinal)) continue;
                int baseIdx = (t * R + rs[k]) * S;
                foreach (var s in secs)
                {
                    int c = baseIdx + s;
                    emp[c] += e;
                    ent[c] += 1;
                    count[c]++;
                    if (turn is not null)
                    {
                        if (double.IsNaN(tv)) turnMissing![c] = true;
                        else turn[c] += tv;
                    }
                }
            }
        }
        account.Check();

        // Years without any firm in the data are unknown, not zero.
        var covered = new HashSet<int>(dataYears);
        for (int t = 0; t < T; t++)
        {
            if (covered.Contains(panelYears[t])) continue;
            Array.Fill(emp, double.NaN, t * R * S, R * S);
            Array.Fill(ent, double.NaN, t * R * S, R * S);
            if (turn is not null) Array.Fill(turn, double.NaN, t * R * S, R * S);
        }
        if (turn is not null)
            for (int c = 0; c < n; c++) if (turnMissing![c]) turn[c] = double.NaN;

        var measures = new List<PanelMeasure>
        {
            new(Measure.Employment, provenance, source + ": employment summed over firms", emp, (double[])emp.Clone(), (double[])emp.Clone(), count),
            new(Measure.Enterprises, provenance, source + ": number of firms", ent, (double[])ent.Clone(), (double[])ent.Clone()),
        };
        if (turn is not null)
            measures.Add(new(Measure.Turnover, provenance, source + ": turnover summed over firms (unknown where a firm lacks it)", turn, (double[])turn.Clone(), (double[])turn.Clone()));
        return new MicroPanel(new Panel(regions, sectors, panelYears, measures), account);
    }

    /// <summary>The distinct years, ascending, by one min/max pass and a flag per year (years are 1800–2199 after reading).</summary>
    private static List<int> DistinctYears(int[] year)
    {
        if (year.Length == 0) return [];
        int lo = int.MaxValue, hi = int.MinValue;
        foreach (var y in year)
        {
            if (y < lo) lo = y;
            if (y > hi) hi = y;
        }
        var seen = new bool[(long)hi - lo + 1];
        foreach (var y in year) seen[y - lo] = true;
        var r = new List<int>();
        for (int k = 0; k < seen.Length; k++) if (seen[k]) r.Add(lo + k);
        return r;
    }
}
