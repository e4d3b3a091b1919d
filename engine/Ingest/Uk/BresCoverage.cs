using System.Globalization;
using CompeteModel.Engine.Geography;

namespace CompeteModel.Engine.Ingest.Uk;

/// <summary>
/// Which areas of a BRES table make up a region exactly, in order of preference:
/// <list type="number">
/// <item>the region's own row (a combined authority, ITL2 area, district or Great Britain downloaded as such);</item>
/// <item>the ITL2 areas whose union it is;</item>
/// <item>its local authority districts, of whatever vintage the file has: every district of the region must be covered
/// exactly once, by its own code, its successor's (a 2023 unitary such as North Yorkshire), or its predecessors'
/// (the 2021 districts), compared through the oldest codes each is made of (<see cref="LadSuccessors.Leaves"/>).</item>
/// </list>
/// Every chosen area must have rows in every year asked for. A region none of these describes is not described, with a
/// reason; it is never approximated here.
/// </summary>
public static class BresCoverage
{
    public static BresComposition? Compose(BresTable table, Region region, GeographyModel geography, LadSuccessors successors,
        IReadOnlyList<int> years, out string reason)
    {
        var own = Itl.Normalise(region.Code);
        if (table.AreaKinds.TryGetValue(own, out var ownKind) && AllYears(table, [own], years))
        {
            reason = "";
            return new BresComposition(table, [own], ownKind, $"{table.GeographyNames.GetValueOrDefault(own, own)} as published");
        }
        if (region.IsItl2Union && region.Itl2Codes.All(c => table.AreaKinds.TryGetValue(c, out var k) && k == BresAreaKind.Itl2))
        {
            if (AllYears(table, region.Itl2Codes, years))
            {
                reason = "";
                return new BresComposition(table, region.Itl2Codes, BresAreaKind.Itl2,
                    region.Itl2Codes.Length == 1 ? $"ITL2 area {region.Itl2Codes[0]}" : $"the sum of ITL2 areas {string.Join(", ", region.Itl2Codes)}");
            }
        }
        var districts = table.AreasOf(BresAreaKind.District);
        if (districts.Count == 0 || region.LadCodes.IsDefaultOrEmpty)
        {
            reason = table.AreaKinds.Count == 0 ? "the file has no rows"
                : $"the file holds {Kinds(table)} and no row for {region.Name} ({region.Code})" + (region.IsItl2Union ? "" : ", which is not a union of ITL2 areas");
            return null;
        }

        var target = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in region.LadCodes) foreach (var leaf in successors.Leaves(m)) target.Add(leaf);
        var candidates = new List<(string Code, IReadOnlyList<string> Leaves)>();
        foreach (var d in districts)
        {
            var leaves = successors.Leaves(d);
            if (leaves.All(target.Contains)) candidates.Add((d, leaves));
        }
        // Successors first, so that a file holding both vintages of an area counts it once.
        candidates.Sort((a, b) => a.Leaves.Count != b.Leaves.Count ? b.Leaves.Count.CompareTo(a.Leaves.Count) : string.CompareOrdinal(a.Code, b.Code));
        var covered = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var chosen = new List<string>();
        foreach (var (code, leaves) in candidates)
        {
            if (leaves.Any(covered.Contains) || !AllYears(table, [code], years)) continue;
            foreach (var l in leaves) covered.Add(l);
            chosen.Add(code);
        }
        if (covered.Count == target.Count)
        {
            chosen.Sort(StringComparer.Ordinal);
            reason = "";
            return new BresComposition(table, chosen, BresAreaKind.District,
                string.Create(CultureInfo.InvariantCulture, $"the sum of its {chosen.Count} districts"));
        }
        var missing = target.Where(t => !covered.Contains(t)).Order(StringComparer.Ordinal)
            .Select(c => geography.TryGetLad(c, out var l) ? $"{l.Name} ({c})" : successors.NameOf(c) is { } n ? $"{n} ({c})" : c).ToList();
        reason = string.Create(CultureInfo.InvariantCulture,
            $"the file's districts do not cover {region.Name}: {missing.Count} of its districts are missing or lack a year ({string.Join(", ", missing.Take(6))}{(missing.Count > 6 ? ", ..." : "")})");
        return null;
    }

    private static bool AllYears(BresTable table, IEnumerable<string> areas, IReadOnlyList<int> years) =>
        areas.All(a => years.All(y => table.HasArea(a, y)));

    private static string Kinds(BresTable table) =>
        string.Join(", ", table.AreaKinds.Values.Distinct().Order().Select(k => k switch
        {
            BresAreaKind.Nation => "Great Britain",
            BresAreaKind.Country => "countries",
            BresAreaKind.Itl1 => "ITL1 areas",
            BresAreaKind.Itl2 => "ITL2 areas",
            BresAreaKind.Itl3 => "ITL3 areas",
            BresAreaKind.CityRegion => "combined authorities",
            _ => "districts",
        }));
}
