using CompeteModel.Engine.Errors;
using CompeteModel.Engine.IO;

namespace CompeteModel.Engine.Procurement;

/// <summary>
/// Classifies a buyer as local authority, housing association / registered provider, NHS, education, central
/// government or other public, with the reason, from an ordered rule list (<c>buyer_type_rules.csv</c>: kind,
/// pattern, buyer_type, reason). Rules are tried in file order and the first that holds wins: a <c>scheme</c>
/// rule holds when the buyer's published identifier scheme (OCDS <c>identifier.scheme</c>, e.g. GB-LAE) equals the
/// pattern; a <c>name</c> rule when the pattern occurs as whole words in the buyer's name (compared as
/// <see cref="PartyLocator.Normalise"/> does). A buyer no rule places is central government when the alias
/// list names it a national body, else other public ("no rule matched").
/// </summary>
public sealed class BuyerTypeRules
{
    private readonly List<(bool Scheme, string Pattern, BuyerType Type, string Reason)> _rules;

    public BuyerTypeRules(IEnumerable<(string Kind, string Pattern, BuyerType Type, string Reason)> rules)
    {
        _rules = new List<(bool, string, BuyerType, string)>();
        foreach (var (kind, pattern, type, reason) in rules)
        {
            bool scheme = kind switch
            {
                "scheme" => true,
                "name" => false,
                _ => throw new InputException($"rule kind '{kind}' is neither 'scheme' nor 'name'", field: "kind"),
            };
            _rules.Add((scheme, scheme ? pattern.Trim() : " " + PartyLocator.Normalise(pattern) + " ", type, reason));
        }
    }

    /// <summary>Reads the rule list (columns kind, pattern, buyer_type, reason).</summary>
    public static BuyerTypeRules Read(string path)
    {
        using var csv = CsvReader.Open(path);
        var h = csv.ReadHeader();
        int cK = h.Require("kind"), cP = h.Require("pattern"), cT = h.Require("buyer_type"), cR = h.Require("reason");
        var list = new List<(string, string, BuyerType, string)>();
        while (csv.Read())
        {
            var f = csv.Fields;
            if (f.Count != h.Names.Count) throw new InputException($"expected {h.Names.Count} fields, found {f.Count}", path, csv.RecordLine);
            var kind = f[cK].Trim();
            if (kind is not ("scheme" or "name")) throw new InputException($"kind '{kind}' is neither 'scheme' nor 'name'", path, csv.RecordLine, "kind");
            if (string.IsNullOrWhiteSpace(f[cP])) throw new InputException("empty pattern", path, csv.RecordLine, "pattern");
            if (!TryParseType(f[cT].Trim(), out var type))
                throw new InputException($"buyer_type '{f[cT]}' is not one of local_authority, housing_association, nhs, education, central_government, other_public", path, csv.RecordLine, "buyer_type");
            list.Add((kind, f[cP], type, f[cR].Trim()));
        }
        return new BuyerTypeRules(list);
    }

    /// <summary>The buyer's type and the reason (the rule that decided, or why none did).</summary>
    public (BuyerType Type, string Reason) Classify(ProcurementParty? buyer, string? identifierScheme, bool national)
    {
        var name = " " + PartyLocator.Normalise(buyer?.Name ?? "") + " ";
        foreach (var (scheme, pattern, type, reason) in _rules)
        {
            bool holds = scheme
                ? identifierScheme is not null && string.Equals(identifierScheme.Trim(), pattern, StringComparison.OrdinalIgnoreCase)
                : name.Contains(pattern, StringComparison.Ordinal);
            if (holds) return (type, reason);
        }
        return national ? (BuyerType.CentralGovernment, "a national body in buyer_aliases.csv") : (BuyerType.OtherPublic, "no rule matched");
    }

    /// <summary>snake_case name of a type ("housing_association").</summary>
    public static string Name(BuyerType type) => type switch
    {
        BuyerType.LocalAuthority => "local_authority",
        BuyerType.HousingAssociation => "housing_association",
        BuyerType.Nhs => "nhs",
        BuyerType.Education => "education",
        BuyerType.CentralGovernment => "central_government",
        _ => "other_public",
    };

    private static bool TryParseType(string text, out BuyerType type)
    {
        foreach (var t in Enum.GetValues<BuyerType>())
            if (Name(t) == text) { type = t; return true; }
        type = BuyerType.OtherPublic;
        return false;
    }
}
