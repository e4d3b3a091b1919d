using System.Collections.Immutable;
using System.Text;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.IO;

namespace CompeteModel.Engine.Procurement;

/// <summary>
/// Places buyers and suppliers in districts (LADs) and city regions by matching names and addresses
/// against the geography's district names and an alias list (the catalogue's <c>buyer-aliases</c>: name,
/// lad_code, region_id, note; region_id is a city-region id such as <c>wmca</c> or <c>national</c>
/// for national bodies, which are not placed). Names are compared after lower-casing, "&amp;" → "and",
/// and dropping punctuation; district names in the "Bristol, City of" form also match as "Bristol".
/// Buyers: alias, else a district name as whole words in the buyer's name (the longest wins; two
/// different districts of equal length are ambiguous), else the address locality equal to a district
/// name (the parts of "Grimsby, North East Lincolnshire" are tried in turn). Suppliers: alias, else
/// locality, else exactly one district named anywhere in the street address (several → ambiguous).
/// A supplier's own name is never used: "Birmingham Builders Ltd" may be anywhere.
/// No postcode lookup is used (none is shipped), so unmatched parties are reported, never guessed.
/// </summary>
public sealed class PartyLocator
{
    private readonly Dictionary<string, PartyLocation> _aliases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Lad>> _ladByName = new(StringComparer.Ordinal);
    private readonly int _maxWords;

    public PartyLocator(GeographyModel geography, IEnumerable<(string Name, string? LadCode, string? RegionId)> aliases)
    {
        foreach (var lad in geography.Lads)
        {
            foreach (var n in NameForms(lad.Name))
            {
                if (!_ladByName.TryGetValue(n, out var list)) _ladByName[n] = list = new List<Lad>();
                if (!list.Any(l => l.Code == lad.Code)) list.Add(lad);
            }
        }
        _maxWords = _ladByName.Keys.Max(k => k.Count(c => c == ' ') + 1);
        foreach (var (name, ladCode, regionId) in aliases)
        {
            var key = Normalise(name);
            PartyLocation loc;
            if (!string.IsNullOrEmpty(ladCode))
            {
                if (!geography.TryGetLad(ladCode, out var lad)) throw new InputException($"alias '{name}': unknown district code {ladCode}", field: "lad_code");
                loc = new PartyLocation([lad.Code], lad.Code, lad.CityRegionId, LocationMethod.Alias, name);
            }
            else if (string.Equals(regionId, "national", StringComparison.OrdinalIgnoreCase))
                loc = PartyLocation.None(LocationMethod.National, name);
            else if (!string.IsNullOrEmpty(regionId))
            {
                var region = geography.Regions.FirstOrDefault(r => r.Kind == RegionKind.CityRegion && string.Equals(r.Id, regionId, StringComparison.OrdinalIgnoreCase))
                             ?? throw new InputException($"alias '{name}': unknown city region id '{regionId}'", field: "region_id");
                loc = new PartyLocation(region.LadCodes, null, region.Id, LocationMethod.Alias, name);
            }
            else throw new InputException($"alias '{name}' needs a lad_code or a region_id", field: "lad_code");
            _aliases[key] = loc;
        }
    }

    /// <summary>Reads the alias list (columns name, lad_code, region_id, note).</summary>
    public static PartyLocator Read(GeographyModel geography, string aliasPath)
    {
        using var csv = CsvReader.Open(aliasPath);
        var h = csv.ReadHeader();
        int cN = h.Require("name"), cL = h.Require("lad_code"), cR = h.Require("region_id");
        var list = new List<(string, string?, string?)>();
        while (csv.Read())
        {
            var f = csv.Fields;
            if (f.Count != h.Names.Count) throw new InputException($"expected {h.Names.Count} fields, found {f.Count}", aliasPath, csv.RecordLine);
            if (string.IsNullOrWhiteSpace(f[cN])) throw new InputException("empty name", aliasPath, csv.RecordLine, "name");
            list.Add((f[cN].Trim(), f[cL].Trim(), f[cR].Trim()));
        }
        try
        {
            return new PartyLocator(geography, list);
        }
        catch (InputException e)
        {
            throw new InputException(e.Detail, aliasPath, null, e.Field);
        }
    }

    /// <summary>Places a buyer: alias, district in its name, then locality.</summary>
    public PartyLocation LocateBuyer(ProcurementParty? buyer)
    {
        if (buyer is null) return PartyLocation.None(LocationMethod.Unmatched);
        var name = Normalise(buyer.Name ?? "");
        if (_aliases.TryGetValue(name, out var alias)) return alias;
        var inName = LongestDistrictIn(name, out bool ambiguous);
        if (ambiguous) return PartyLocation.None(LocationMethod.Ambiguous, buyer.Name);
        if (inName is not null) return Placed(inName.Value.Lad, LocationMethod.NameContainsDistrict, inName.Value.Text);
        return ByLocality(buyer) ?? PartyLocation.None(LocationMethod.Unmatched, buyer.Name);
    }

    /// <summary>Places a supplier: alias, locality, then exactly one district named in the street address.</summary>
    public PartyLocation LocateSupplier(ProcurementParty? supplier)
    {
        if (supplier is null) return PartyLocation.None(LocationMethod.Unmatched);
        if (_aliases.TryGetValue(Normalise(supplier.Name ?? ""), out var alias)) return alias;
        var byLocality = ByLocality(supplier);
        if (byLocality is not null) return byLocality;
        var address = Normalise(string.Join(", ", new[] { supplier.StreetAddress, supplier.Region }.Where(s => s is not null)));
        var found = DistrictsIn(address);
        var distinct = found.Select(f => f.Lad.Code).Distinct().ToList();
        if (distinct.Count == 1) return Placed(found[0].Lad, LocationMethod.Address, found[0].Text);
        if (distinct.Count > 1) return PartyLocation.None(LocationMethod.Ambiguous, string.Join("; ", found.Select(f => f.Text).Distinct()));
        return PartyLocation.None(LocationMethod.Unmatched, supplier.StreetAddress);
    }

    private PartyLocation? ByLocality(ProcurementParty party)
    {
        if (party.Locality is null) return null;
        foreach (var part in party.Locality.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Reverse())
        {
            if (_ladByName.TryGetValue(Normalise(part), out var lads))
            {
                if (lads.Count == 1) return Placed(lads[0], LocationMethod.Locality, part);
                return PartyLocation.None(LocationMethod.Ambiguous, part);
            }
        }
        return null;
    }

    private static PartyLocation Placed(Lad lad, LocationMethod method, string evidence) =>
        new([lad.Code], lad.Code, lad.CityRegionId, method, evidence);

    private (Lad Lad, string Text)? LongestDistrictIn(string normalised, out bool ambiguous)
    {
        ambiguous = false;
        var found = DistrictsIn(normalised);
        if (found.Count == 0) return null;
        int longest = found.Max(f => f.Text.Length);
        var best = found.Where(f => f.Text.Length == longest).ToList();
        if (best.Select(b => b.Lad.Code).Distinct().Count() > 1)
        {
            ambiguous = true;
            return null;
        }
        return best[0];
    }

    /// <summary>Every district name occurring as whole words, in order of occurrence; overlapping shorter matches are dropped.</summary>
    private List<(Lad Lad, string Text)> DistrictsIn(string normalised)
    {
        var words = normalised.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var result = new List<(Lad, string)>();
        for (int i = 0; i < words.Length;)
        {
            int matchedLen = 0;
            for (int n = Math.Min(_maxWords, words.Length - i); n >= 1; n--)
            {
                var phrase = string.Join(' ', words, i, n);
                if (_ladByName.TryGetValue(phrase, out var lads))
                {
                    foreach (var l in lads) result.Add((l, phrase));
                    matchedLen = n;
                    break;
                }
            }
            i += Math.Max(1, matchedLen);
        }
        return result;
    }

    private static IEnumerable<string> NameForms(string ladName)
    {
        var n = Normalise(ladName);
        yield return n;
        // "Bristol, City of" / "Herefordshire, County of" / "Kingston upon Hull, City of"
        int comma = ladName.IndexOf(',');
        if (comma > 0)
        {
            var tail = ladName[(comma + 1)..].Trim();
            if (tail.Equals("City of", StringComparison.OrdinalIgnoreCase) || tail.Equals("County of", StringComparison.OrdinalIgnoreCase))
                yield return Normalise(ladName[..comma]);
        }
    }

    /// <summary>Lower case, "&amp;" → "and", apostrophes dropped, other punctuation → space, single spaces.</summary>
    public static string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch)) sb.Append(char.ToLowerInvariant(ch));
            else if (ch == '&') sb.Append(" and ");
            else if (ch is '\'' or '’') continue;
            else sb.Append(' ');
        }
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
