using System.Text.Json;

namespace CompeteModel.Engine.Procurement;

/// <summary>Reads <see cref="ReleaseExtras"/> from one OCDS release; absent or malformed fields are null (they only inform classification).</summary>
internal static class OcdsReleaseExtrasReader
{
    public static ReleaseExtras Read(JsonElement release)
    {
        var tender = Obj(release, "tender");
        var techniques = Obj(tender, "techniques");
        string? scheme = null, id = null;
        var buyerId = Str(Obj(release, "buyer"), "id");
        if (release.TryGetProperty("parties", out var parties) && parties.ValueKind == JsonValueKind.Array)
        {
            foreach (var p in parties.EnumerateArray())
            {
                bool isBuyer = buyerId is not null ? Str(p, "id") == buyerId : HasRole(p, "buyer");
                if (!isBuyer) continue;
                var identifier = Obj(p, "identifier");
                scheme = Str(identifier, "scheme")?.Trim();
                id = Str(identifier, "id")?.Trim();
                break;
            }
        }
        return new ReleaseExtras(Str(tender, "procurementMethodDetails")?.Trim(), Bool(techniques, "hasFrameworkAgreement"),
            Bool(techniques, "hasDynamicPurchasingSystem"), scheme, id);
    }

    private static bool HasRole(JsonElement party, string role)
    {
        if (party.ValueKind != JsonValueKind.Object || !party.TryGetProperty("roles", out var roles) || roles.ValueKind != JsonValueKind.Array) return false;
        foreach (var r in roles.EnumerateArray())
            if (r.ValueKind == JsonValueKind.String && string.Equals(r.GetString(), role, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static bool? Bool(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(v.GetString()) ? v.GetString() : null;

    private static JsonElement Obj(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : default;
}
