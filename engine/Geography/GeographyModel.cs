using System.Collections.Immutable;
using CompeteModel.Engine.Errors;

namespace CompeteModel.Engine.Geography;

/// <summary>
/// The UK geography of a run: districts, ITL2 and ITL1 areas, Great Britain, and the mayoral city
/// regions, with resolution of a user's region name (short id, ONS code in either ITL form, or
/// name; case-insensitive) and custom regions.
/// </summary>
public sealed class GeographyModel
{
    /// <summary>ONS code of Great Britain (BRES and IDBR cover GB).</summary>
    public const string GreatBritainCode = "K03000001";

    private readonly Dictionary<string, Lad> _lads;
    private readonly List<Region> _regions;

    public GeographyModel(IReadOnlyList<Lad> lads, IReadOnlyDictionary<string, string> itl2Names,
        IReadOnlyDictionary<string, string> itl1Names, IReadOnlyList<(string Id, string Code, string Name)> cityRegions)
    {
        Lads = lads;
        _lads = lads.ToDictionary(l => l.Code, StringComparer.OrdinalIgnoreCase);
        _regions = new List<Region>();
        foreach (var l in lads)
            _regions.Add(new Region(l.Code, l.Code, l.Name, RegionKind.Lad, [l.Code],
                ImmutableArray<string>.Empty));
        foreach (var (code, name) in itl2Names.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            var members = lads.Where(l => l.Itl2Codes.Contains(code)).Select(l => l.Code).ToImmutableArray();
            _regions.Add(new Region(code, code, name, RegionKind.Itl2, members, [code]));
        }
        foreach (var (code, name) in itl1Names.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            var members = lads.Where(l => l.Itl1Code == code).Select(l => l.Code).ToImmutableArray();
            var itl2 = itl2Names.Keys.Where(k => k.StartsWith(code, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToImmutableArray();
            _regions.Add(new Region(code, code, name, RegionKind.Itl1, members, itl2));
        }
        var gbLads = lads.Where(l => !l.Code.StartsWith('N')).Select(l => l.Code).ToImmutableArray();
        var gbItl2 = itl2Names.Keys.Where(k => !k.StartsWith("TLN", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToImmutableArray();
        _regions.Add(new Region("gb", GreatBritainCode, "Great Britain", RegionKind.Nation, gbLads, gbItl2));
        foreach (var (id, code, name) in cityRegions)
        {
            var members = lads.Where(l => string.Equals(l.CityRegionId, id, StringComparison.OrdinalIgnoreCase)).Select(l => l.Code).ToImmutableArray();
            _regions.Add(new Region(id, code, name, RegionKind.CityRegion, members, ExactItl2Union(members)));
        }
    }

    public IReadOnlyList<Lad> Lads { get; }

    /// <summary>All named regions: districts, ITL2, ITL1, Great Britain, city regions.</summary>
    public IReadOnlyList<Region> Regions => _regions;

    public IEnumerable<Region> OfKind(RegionKind kind) => _regions.Where(r => r.Kind == kind);

    public Region GreatBritain => _regions.First(r => r.Kind == RegionKind.Nation);

    public bool TryGetLad(string code, out Lad lad) => _lads.TryGetValue(code, out lad!);

    /// <summary>
    /// The ITL2 codes whose union is exactly the given set of districts, or empty when the set is not
    /// such a union (for instance, when it holds part of an ITL2 area or a straddling district).
    /// </summary>
    public ImmutableArray<string> ExactItl2Union(IReadOnlyCollection<string> ladCodes)
    {
        var set = new HashSet<string>(ladCodes, StringComparer.OrdinalIgnoreCase);
        if (set.Count == 0) return ImmutableArray<string>.Empty;
        var itl2 = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var c in set)
        {
            if (!_lads.TryGetValue(c, out var l) || l.Straddles) return ImmutableArray<string>.Empty;
            itl2.Add(l.Itl2Codes[0]);
        }
        foreach (var code in itl2)
            foreach (var l in Lads)
                if (l.Itl2Codes.Contains(code) && !set.Contains(l.Code)) return ImmutableArray<string>.Empty;
        return itl2.ToImmutableArray();
    }

    /// <summary>
    /// Finds a region by short id (<c>wmca</c>), ONS or ITL code (<c>E47000007</c>, <c>TLG3</c>,
    /// <c>UKG3</c>) or exact name, case-insensitively. Ids and codes win over names; a name shared by
    /// several regions (the ITL1 "West Midlands" and the ITL2 "West Midlands") is an error listing them.
    /// </summary>
    public Region Resolve(string text)
    {
        var t = text.Trim();
        var norm = Itl.Normalise(t);
        var byId = _regions.Where(r => string.Equals(r.Id, t, StringComparison.OrdinalIgnoreCase)
                                     || string.Equals(r.Code, norm, StringComparison.OrdinalIgnoreCase)).ToList();
        if (byId.Count == 1) return byId[0];
        if (byId.Count > 1) byId = byId.Where(r => r.Kind != RegionKind.Lad).ToList();
        if (byId.Count == 1) return byId[0];
        var byName = _regions.Where(r => string.Equals(r.Name, t, StringComparison.OrdinalIgnoreCase)).ToList();
        if (byName.Count == 1) return byName[0];
        if (byName.Count > 1)
        {
            // A city region shares its name with an ITL area (West Midlands); the product is about city regions.
            var city = byName.Where(r => r.Kind == RegionKind.CityRegion).ToList();
            if (city.Count == 1) return city[0];
            throw new InputException($"region '{text}' is ambiguous; use one of the codes: " +
                string.Join(", ", byName.Select(r => $"{r.Code} ({r.Kind} {r.Name})")), field: "--region");
        }
        var known = string.Join(", ", _regions.Where(r => r.Kind == RegionKind.CityRegion).Select(r => r.Id));
        throw new InputException($"unknown region '{text}'; give a short id ({known}), an ONS or ITL code, or a name", field: "--region");
    }

    /// <summary>
    /// A user's region made of districts and/or ITL areas (codes or names). Members that do not
    /// resolve are an error naming them.
    /// </summary>
    public Region Custom(string name, IEnumerable<string> members)
    {
        var lads = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var m in members)
        {
            var r = Resolve(m);
            foreach (var l in r.LadCodes) lads.Add(l);
        }
        if (lads.Count == 0) throw new InputException($"custom region '{name}' has no members", field: "--region");
        var ladArr = lads.ToImmutableArray();
        return new Region(name.ToLowerInvariant(), "custom:" + name, name, RegionKind.Custom, ladArr, ExactItl2Union(ladArr));
    }
}
