using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Engine.Ingest.Uk;

/// <summary>
/// Reads a NOMIS BRES download as published (gzip or plain; columns DATE, GEOGRAPHY_NAME,
/// GEOGRAPHY_CODE, INDUSTRY_NAME, INDUSTRY_CODE, COUNT; <c>UKxx</c> codes; "25620 : Machining"
/// labels). Empty or suppressed counts are kept as unknown and counted; rows with an unknown
/// geography or SIC code, or a count that is not a number, are rejected with file, line and field.
/// </summary>
public static class BresReader
{
    public static BresTable Read(string path, GeographyModel geography, SicHierarchy sic, BresRoundingRule rule = BresRoundingRule.Relaxed)
    {
        var account = new RowAccount(path);
        using var csv = CsvReader.Open(path);
        var h = csv.ReadHeader();
        int cDate = h.Require("DATE"), cGeo = h.Require("GEOGRAPHY_CODE"), cGeoName = h.Require("GEOGRAPHY_NAME"),
            cInd = h.Require("INDUSTRY_CODE"), cCount = h.Require("COUNT");
        var itl2 = new HashSet<string>(geography.OfKind(RegionKind.Itl2).Select(r => r.Code), StringComparer.Ordinal);
        var names = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var year = new List<int>();
        var geo = new List<string>();
        var ind = new List<string>();
        var val = new List<double>();
        var lo = new List<double>();
        var hi = new List<double>();
        var codeCache = new Dictionary<string, string?>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var f = csv.Fields;
            account.CountRead();
            long line = csv.RecordLine;
            if (f.Count != h.Names.Count)
            {
                account.Reject(path, line, "*", "wrong number of fields", f.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                continue;
            }
            if (!int.TryParse(f[cDate], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y))
            {
                account.Reject(path, line, "DATE", "year is not a number", f[cDate]);
                continue;
            }
            var g = Itl.Normalise(f[cGeo]);
            if (!itl2.Contains(g))
            {
                account.Reject(path, line, "GEOGRAPHY_CODE", "unknown ITL2 code", f[cGeo]);
                continue;
            }
            if (!codeCache.TryGetValue(f[cInd], out var code))
            {
                var clean = SicHierarchy.Clean(f[cInd]);
                code = sic.SubclassesUnder(clean).Count > 0 ? clean : null;
                codeCache[f[cInd]] = code;
            }
            if (code is null)
            {
                account.Reject(path, line, "INDUSTRY_CODE", "unknown SIC 2007 code", f[cInd]);
                continue;
            }
            double v, l, u;
            if (MissingTokens.IsMissing(f[cCount], out var token))
            {
                v = l = u = double.NaN;
                account.CountUnknown(token);
            }
            else if (Numbers.TryParse(f[cCount], out v) && v >= 0)
            {
                (l, u) = BresRounding.Interval(v, rule);
                account.CountUsed();
            }
            else
            {
                account.Reject(path, line, "COUNT", v < 0 ? "negative count" : "count is not a number", f[cCount]);
                continue;
            }
            names.TryAdd(g, f[cGeoName].Trim());
            year.Add(y);
            geo.Add(g);
            ind.Add(code);
            val.Add(v);
            lo.Add(l);
            hi.Add(u);
        }
        account.Check();
        return new BresTable(year.ToArray(), geo.ToArray(), ind.ToArray(), val.ToArray(), lo.ToArray(), hi.ToArray(), names, account);
    }
}
