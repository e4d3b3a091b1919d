using CompeteModel.Engine.Statistics;

namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// Compares the national model's ranking with the city region's over the units both rank, and aggregates a city
/// region's sector ranking onto the national units (NACE section groups).
/// </summary>
public static class FeasibilityComparison
{
    /// <summary>
    /// Agreement of two rankings over the units both contain. Each side is re-ranked among the shared units (mid-ranks
    /// for ties), then: Spearman ρ = Pearson correlation of the mid-ranks (= 1 − 6Σd²/(n(n²−1)) without ties; Spearman
    /// 1904); Kendall τ-b = (C − D)/√((n₀ − n₁)(n₀ − n₂)), n₀ = n(n−1)/2, n₁, n₂ the pairs tied on each side (Kendall
    /// 1945); top-k overlap = how many units are in the first k of both orders (shared units sorted by rank, ties by
    /// ordinal unit code). Units appear at most once per side (else <see cref="ArgumentException"/>).
    /// </summary>
    public static FeasibilityAgreement Compare(IReadOnlyList<(string Unit, int Rank)> national, IReadOnlyList<(string Unit, int Rank)> cityRegion, int topK = 10)
    {
        ArgumentNullException.ThrowIfNull(national);
        ArgumentNullException.ThrowIfNull(cityRegion);
        ArgumentOutOfRangeException.ThrowIfLessThan(topK, 1);
        var a = ToMap(national, nameof(national));
        var b = ToMap(cityRegion, nameof(cityRegion));
        var common = a.Keys.Where(b.ContainsKey).Order(StringComparer.Ordinal).ToArray();
        int n = common.Length;
        var ra = Ranks.MidRanks(common.Select(u => (double)a[u]).ToArray());
        var rb = Ranks.MidRanks(common.Select(u => (double)b[u]).ToArray());

        var topA = TopSet(common, a, topK);
        var topB = TopSet(common, b, topK);
        int overlap = topA.Count(topB.Contains);

        var units = Enumerable.Range(0, n)
            .Select(i => new FeasibilityUnitDifference(common[i], a[common[i]], b[common[i]], ra[i], rb[i]))
            .OrderBy(u => u.NationalRank).ThenBy(u => u.Unit, StringComparer.Ordinal)
            .ToArray();
        return new FeasibilityAgreement(n, Correlation.Pearson(ra, rb), Correlation.KendallTauB(ra, rb), topK, overlap, units,
            a.Keys.Where(u => !b.ContainsKey(u)).Order(StringComparer.Ordinal).ToArray(),
            b.Keys.Where(u => !a.ContainsKey(u)).Order(StringComparer.Ordinal).ToArray());
    }

    /// <summary>
    /// Aggregates a city region's sector scores (SIC 2007 divisions, or finer codes that start with the division) onto
    /// the ten NACE section groups of <see cref="FeasibilitySectorGroups"/> by the employment-weighted mean composite:
    /// Σ e_s·c_s / Σ e_s over the group's sectors with a finite composite and employment &gt; 0. Chosen over "best rank
    /// in the group" because the national unit is the group's whole employment, and because a best rank rewards groups
    /// with many divisions (B-E has 34 SIC divisions, L one) whatever their weight in the economy. Groups are ranked by composite
    /// (1 = highest, ties by group code); a group without a weighted composite has no rank. Returned in A*10 order.
    /// A sector code that maps to no group is an <see cref="ArgumentException"/>.
    /// </summary>
    public static IReadOnlyList<FeasibilityGroupScore> AggregateToGroups(IReadOnlyList<(string Sector, double Composite, double Employment)> sectors)
    {
        ArgumentNullException.ThrowIfNull(sectors);
        var groups = FeasibilitySectorGroups.Groups;
        int g = groups.Count;
        var count = new int[g];
        var scored = new int[g];
        var sumW = new double[g];
        var sumWc = new double[g];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (sector, composite, employment) in sectors)
        {
            if (!seen.Add(sector)) throw new ArgumentException("sector '" + sector + "' appears twice", nameof(sectors));
            var group = FeasibilitySectorGroups.OfDivision(sector)
                ?? throw new ArgumentException("sector '" + sector + "' is not a SIC 2007 division (or finer code) in any NACE section group", nameof(sectors));
            int i = IndexOf(groups, group);
            count[i]++;
            if (!double.IsFinite(composite)) continue;
            scored[i]++;
            if (!(employment > 0) || double.IsInfinity(employment)) continue;
            sumW[i] += employment;
            sumWc[i] += employment * composite;
        }
        var composites = new double[g];
        for (int i = 0; i < g; i++) composites[i] = sumW[i] > 0 ? sumWc[i] / sumW[i] : double.NaN;
        var order = Enumerable.Range(0, g).Where(i => !double.IsNaN(composites[i]))
            .OrderByDescending(i => composites[i]).ThenBy(i => groups[i], StringComparer.Ordinal).ToArray();
        var rank = new int?[g];
        for (int r = 0; r < order.Length; r++) rank[order[r]] = r + 1;
        return Enumerable.Range(0, g)
            .Select(i => new FeasibilityGroupScore(groups[i], FeasibilitySectorGroups.Names[groups[i]], composites[i], rank[i], count[i], scored[i], sumW[i]))
            .ToArray();
    }

    /// <summary>The ranked groups as (unit, rank) for <see cref="Compare"/>.</summary>
    public static IReadOnlyList<(string Unit, int Rank)> Ranking(IEnumerable<FeasibilityGroupScore> groups) =>
        groups.Where(x => x.Rank is not null).Select(x => (x.Group, x.Rank!.Value)).ToArray();

    private static Dictionary<string, int> ToMap(IReadOnlyList<(string Unit, int Rank)> ranking, string name)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (unit, rank) in ranking)
            if (!map.TryAdd(unit, rank)) throw new ArgumentException("unit '" + unit + "' appears twice", name);
        return map;
    }

    private static HashSet<string> TopSet(string[] common, Dictionary<string, int> ranks, int k) =>
        common.OrderBy(u => ranks[u]).ThenBy(u => u, StringComparer.Ordinal).Take(k).ToHashSet(StringComparer.Ordinal);

    private static int IndexOf(IReadOnlyList<string> list, string s)
    {
        for (int i = 0; i < list.Count; i++) if (list[i] == s) return i;
        return -1;
    }
}
