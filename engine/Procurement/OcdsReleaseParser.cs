using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace CompeteModel.Engine.Procurement;

/// <summary>Turns one OCDS release (a JSON object) into a <see cref="ProcurementRelease"/>, or a reject.</summary>
internal static class OcdsReleaseParser
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd",
    ];

    /// <summary>Parses an OCDS date-time; a value without an offset is taken as UTC.</summary>
    public static bool TryParseDate(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    public static void ParseRecord(JsonElement record, string file, long line, OcdsReadResult result)
    {
        string? ocid = Str(record, "ocid");
        bool any = false;
        if (record.TryGetProperty("releases", out var rels) && rels.ValueKind == JsonValueKind.Array)
        {
            foreach (var r in rels.EnumerateArray())
            {
                // Linked releases carry only url/date/tag; only embedded ones hold the notice.
                if (r.ValueKind == JsonValueKind.Object && r.TryGetProperty("ocid", out _))
                {
                    Parse(r, file, line, result);
                    any = true;
                }
            }
        }
        if (any) return;
        if (record.TryGetProperty("compiledRelease", out var compiled) && compiled.ValueKind == JsonValueKind.Object)
        {
            Parse(compiled, file, line, result);
            return;
        }
        result.Reject(new ProcurementReject(file, line, ocid, "releases", "record has neither embedded releases nor a compiled release", null));
    }

    public static void Parse(JsonElement e, string file, long line, OcdsReadResult result)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            result.Reject(new ProcurementReject(file, line, null, "*", "release is not a JSON object", e.ValueKind.ToString()));
            return;
        }
        var ocid = Str(e, "ocid");
        if (string.IsNullOrWhiteSpace(ocid))
        {
            result.Reject(new ProcurementReject(file, line, null, "ocid", "no ocid", Str(e, "id")));
            return;
        }
        var dateText = Str(e, "date");
        if (dateText is null)
        {
            result.Reject(new ProcurementReject(file, line, ocid, "date", "no release date", null));
            return;
        }
        if (!TryParseDate(dateText, out var date))
        {
            result.Reject(new ProcurementReject(file, line, ocid, "date", "unparsable date", dateText));
            return;
        }
        var fail = (Field: (string?)null, Value: (string?)null, Reason: "");
        var tender = Obj(e, "tender");
        var parties = PartyIndex(e);

        var tags = ImmutableArray.CreateBuilder<string>();
        if (e.TryGetProperty("tag", out var tagEl) && tagEl.ValueKind == JsonValueKind.Array)
            foreach (var t in tagEl.EnumerateArray())
                if (t.ValueKind == JsonValueKind.String) tags.Add(t.GetString()!);

        string? title = OcdsText.Clean(Str(tender, "title") ?? Str(e, "title"));
        string? description = OcdsText.Clean(Str(tender, "description") ?? Str(e, "description"));

        var cpv = new List<string>();
        AddCpv(Obj(tender, "classification"), cpv);
        foreach (var c in Arr(tender, "additionalClassifications")) AddCpv(c, cpv);
        var regions = new List<string>();
        var postcodes = new List<string>();
        foreach (var item in Arr(tender, "items"))
        {
            AddCpv(Obj(item, "classification"), cpv);
            foreach (var c in Arr(item, "additionalClassifications")) AddCpv(c, cpv);
            foreach (var a in Arr(item, "deliveryAddresses"))
            {
                var reg = Str(a, "region");
                if (reg is not null && !regions.Contains(reg, StringComparer.OrdinalIgnoreCase)) regions.Add(reg.Trim());
                var pc = Str(a, "postalCode");
                if (pc is not null && !postcodes.Contains(pc, StringComparer.OrdinalIgnoreCase)) postcodes.Add(pc.Trim());
            }
        }

        ProcurementParty? buyer = null;
        var buyerRef = Obj(e, "buyer");
        var buyerId = Str(buyerRef, "id");
        if (buyerId is not null && parties.TryGetValue(buyerId, out var bp)) buyer = ToParty(bp, Str(buyerRef, "name"));
        else if (buyerRef.ValueKind == JsonValueKind.Object) buyer = new ProcurementParty(buyerId, Str(buyerRef, "name"), null, null, null, null, null);
        else
        {
            foreach (var p in Arr(e, "parties"))
                if (HasRole(p, "buyer")) { buyer = ToParty(p, null); break; }
        }

        double? tenderAmount = null;
        string? tenderCurrency = null;
        var value = Obj(tender, "value");
        if (value.ValueKind != JsonValueKind.Object) value = Obj(Obj(Obj(e, "planning"), "budget"), "amount");
        if (!TryAmount(value, out tenderAmount, out tenderCurrency, out var badAmount))
            fail = ("tender.value.amount", badAmount, "value is not a number");

        var period = Obj(tender, "contractPeriod");
        DateTimeOffset? start = null, end = null;
        if (fail.Field is null && !TryPeriod(period, out start, out end, out var badDate, out var badField))
            fail = ("tender.contractPeriod." + badField, badDate, "unparsable date");

        bool? sme = null;
        var suit = Obj(tender, "suitability");
        if (suit.ValueKind == JsonValueKind.Object && suit.TryGetProperty("sme", out var smeEl)
            && smeEl.ValueKind is JsonValueKind.True or JsonValueKind.False) sme = smeEl.GetBoolean();

        var awards = ImmutableArray.CreateBuilder<ProcurementAward>();
        int ai = 0;
        foreach (var a in Arr(e, "awards"))
        {
            if (fail.Field is not null) break;
            if (!TryAmount(Obj(a, "value"), out var amt, out var cur, out var bad))
            {
                fail = ($"awards[{ai}].value.amount", bad, "value is not a number");
                break;
            }
            if (!TryPeriod(Obj(a, "contractPeriod"), out var s, out var en, out var bd, out var bf))
            {
                fail = ($"awards[{ai}].contractPeriod.{bf}", bd, "unparsable date");
                break;
            }
            var sup = ImmutableArray.CreateBuilder<ProcurementParty>();
            foreach (var sref in Arr(a, "suppliers"))
            {
                var sid = Str(sref, "id");
                sup.Add(sid is not null && parties.TryGetValue(sid, out var sp) ? ToParty(sp, Str(sref, "name"))
                    : new ProcurementParty(sid, Str(sref, "name"), null, null, null, null, null));
            }
            awards.Add(new ProcurementAward(Str(a, "id"), Str(a, "status"), amt, cur, sup.ToImmutable(), s, en));
            ai++;
        }
        if (fail.Field is not null)
        {
            result.Reject(new ProcurementReject(file, line, ocid, fail.Field, fail.Reason, fail.Value));
            return;
        }
        result.Add(new ProcurementRelease(file, line, ocid.Trim(), Str(e, "id"), date, tags.ToImmutable(), title, description,
            cpv.ToImmutableArray(), buyer, tenderAmount, tenderCurrency, start, end, sme,
            regions.ToImmutableArray(), postcodes.ToImmutableArray(), awards.ToImmutable(), OcdsReleaseExtrasReader.Read(e)));
    }

    private static Dictionary<string, JsonElement> PartyIndex(JsonElement e)
    {
        var d = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var p in Arr(e, "parties"))
        {
            var id = Str(p, "id");
            if (id is not null) d.TryAdd(id, p);
        }
        return d;
    }

    private static bool HasRole(JsonElement party, string role)
    {
        foreach (var r in Arr(party, "roles"))
            if (r.ValueKind == JsonValueKind.String && string.Equals(r.GetString(), role, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static ProcurementParty ToParty(JsonElement p, string? fallbackName)
    {
        var addr = Obj(p, "address");
        return new ProcurementParty(Str(p, "id"), Str(p, "name") ?? fallbackName, OcdsText.CleanAddress(Str(addr, "streetAddress")),
            OcdsText.Clean(Str(addr, "locality")), Str(addr, "postalCode")?.Trim(), Str(addr, "region")?.Trim(), Str(Obj(p, "details"), "scale"));
    }

    private static void AddCpv(JsonElement c, List<string> into)
    {
        if (c.ValueKind != JsonValueKind.Object) return;
        var scheme = Str(c, "scheme");
        if (scheme is not null && !scheme.Trim().Equals("CPV", StringComparison.OrdinalIgnoreCase)) return;
        var id = Str(c, "id") ?? (c.TryGetProperty("id", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetRawText() : null);
        if (id is null) return;
        var code = CpvCode.Normalise(id);
        if (code is not null && !into.Contains(code)) into.Add(code);
    }

    private static bool TryAmount(JsonElement value, out double? amount, out string? currency, out string? bad)
    {
        amount = null;
        currency = null;
        bad = null;
        if (value.ValueKind != JsonValueKind.Object) return true;
        currency = Str(value, "currency")?.Trim().ToUpperInvariant();
        if (!value.TryGetProperty("amount", out var a) || a.ValueKind == JsonValueKind.Null) return true;
        if (a.ValueKind == JsonValueKind.Number && a.TryGetDouble(out var d) && double.IsFinite(d))
        {
            amount = d;
            return true;
        }
        if (a.ValueKind == JsonValueKind.String && double.TryParse(a.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out d) && double.IsFinite(d))
        {
            amount = d;
            return true;
        }
        bad = a.ValueKind == JsonValueKind.String ? a.GetString() : a.GetRawText();
        return false;
    }

    private static bool TryPeriod(JsonElement period, out DateTimeOffset? start, out DateTimeOffset? end, out string? bad, out string field)
    {
        start = end = null;
        bad = null;
        field = "";
        if (period.ValueKind != JsonValueKind.Object) return true;
        var s = Str(period, "startDate");
        var e = Str(period, "endDate");
        if (s is not null)
        {
            if (!TryParseDate(s, out var sv)) { bad = s; field = "startDate"; return false; }
            start = sv;
        }
        if (e is not null)
        {
            if (!TryParseDate(e, out var ev)) { bad = e; field = "endDate"; return false; }
            end = ev;
        }
        return true;
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(v.GetString()) ? v.GetString() : null;

    private static JsonElement Obj(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : default;

    private static IEnumerable<JsonElement> Arr(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray() : Enumerable.Empty<JsonElement>();
}
