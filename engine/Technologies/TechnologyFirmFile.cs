using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Ingest;
using CompeteModel.Engine.IO;

namespace CompeteModel.Engine.Technologies;

/// <summary>
/// Reads a firm-level file in the micro-data layout (CSV or Parquet; columns <c>year</c>, <c>lad_code</c>,
/// <c>sic</c>, <c>employment</c>, optional <c>description</c> and <c>cpc</c>; others ignored) for a technology
/// profile, tagging each firm. Every row is used or rejected with line, field and reason: unknown district,
/// SIC code that is not 2–5 digits, year that is not a whole number, employment that is negative or not a
/// number. An empty employment cell is kept as unknown (NaN), counted. The firm-table reader of the micro-data
/// stage can replace this by handing its arrays to <see cref="TechnologyRegionPartition.Firms"/>.
/// </summary>
public static class TechnologyFirmFile
{
    public static (TechnologyFirms Firms, RowAccount Account) Read(string path, GeographyModel geography,
        TechnologyRegionPartition partition, TechnologyTagger tagger)
    {
        var table = TableFiles.Read(path);
        var account = new RowAccount(path);
        var cYear = table.Column("year");
        var cLad = table.Column("lad_code");
        var cSic = table.Column("sic");
        var cEmp = table.Column("employment");
        var cDesc = table.HasColumn("description") ? table.Column("description") : null;
        var cCpc = table.HasColumn("cpc") ? table.Column("cpc") : null;
        var ladIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < geography.Lads.Count; i++) ladIndex[geography.Lads[i].Code] = i;

        var lad = new List<int>();
        var sic = new List<string>();
        var emp = new List<double>();
        var year = new List<int>();
        var text = new List<string?>();
        var cpc = new List<string?>();
        for (int r = 0; r < table.RowCount; r++)
        {
            account.CountRead();
            long line = table.LineOf(r);
            var yText = table.GetText(cYear, r)?.Trim();
            if (!int.TryParse(yText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y))
            { account.Reject(path, line, "year", "year not a whole number", yText); continue; }
            var l = table.GetText(cLad, r)?.Trim() ?? "";
            if (!ladIndex.TryGetValue(l, out var li)) { account.Reject(path, line, "lad_code", "unknown district code", l); continue; }
            var s = (table.GetText(cSic, r) ?? "").Trim().Replace(".", "");
            if (s.Length is < 2 or > 5 || !s.All(char.IsAsciiDigit)) { account.Reject(path, line, "sic", "SIC code not 2-5 digits", s); continue; }
            double e;
            var eText = table.GetText(cEmp, r);
            if (string.IsNullOrWhiteSpace(eText)) { e = double.NaN; account.CountUnknown(""); }
            else if (!Numbers.TryParse(eText, out e) || e < 0) { account.Reject(path, line, "employment", "employment not a number ≥ 0", eText); continue; }
            else account.CountUsed();
            lad.Add(li);
            sic.Add(s);
            emp.Add(e);
            year.Add(y);
            text.Add(cDesc is null ? null : table.GetText(cDesc, r));
            cpc.Add(cCpc is null ? null : table.GetText(cCpc, r));
        }
        account.Check();
        if (lad.Count == 0) throw new InputException("no usable firm rows", path);
        var masks = tagger.TagMasks(text, cpc);
        var ids = tagger.Taxonomy.Technologies.Select(t => t.Id).ToList();
        return (partition.Firms(lad.ToArray(), sic.ToArray(), emp.ToArray(), year.ToArray(), masks, ids), account);
    }
}
