using System.Globalization;
using System.Text.RegularExpressions;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Engine.Ingest.Uk;

/// <summary>
/// Reads an ONS regional GVA table saved as CSV (gzip or plain): columns "ITL region code",
/// "ITL region name", "SIC07 code", "SIC07 description", then one column per year. Numbers may carry
/// thousands separators ("12,219"). The row account counts cells (one per row and year column):
/// a missing-value token (<see cref="MissingTokens"/>) is kept unknown and counted; a cell that is not
/// a number, and every cell of a row with an unknown region code, an industry code that cannot be
/// mapped to SIC divisions, or a repeated region × industry, is rejected with file, line and field.
/// </summary>
public static partial class GvaReader
{
    public static GvaTable Read(string path, SicHierarchy sic, GvaPriceBasis basis)
    {
        var account = new RowAccount(path);
        using var csv = CsvReader.Open(path);
        var h = csv.ReadHeader();
        int cReg = h.Require("ITL region code"), cRegName = h.Require("ITL region name"),
            cInd = h.Require("SIC07 code"), cIndName = h.Require("SIC07 description");
        var yearCols = new List<(int Column, int Year)>();
        for (int i = 0; i < h.Names.Count; i++)
            if (h.Names[i].Trim().Length == 4 && int.TryParse(h.Names[i].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y))
                yearCols.Add((i, y));
        if (yearCols.Count == 0) throw new InputException("no year columns (e.g. 1998, 2021) in the header", path, 1);
        if (yearCols.Select(c => c.Year).Distinct().Count() != yearCols.Count) throw new InputException("a year column appears twice", path, 1);
        int years = yearCols.Count;

        var regions = new List<(string Code, string Name)>();
        var regionIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var industries = new List<(string Code, string Name)>();
        var industryIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var parseCache = new Dictionary<string, string?>(StringComparer.Ordinal);
        var cells = new List<(int Region, int Industry, double[] Values)>();
        var seen = new HashSet<(int, int)>();
        while (csv.Read())
        {
            var f = csv.Fields;
            long line = csv.RecordLine;
            account.CountRead(years);
            if (f.Count != h.Names.Count) { RejectRow(account, path, line, "*", "wrong number of fields", f.Count.ToString(CultureInfo.InvariantCulture), years); continue; }
            var region = Itl.Normalise(f[cReg]);
            if (!ItlCode().IsMatch(region)) { RejectRow(account, path, line, "ITL region code", "not an ITL code", f[cReg], years); continue; }
            var code = f[cInd].Trim();
            if (!string.Equals(code, GvaIndustries.TotalCode, StringComparison.OrdinalIgnoreCase))
            {
                if (!parseCache.TryGetValue(code, out var why))
                {
                    why = GvaIndustries.TryParse(code, f[cIndName], sic, out _, out var w) ? null : w;
                    parseCache[code] = why;
                }
                if (why is not null) { RejectRow(account, path, line, "SIC07 code", "industry code not mapped to SIC 2007 divisions: " + why, f[cInd], years); continue; }
            }
            else code = GvaIndustries.TotalCode;
            if (!regionIndex.TryGetValue(region, out var r))
            {
                r = regions.Count;
                regionIndex[region] = r;
                regions.Add((region, f[cRegName].Trim()));
            }
            if (!industryIndex.TryGetValue(code, out var s))
            {
                s = industries.Count;
                industryIndex[code] = s;
                industries.Add((code, f[cIndName].Trim()));
            }
            if (!seen.Add((r, s))) { RejectRow(account, path, line, "SIC07 code", "repeated region × industry row", $"{region} {code}", years); continue; }
            var v = new double[years];
            for (int k = 0; k < years; k++)
            {
                var cell = f[yearCols[k].Column];
                if (MissingTokens.IsMissing(cell, out var token))
                {
                    v[k] = double.NaN;
                    account.CountUnknown(token);
                }
                else if (Numbers.TryParse(cell, out var x))
                {
                    v[k] = x;
                    account.CountUsed();
                }
                else
                {
                    v[k] = double.NaN;
                    account.Reject(path, line, h.Names[yearCols[k].Column], "value is not a number", cell);
                }
            }
            cells.Add((r, s, v));
        }
        account.Check();
        if (regions.Count == 0) throw new InputException("the table has no usable rows", path);
        var gi = GvaIndustries.Build(industries, sic, path);
        // GvaIndustries.All is in the order of `industries`; map positions by code.
        var pos = new int[industries.Count];
        for (int i = 0; i < industries.Count; i++) pos[i] = gi.All.Select((x, j) => (x, j)).First(t => t.x.Code == industries[i].Code).j;
        var values = new double[regions.Count * industries.Count * years];
        Array.Fill(values, double.NaN);
        foreach (var (r, s, v) in cells)
            v.CopyTo(values, GvaTable.Offset(r, pos[s], 0, industries.Count, years));
        return new GvaTable(path, basis, regions, gi, yearCols.Select(c => c.Year).ToList(), values, account);
    }

    private static void RejectRow(RowAccount account, string path, long line, string field, string reason, string? value, int cells)
    {
        for (int k = 0; k < cells; k++) account.Reject(path, line, field, reason, value);
    }

    [GeneratedRegex(@"^TL[A-Z][A-Z0-9]{0,3}$")]
    private static partial Regex ItlCode();
}
