using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Indicators;
using CompeteModel.Engine.Ingest.Micro;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// The firms of one region, indexed once per run: for each firm its sector position on a panel's sector axis
/// (−1 when its SIC code is coarser than the level or not in the panel), and the firms of each year.
/// </summary>
public sealed class FirmIndex
{
    private readonly Dictionary<int, int[]> _byYear;

    private FirmIndex(FirmTable firms, int[] sectorOf, Dictionary<int, int[]> byYear)
    {
        Firms = firms;
        SectorOf = sectorOf;
        _byYear = byYear;
    }

    public FirmTable Firms { get; }

    /// <summary>Sector position of firm i (all firms of the table), −1 when it has none at the level.</summary>
    public int[] SectorOf { get; }

    public static FirmIndex Build(FirmTable firms, Region region, SectorLevel level, Panel panel)
    {
        var inRegion = new bool[firms.Geography.Lads.Count];
        var ladPos = firms.Geography.Lads.Select((l, i) => (l.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.OrdinalIgnoreCase);
        foreach (var c in region.LadCodes) if (ladPos.TryGetValue(c, out var i)) inRegion[i] = true;
        var sectorOf = new int[firms.Count];
        var byYear = new Dictionary<int, List<int>>();
        var cache = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int f = 0; f < firms.Count; f++)
        {
            sectorOf[f] = -1;
            if (!inRegion[firms.LadIndex[f]]) continue;
            var code = SectorCode(firms, f, level);
            if (code is null) continue;
            if (!cache.TryGetValue(code, out var s)) cache[code] = s = panel.TrySectorIndex(code, out var p) ? p : -1;
            sectorOf[f] = s;
            if (s < 0) continue;
            if (!byYear.TryGetValue(firms.Year[f], out var list)) byYear[firms.Year[f]] = list = new List<int>();
            list.Add(f);
        }
        return new FirmIndex(firms, sectorOf, byYear.ToDictionary(k => k.Key, k => k.Value.ToArray()));
    }

    /// <summary>The firm's code at <paramref name="level"/>, or null when its SIC code is coarser than the level.</summary>
    public static string? SectorCode(FirmTable firms, int f, SectorLevel level)
    {
        int sub = firms.SubclassIndex[f];
        if (sub >= 0) return firms.Sic.Subclasses[sub].CodeAt(level);
        var code = firms.SicCode[f];
        int need = level switch { SectorLevel.Division => 2, SectorLevel.Group => 3, SectorLevel.Class => 4, _ => 99 };
        if (level == SectorLevel.Section)
        {
            var under = firms.Sic.SubclassesUnder(code);
            return under.Count > 0 ? firms.Sic.Subclasses[under[0]].Section : null;
        }
        return code.Length >= need ? code[..need] : null;
    }

    /// <summary>Indices of the region's firms (with a sector at the level) in <paramref name="year"/>.</summary>
    public int[] FirmsOf(int year) => _byYear.TryGetValue(year, out var a) ? a : Array.Empty<int>();

    public int Count(int year) => FirmsOf(year).Length;

    /// <summary>The firms of a year as a bootstrap sample on the panel's axes (region row 0).</summary>
    public FirmSample Sample(int year)
    {
        var fs = FirmsOf(year);
        return new FirmSample(new int[fs.Length], fs.Select(f => SectorOf[f]).ToArray(),
            fs.Select(f => double.IsNaN(Firms.Employment[f]) ? 0 : Firms.Employment[f]).ToArray());
    }
}
