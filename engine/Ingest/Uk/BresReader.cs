using System.Globalization;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Engine.Ingest.Uk;

/// <summary>
/// Reads a BRES download from NOMIS as published (gzip or plain), in either layout NOMIS produces:
/// <list type="bullet">
/// <item>the web-download layout of the shipped files: DATE, GEOGRAPHY_NAME, GEOGRAPHY_CODE, INDUSTRY_NAME, INDUSTRY_CODE, COUNT;</item>
/// <item>the API CSV layout: DATE, GEOGRAPHY_CODE, GEOGRAPHY_NAME, INDUSTRY_CODE, EMPLOYMENT_STATUS(_NAME), MEASURE(_NAME),
/// MEASURES(_NAME), OBS_VALUE, OBS_STATUS, ... (extra columns ignored).</item>
/// </list>
/// Areas may be of any geography NOMIS offers (districts of any vintage, ITL3, ITL2, ITL1, combined authorities, Great
/// Britain and its countries; <c>UKxx</c> codes are read as <c>TLxx</c>), industries of any SIC level (section to subclass).
/// Rows of an employment status other than employment, or of a measure other than counts, are refused (the whole file,
/// with a message naming what it holds) unless <see cref="BresReadOptions"/> names the one to keep; then the other rows
/// are rejected with that reason. Empty, suppressed or flagged counts (OBS_STATUS other than normal, provisional or a
/// break in series) are unknown, never 0, and counted; rows with an unknown area or SIC code, or a count that is not a
/// number, are rejected with file, line and field.
/// </summary>
public static class BresReader
{
    /// <summary>OBS_STATUS codes whose value is published as it stands: A normal, P provisional, B break in series.</summary>
    private static readonly HashSet<string> PublishedStatus = new(StringComparer.OrdinalIgnoreCase) { "", "A", "P", "B" };

    public static BresTable Read(string path, GeographyModel geography, SicHierarchy sic, BresReadOptions? options = null, LadSuccessors? successors = null)
    {
        options ??= BresReadOptions.Default;
        successors ??= LadSuccessors.None;
        var account = new RowAccount(path);
        using var csv = CsvReader.Open(path);
        var h = csv.ReadHeader();
        bool api = h.Optional("OBS_VALUE") >= 0;
        int cDate = h.Require("DATE"), cGeo = h.Require("GEOGRAPHY_CODE"), cInd = h.Require("INDUSTRY_CODE");
        int cGeoName = h.Optional("GEOGRAPHY_NAME");
        int cCount = api ? h.Require("OBS_VALUE") : h.Require("COUNT");
        int cObsStatus = api ? h.Optional("OBS_STATUS") : -1;
        var status = new Dimension("employment status", "EMPLOYMENT_STATUS", h, options.EmploymentStatus, "Employment", "4", "--bres-status");
        var measure = new Dimension("measure", "MEASURE", h, options.Measure, "Count", "1", "--bres-measure");
        var measures = new Dimension("measures", "MEASURES", h, null, "Value", "20100", "--bres-measure");

        var areas = new AreaClassifier(geography, successors);
        var names = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var kinds = new Dictionary<string, BresAreaKind>(StringComparer.Ordinal);
        var year = new List<int>();
        var geo = new List<string>();
        var ind = new List<string>();
        var val = new List<double>();
        var lo = new List<double>();
        var hi = new List<double>();
        // Codes are resolved once per distinct spelling, looked up by the field's characters: no string per row.
        var codeCache = new Dictionary<string, string?>(StringComparer.Ordinal);
        var areaCache = new Dictionary<string, string?>(StringComparer.Ordinal);
        var codeLookup = codeCache.GetAlternateLookup<ReadOnlySpan<char>>();
        var areaLookup = areaCache.GetAlternateLookup<ReadOnlySpan<char>>();
        while (csv.Read())
        {
            var f = csv.Fields; // strings made only for the fields a reject or a new code needs
            account.CountRead();
            long line = csv.RecordLine;
            if (csv.FieldCount != h.Names.Count)
            {
                account.Reject(path, line, "*", "wrong number of fields", csv.FieldCount.ToString(CultureInfo.InvariantCulture));
                continue;
            }
            if (!status.Keep(f, path, line, account) || !measure.Keep(f, path, line, account) || !measures.Keep(f, path, line, account)) continue;
            if (!TryYear(csv.Field(cDate), out var y))
            {
                account.Reject(path, line, "DATE", "year is not a number", f[cDate]);
                continue;
            }
            // an area code is normalised and classified once per distinct spelling
            if (!areaLookup.TryGetValue(csv.Field(cGeo), out var g))
            {
                var normal = Itl.Normalise(f[cGeo]);
                if (!kinds.ContainsKey(normal))
                {
                    if (areas.Classify(normal) is { } kind)
                    {
                        kinds[normal] = kind;
                        names.TryAdd(normal, cGeoName >= 0 ? f[cGeoName].Trim() : normal);
                    }
                    else normal = null;
                }
                areaCache[f[cGeo]] = g = normal;
            }
            if (g is null)
            {
                account.Reject(path, line, "GEOGRAPHY_CODE", "unknown area code (not a district, ITL area, combined authority or Great Britain)", f[cGeo]);
                continue;
            }
            if (!codeLookup.TryGetValue(csv.Field(cInd), out var code))
            {
                var clean = SicHierarchy.Clean(f[cInd]);
                if (clean.Length == 6 && clean.EndsWith('0')) clean = clean[..5];
                code = sic.SubclassesUnder(clean).Count > 0 ? clean : null;
                codeCache[f[cInd]] = code;
            }
            if (code is null)
            {
                account.Reject(path, line, "INDUSTRY_CODE", "unknown SIC 2007 code", f[cInd]);
                continue;
            }
            double v, l, u;
            string flag = cObsStatus >= 0 ? f[cObsStatus].Trim() : "";
            var count = csv.Field(cCount);
            if (MissingTokens.IsMissing(count, out var token))
            {
                v = l = u = double.NaN;
                account.CountUnknown(flag.Length > 0 ? "OBS_STATUS " + flag : token);
            }
            else if (flag.Length > 0 && !PublishedStatus.Contains(flag))
            {
                v = l = u = double.NaN;
                account.CountUnknown("OBS_STATUS " + flag);
            }
            else if (Numbers.TryParse(count, out v) && v >= 0)
            {
                (l, u) = BresRounding.Interval(v, options.Rounding);
                account.CountUsed();
            }
            else
            {
                account.Reject(path, line, api ? "OBS_VALUE" : "COUNT", v < 0 ? "negative count" : "count is not a number", f[cCount]);
                continue;
            }
            year.Add(y);
            geo.Add(g);
            ind.Add(code);
            val.Add(v);
            lo.Add(l);
            hi.Add(u);
        }
        status.Check(path);
        measure.Check(path);
        measures.Check(path);
        account.Check();
        return new BresTable(year.ToArray(), geo.ToArray(), ind.ToArray(), val.ToArray(), lo.ToArray(), hi.ToArray(), names, account, kinds);
    }

    /// <summary>"2021", or a NOMIS date such as "2021-12" (its year).</summary>
    private static bool TryYear(ReadOnlySpan<char> text, out int year)
    {
        var t = text.Trim();
        if (t.Length > 4 && t[4] == '-') t = t[..4];
        return int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out year) && t.Length == 4;
    }

    /// <summary>
    /// One NOMIS dimension of an API download (employment status, measure): the rows to keep are those of the chosen
    /// value, or of the default when none is chosen. Without a choice, a file holding any other value is refused after
    /// reading, naming the values and row counts it holds; with a choice, rows of other values are rejected.
    /// </summary>
    private sealed class Dimension
    {
        private readonly string _what, _option, _default, _defaultCode, _field;
        private readonly string? _chosen;
        private readonly int _code, _name;
        private readonly SortedDictionary<string, long> _others = new(StringComparer.Ordinal);
        private long _kept;

        public Dimension(string what, string column, CsvHeader h, string? chosen, string defaultName, string defaultCode, string option)
        {
            _what = what;
            _option = option;
            _chosen = chosen?.Trim();
            _default = defaultName;
            _defaultCode = defaultCode;
            _code = h.Optional(column);
            _name = h.Optional(column + "_NAME");
            _field = _code >= 0 ? column : column + "_NAME";
            if (_code < 0 && _name < 0 && _chosen is not null)
                throw new InputException($"{option} {_chosen}: the file has no {column} column, so there is no {what} to choose", field: option);
        }

        public bool Keep(IReadOnlyList<string> f, string path, long line, RowAccount account)
        {
            if (_code < 0 && _name < 0) return true;
            string code = _code >= 0 ? f[_code].Trim() : "", name = _name >= 0 ? f[_name].Trim() : "";
            bool match = _chosen is not null
                ? string.Equals(code, _chosen, StringComparison.OrdinalIgnoreCase) || string.Equals(name, _chosen, StringComparison.OrdinalIgnoreCase)
                : _name >= 0 ? string.Equals(name, _default, StringComparison.OrdinalIgnoreCase) : code == _defaultCode;
            if (match) { _kept++; return true; }
            var label = name.Length > 0 ? name : code;
            _others[label] = _others.GetValueOrDefault(label) + 1;
            account.Reject(path, line, _field, _chosen is not null ? $"{_what} '{label}' is not the one chosen ({_chosen})" : $"{_what} '{label}' (none chosen)", label);
            return false;
        }

        public void Check(string path)
        {
            if (_chosen is not null)
            {
                if (_kept == 0)
                    throw new InputException($"no row has {_what} '{_chosen}'; the file holds {List()}", path, field: _option);
                return;
            }
            if (_others.Count == 0) return;
            throw new InputException(
                $"the file holds rows of {_what} {List()}; the model counts {_what} '{_default}' (the shipped BRES: employees + working owners, as counts). " +
                $"Download that {_what} only, or choose the one to use with {_option} NAME (other rows are then counted as rejected)", path, field: _option);
        }

        private string List()
        {
            var parts = _others.Select(kv => string.Create(CultureInfo.InvariantCulture, $"'{kv.Key}' ({kv.Value:N0} rows)")).ToList();
            if (_kept > 0) parts.Insert(0, string.Create(CultureInfo.InvariantCulture, $"'{_chosen ?? _default}' ({_kept:N0} rows)"));
            return string.Join(", ", parts);
        }
    }

    /// <summary>Which kind of area a (normalised) code names.</summary>
    private sealed class AreaClassifier(GeographyModel geography, LadSuccessors successors)
    {
        private readonly Dictionary<string, RegionKind> _known = geography.Regions
            .GroupBy(r => r.Code, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Kind).Min(), StringComparer.OrdinalIgnoreCase);

        public BresAreaKind? Classify(string code)
        {
            if (string.Equals(code, GeographyModel.GreatBritainCode, StringComparison.OrdinalIgnoreCase)) return BresAreaKind.Nation;
            if (code is "E92000001" or "W92000004" or "S92000003") return BresAreaKind.Country;
            if (_known.TryGetValue(code, out var kind))
                return kind switch
                {
                    RegionKind.Lad => BresAreaKind.District,
                    RegionKind.Itl2 => BresAreaKind.Itl2,
                    RegionKind.Itl1 => BresAreaKind.Itl1,
                    RegionKind.CityRegion => BresAreaKind.CityRegion,
                    RegionKind.Nation => BresAreaKind.Nation,
                    _ => null,
                };
            if (successors.Knows(code)) return BresAreaKind.District;
            if (code.Length == 5 && code.StartsWith("TL", StringComparison.Ordinal) && char.IsAsciiLetterUpper(code[2]) && char.IsAsciiDigit(code[3]) && char.IsAsciiDigit(code[4]))
                return BresAreaKind.Itl3;
            return null;
        }
    }
}
