using System.Collections.Immutable;
using System.Text;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.IO;

namespace CompeteModel.Engine.Procurement;

/// <summary>
/// Places buyers and suppliers in districts (LADs) and city regions. A party's UK postcode — the
/// structured <c>postalCode</c>, else the last postcode written in its street address, locality or
/// region (<see cref="Postcode.FindAll"/>, which copes with the source's literal "rn"/"n" breaks) — is
/// looked up in the ONS Postcode Directory (<see cref="PostcodeLookup"/>); names are only a fallback.
/// <para>Order for buyers: the alias list (<c>buyer_aliases.csv</c>: name, lad_code, region_id, note;
/// region_id a city-region id such as <c>wmca</c> for a body that stands for a whole city region, or
/// <c>national</c>) → postcode → a district name as whole words in the buyer's name (the longest wins;
/// two different districts of equal length are ambiguous) → the address locality equal to a district
/// name. A national body is placed at its office by postcode when it has one, but flagged
/// <see cref="PartyLocation.National"/>: its demand belongs to no region. Order for suppliers: alias →
/// postcode → locality → exactly one district named in the street address (several → ambiguous). A
/// supplier's own name is never used: "Birmingham Builders Ltd" may be anywhere.</para>
/// <para>Names are compared after lower-casing, "&amp;" → "and", and dropping punctuation; district
/// names in the "Bristol, City of" form also match as "Bristol". A postcode the directory places in no
/// district (Channel Islands, Isle of Man, terminated) falls through to the names; unmatched parties are
/// reported, never guessed.</para>
/// </summary>
public sealed partial class PartyLocator
{
    private readonly Dictionary<string, PartyLocation> _aliases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Lad>> _ladByName = new(StringComparer.Ordinal);
    private readonly int _maxWords;
    private readonly PostcodeLookup? _postcodes;

    public PartyLocator(GeographyModel geography, IEnumerable<(string Name, string? LadCode, string? RegionId)> aliases, PostcodeLookup? postcodes = null)
    {
        _postcodes = postcodes;
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
    public static PartyLocator Read(GeographyModel geography, string aliasPath, PostcodeLookup? postcodes = null)
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
            return new PartyLocator(geography, list, postcodes);
        }
        catch (InputException e)
        {
            throw new InputException(e.Detail, aliasPath, null, e.Field);
        }
    }

    /// <summary>Places a buyer: alias, postcode, district in its name, then locality (see the type's remarks).</summary>
    public PartyLocation LocateBuyer(ProcurementParty? buyer)
    {
        if (buyer is null) return PartyLocation.None(LocationMethod.Unmatched);
        var name = Normalise(buyer.Name ?? "");
        var byPostcode = ByPostcode(buyer, out var postcodeNote);
        if (_aliases.TryGetValue(name, out var alias))
        {
            if (alias.Method != LocationMethod.National) return alias;
            return byPostcode is null ? alias : byPostcode with { National = true };
        }
        if (byPostcode is not null) return byPostcode;
        var inName = LongestDistrictIn(name, out bool ambiguous);
        if (ambiguous) return PartyLocation.None(LocationMethod.Ambiguous, buyer.Name);
        if (inName is not null) return Placed(inName.Value.Lad, LocationMethod.NameContainsDistrict, inName.Value.Text);
        return ByLocality(buyer) ?? Unplaced(postcodeNote, buyer.Name);
    }

    /// <summary>Places a supplier: alias, postcode, locality, then exactly one district named in the street address.</summary>
    public PartyLocation LocateSupplier(ProcurementParty? supplier)
    {
        if (supplier is null) return PartyLocation.None(LocationMethod.Unmatched);
        var byPostcode = ByPostcode(supplier, out var postcodeNote);
        if (_aliases.TryGetValue(Normalise(supplier.Name ?? ""), out var alias))
            return alias.Method == LocationMethod.National && byPostcode is not null ? byPostcode : alias; // a supplier is where it is
        if (byPostcode is not null) return byPostcode;
        if (postcodeNote is null && LooksAbroad(supplier.StreetAddress)) return PartyLocation.None(LocationMethod.Abroad, supplier.StreetAddress);
        var byLocality = ByLocality(supplier);
        if (byLocality is not null) return byLocality;
        var address = Normalise(string.Join(", ", new[] { supplier.StreetAddress, supplier.Region }.Where(s => s is not null)));
        var found = DistrictsIn(address);
        var distinct = found.Select(f => f.Lad.Code).Distinct().ToList();
        if (distinct.Count == 1) return Placed(found[0].Lad, LocationMethod.Address, found[0].Text);
        if (distinct.Count > 1) return PartyLocation.None(LocationMethod.Ambiguous, string.Join("; ", found.Select(f => f.Text).Distinct()));
        return Unplaced(postcodeNote, supplier.StreetAddress);
    }

    /// <summary>
    /// The party's postcode: the structured postal code when it has a postcode's shape, else the last
    /// postcode written in the street address, locality or region (UK addresses end with it); null when none.
    /// </summary>
    public static Postcode? PostcodeOf(ProcurementParty party)
    {
        if (Postcode.TryParse(party.PostalCode, out var structured)) return structured;
        Postcode? last = null;
        foreach (var text in new[] { party.PostalCode, party.StreetAddress, party.Locality, party.Region })
        {
            var found = Postcode.FindAll(text);
            if (found.Count > 0) last = found[^1];
        }
        return last;
    }

    private PartyLocation? ByPostcode(ProcurementParty party, out string? note)
    {
        note = null;
        if (_postcodes is null) return null;
        var pc = PostcodeOf(party);
        if (pc is null) return null;
        var d = _postcodes.Find(pc);
        if (d.Lad is not null) return Placed(d.Lad, LocationMethod.Postcode, pc.ToString());
        note = $"{pc}: {d.Outcome switch
        {
            PostcodeOutcome.CrownDependency => "Channel Islands or Isle of Man",
            PostcodeOutcome.NoDistrict => "no district in the postcode directory",
            PostcodeOutcome.AreaNotInDirectory => "postcode area not in the directory",
            _ => "district " + d.LadCode + " not in the geography",
        }}";
        return null;
    }

    /// <summary>
    /// An address with no UK postcode that ends in a US-style state and ZIP code ("Lincoln NE 68504",
    /// "IL60008 USA", "DC. 20006") or names a country other than the UK: a town name in it ("Lincoln") must not be
    /// read as a UK district.
    /// </summary>
    public static bool LooksAbroad(string? address)
    {
        if (string.IsNullOrWhiteSpace(address)) return false;
        if (UsStateZip().IsMatch(address)) return true;
        var words = " " + Normalise(address) + " ";
        foreach (var country in Countries)
            if (words.Contains(country, StringComparison.Ordinal)) return true;
        return false;
    }

    private static readonly string[] Countries =
        [" usa ", " united states ", " canada ", " ireland ", " italy ", " france ", " germany ", " spain ", " switzerland ",
         " netherlands ", " belgium ", " sweden ", " denmark ", " norway ", " poland ", " india ", " australia ", " niger "];

    [System.Text.RegularExpressions.GeneratedRegex(@"\b[A-Z]{2}(?:[.,]|r?n)?\s*\d{5}(?:-\d{4})?\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex UsStateZip();

    private static PartyLocation Unplaced(string? postcodeNote, string? evidence) =>
        postcodeNote is not null ? PartyLocation.None(LocationMethod.PostcodeWithoutDistrict, postcodeNote) : PartyLocation.None(LocationMethod.Unmatched, evidence);

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

    /// <summary>
    /// HTML entities decoded (older notices write "L&amp;amp;Q"), lower case, "&amp;" → "and", apostrophes dropped,
    /// other punctuation → space, single spaces.
    /// </summary>
    public static string Normalise(string text)
    {
        if (text.Contains('&', StringComparison.Ordinal)) text = System.Net.WebUtility.HtmlDecode(text);
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
