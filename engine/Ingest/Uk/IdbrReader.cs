using System.Globalization;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Engine.Ingest.Uk;

/// <summary>
/// Reads a NOMIS UK Business Counts download (enterprises by SIC 5-digit × employment size band; columns
/// DATE, GEOGRAPHY_CODE, INDUSTRY_CODE, EMPLOYMENT_SIZEBAND_NAME, COUNT). Only Great Britain rows are
/// expected. Empty or suppressed counts are unknown (NaN) and counted; rows with another geography, an
/// unknown subclass or size band, a year that is not a number, a negative or unparsable count, or a
/// repeated cell are rejected with file, line and field.
/// </summary>
public static class IdbrReader
{
    public static IdbrTable Read(string path, SicHierarchy sic)
    {
        var account = new RowAccount(path);
        using var csv = CsvReader.Open(path);
        var h = csv.ReadHeader();
        int cDate = h.Require("DATE"), cGeo = h.Require("GEOGRAPHY_CODE"), cInd = h.Require("INDUSTRY_CODE"),
            cBand = h.Require("EMPLOYMENT_SIZEBAND_NAME"), cCount = h.Require("COUNT");
        var bandIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int b = 0; b < IdbrTable.BandCount; b++) bandIndex[IdbrTable.BandNames[b]] = b;
        var rows = new List<(int Year, int Sub, int Band, double Value)>();
        while (csv.Read())
        {
            var f = csv.Fields;
            account.CountRead();
            long line = csv.RecordLine;
            if (f.Count != h.Names.Count)
            {
                account.Reject(path, line, "*", "wrong number of fields", f.Count.ToString(CultureInfo.InvariantCulture));
                continue;
            }
            if (!int.TryParse(f[cDate], NumberStyles.None, CultureInfo.InvariantCulture, out var y))
            {
                account.Reject(path, line, "DATE", "year is not a number", f[cDate]);
                continue;
            }
            if (!string.Equals(f[cGeo].Trim(), GeographyModel.GreatBritainCode, StringComparison.OrdinalIgnoreCase))
            {
                account.Reject(path, line, "GEOGRAPHY_CODE", "not Great Britain", f[cGeo]);
                continue;
            }
            if (!sic.TryGetSubclass(SicHierarchy.Clean(f[cInd]), out var sub))
            {
                account.Reject(path, line, "INDUSTRY_CODE", "unknown SIC 2007 subclass", f[cInd]);
                continue;
            }
            if (!bandIndex.TryGetValue(f[cBand].Trim(), out var band))
            {
                account.Reject(path, line, "EMPLOYMENT_SIZEBAND_NAME", "unknown size band", f[cBand]);
                continue;
            }
            double v;
            if (MissingTokens.IsMissing(f[cCount], out var token))
            {
                v = double.NaN;
                account.CountUnknown(token);
            }
            else if (Numbers.TryParse(f[cCount], out v) && v >= 0)
            {
                account.CountUsed();
            }
            else
            {
                account.Reject(path, line, "COUNT", v < 0 ? "negative count" : "count is not a number", f[cCount]);
                continue;
            }
            rows.Add((y, sub, band, v));
        }
        var years = rows.Select(r => r.Year).Distinct().Order().ToList();
        int nSub = sic.Subclasses.Count;
        var count = new double[years.Count * nSub * IdbrTable.BandCount];
        Array.Fill(count, double.NaN);
        var seen = new bool[count.Length];
        var yearIndex = years.Select((y, i) => (y, i)).ToDictionary(p => p.y, p => p.i);
        foreach (var r in rows)
        {
            int i = (yearIndex[r.Year] * nSub + r.Sub) * IdbrTable.BandCount + r.Band;
            if (seen[i]) throw new Errors.InputException(
                $"the cell {r.Year} × {sic.Subclasses[r.Sub].Code} × '{IdbrTable.BandNames[r.Band]}' appears twice", path, field: "INDUSTRY_CODE");
            seen[i] = true;
            count[i] = r.Value;
        }
        account.Check();
        return new IdbrTable(years, nSub, count, account);
    }
}
