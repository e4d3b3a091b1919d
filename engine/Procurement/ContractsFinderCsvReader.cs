using System.Collections.Immutable;
using System.Globalization;
using CompeteModel.Engine.IO;

namespace CompeteModel.Engine.Procurement;

/// <summary>
/// Reads a Contracts Finder CSV export (one notice per row). Columns are matched by name, ignoring
/// case, spaces and underscores, so both the flat notice model's names (<c>Identifier</c>,
/// <c>ValueHigh</c>, <c>CpvCodes</c>; Contracts Finder API documentation, "ImportNoticeFlat") and the
/// search export's spaced names (<c>Notice Identifier</c>, <c>Value High</c>, <c>Cpv Codes</c>) work.
/// Required: an identifier (<c>Notice Identifier</c> or <c>Identifier</c>) and <c>Published Date</c>.
/// Optional: <c>Title</c>, <c>Description</c>, <c>Organisation Name</c> (buyer), <c>Notice Type</c>
/// (or <c>Type</c>), <c>Value Low</c>, <c>Value High</c> (the tender value is the high end, else the low
/// end), <c>Awarded Value</c>, <c>Awarded Supplier</c> (or <c>Supplier Name</c>), <c>Supplier Address</c>,
/// <c>Supplier Is SME</c>, <c>Start</c>/<c>Contract Start Date</c>, <c>End</c>/<c>Contract End Date</c>,
/// <c>Cpv Codes</c> (comma- or space-separated), <c>Region</c>, <c>Postcode</c>,
/// <c>Is Suitable For SME</c>. Values are GBP (Contracts Finder publishes in pounds). A GUID identifier
/// becomes the OCDS ocid <c>ocds-b5fd17-{guid}</c>, so the same notice read from CSV and from OCDS
/// compiles into one process. Dates: ISO 8601, or <c>dd/MM/yyyy</c> with optional <c>HH:mm[:ss]</c>.
/// </summary>
public static class ContractsFinderCsvReader
{
    private static readonly string[] UkDateFormats = ["dd/MM/yyyy", "dd/MM/yyyy HH:mm", "dd/MM/yyyy HH:mm:ss", "d/M/yyyy"];

    public static OcdsReadResult Read(string path)
    {
        var result = new OcdsReadResult();
        result.AddFile(path);
        ReadInto(path, result);
        return result;
    }

    internal static void ReadInto(string path, OcdsReadResult result)
    {
        using var csv = CsvReader.Open(path);
        var h = csv.ReadHeader();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < h.Names.Count; i++) index.TryAdd(Key(h.Names[i]), i);
        int Col(params string[] names)
        {
            foreach (var n in names)
                if (index.TryGetValue(Key(n), out var i)) return i;
            return -1;
        }
        int cId = Col("Notice Identifier", "Identifier", "Id"), cDate = Col("Published Date", "PublishedDate", "Date");
        if (cId < 0) throw new Errors.InputException("a Contracts Finder CSV needs a 'Notice Identifier' (or 'Identifier') column", path, 1, "Notice Identifier");
        if (cDate < 0) throw new Errors.InputException("a Contracts Finder CSV needs a 'Published Date' column", path, 1, "Published Date");
        int cTitle = Col("Title"), cDesc = Col("Description"), cOrg = Col("Organisation Name", "Buyer", "Organisation"),
            cType = Col("Notice Type", "Type"), cLow = Col("Value Low"), cHigh = Col("Value High"), cAward = Col("Awarded Value"),
            cSup = Col("Awarded Supplier", "Supplier Name", "Supplier"), cSupAddr = Col("Supplier Address"), cSupSme = Col("Supplier Is SME", "Is SME"),
            cStart = Col("Contract Start Date", "Start"), cEnd = Col("Contract End Date", "End"), cCpv = Col("Cpv Codes", "CpvCodes"),
            cRegion = Col("Region"), cPost = Col("Postcode"), cSuit = Col("Is Suitable For SME", "IsSuitableForSme");
        while (csv.Read())
        {
            var f = csv.Fields;
            long line = csv.RecordLine;
            string? Get(int c) => c >= 0 && c < f.Count && !string.IsNullOrWhiteSpace(f[c]) ? f[c].Trim() : null;
            var id = Get(cId);
            if (f.Count != h.Names.Count)
            {
                result.Reject(new ProcurementReject(path, line, id, "*", "wrong number of fields", f.Count.ToString(CultureInfo.InvariantCulture)));
                continue;
            }
            if (id is null)
            {
                result.Reject(new ProcurementReject(path, line, null, h.Names[cId], "no ocid", null));
                continue;
            }
            var ocid = Guid.TryParse(id, out _) ? "ocds-b5fd17-" + id.ToLowerInvariant() : id;
            var dateText = Get(cDate);
            if (dateText is null)
            {
                result.Reject(new ProcurementReject(path, line, ocid, h.Names[cDate], "no release date", null));
                continue;
            }
            if (!TryDate(dateText, out var date))
            {
                result.Reject(new ProcurementReject(path, line, ocid, h.Names[cDate], "unparsable date", dateText));
                continue;
            }
            (int Col, string? Text, double? Value)[] amounts = [(cLow, Get(cLow), null), (cHigh, Get(cHigh), null), (cAward, Get(cAward), null)];
            string? badField = null, badValue = null, badReason = null;
            for (int k = 0; k < amounts.Length; k++)
            {
                var t = amounts[k].Text;
                if (t is null) continue;
                if (Numbers.TryParse(t.Replace("£", "", StringComparison.Ordinal), out var v)) amounts[k].Value = v;
                else (badField, badValue, badReason) = (h.Names[amounts[k].Col], t, "value is not a number");
            }
            DateTimeOffset? start = null, end = null;
            foreach (var (c, isStart) in new[] { (cStart, true), (cEnd, false) })
            {
                var t = Get(c);
                if (t is null || badField is not null) continue;
                if (TryDate(t, out var d)) { if (isStart) start = d; else end = d; }
                else (badField, badValue, badReason) = (h.Names[c], t, "unparsable date");
            }
            if (badField is not null)
            {
                result.Reject(new ProcurementReject(path, line, ocid, badField, badReason!, badValue));
                continue;
            }
            double? tender = amounts[1].Value is > 0 ? amounts[1].Value : amounts[0].Value;
            var awards = ImmutableArray<ProcurementAward>.Empty;
            var supName = Get(cSup);
            if (amounts[2].Value is not null || supName is not null)
            {
                string? scale = Bool(Get(cSupSme)) switch { true => "sme", false => "large", null => null };
                var sup = supName is null ? ImmutableArray<ProcurementParty>.Empty
                    : [new ProcurementParty(null, supName, OcdsText.CleanAddress(Get(cSupAddr)), null, null, null, scale)];
                awards = [new ProcurementAward(null, "active", amounts[2].Value, amounts[2].Value is null ? null : "GBP", sup, start, end)];
            }
            var cpv = (Get(cCpv) ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(CpvCode.Normalise).Where(c => c is not null).Select(c => c!).Distinct().ToImmutableArray();
            var org = Get(cOrg);
            var region = Get(cRegion);
            var post = Get(cPost);
            var type = Get(cType);
            result.Add(new ProcurementRelease(path, line, ocid, id, date, type is null ? [] : [type],
                OcdsText.Clean(Get(cTitle)), OcdsText.Clean(Get(cDesc)), cpv,
                org is null ? null : new ProcurementParty(null, org, null, null, null, null, null),
                tender, tender is null ? null : "GBP", start, end, Bool(Get(cSuit)),
                region is null ? [] : region.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToImmutableArray(),
                post is null ? [] : [post], awards));
        }
    }

    private static string Key(string name) => new(name.Where(ch => ch is not (' ' or '_' or '-')).Select(char.ToLowerInvariant).ToArray());

    private static bool TryDate(string text, out DateTimeOffset value) =>
        OcdsReleaseParser.TryParseDate(text, out value)
        || DateTimeOffset.TryParseExact(text.Trim(), UkDateFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    private static bool? Bool(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "true" or "yes" or "y" or "1" => true,
        "false" or "no" or "n" or "0" => false,
        _ => null,
    };
}
