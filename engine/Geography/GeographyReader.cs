using System.Collections.Immutable;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.IO;

namespace CompeteModel.Engine.Geography;

/// <summary>
/// Reads the LAD → ITL2 → ITL1 → city-region lookup (the catalogue's <c>geography</c> dataset).
/// A district listed twice with different ITL2 areas is a straddling district (kept with both);
/// a district listed twice with the same ITL2 or with conflicting ITL1/city region is an error.
/// </summary>
public static class GeographyReader
{
    public static GeographyModel Read(string path)
    {
        using var csv = CsvReader.Open(path);
        var h = csv.ReadHeader();
        int cLad = h.Require("lad_code"), cName = h.Require("lad_name"), cItl2 = h.Require("itl2_code"), cItl2Name = h.Require("itl2_name"),
            cItl1 = h.Require("itl1_code"), cItl1Name = h.Require("itl1_name"), cCr = h.Require("city_region_id"),
            cCrCode = h.Require("city_region_code"), cCrName = h.Require("city_region_name");
        var order = new List<string>();
        var rows = new Dictionary<string, (string Name, List<string> Itl2, string Itl1, string? Cr)>(StringComparer.OrdinalIgnoreCase);
        var itl2Names = new Dictionary<string, string>(StringComparer.Ordinal);
        var itl1Names = new Dictionary<string, string>(StringComparer.Ordinal);
        var cities = new Dictionary<string, (string Code, string Name)>(StringComparer.OrdinalIgnoreCase);
        while (csv.Read())
        {
            var f = csv.Fields;
            if (f.Count != h.Names.Count) throw new InputException($"expected {h.Names.Count} fields, found {f.Count}", path, csv.RecordLine);
            string lad = f[cLad].Trim(), itl2 = Itl.Normalise(f[cItl2]), itl1 = Itl.Normalise(f[cItl1]);
            if (lad.Length == 0) throw new InputException("empty district code", path, csv.RecordLine, "lad_code");
            if (itl2.Length == 0) throw new InputException("empty ITL2 code", path, csv.RecordLine, "itl2_code");
            itl2Names.TryAdd(itl2, f[cItl2Name].Trim());
            itl1Names.TryAdd(itl1, f[cItl1Name].Trim());
            var cr = f[cCr].Trim();
            if (cr.Length > 0) cities.TryAdd(cr, (f[cCrCode].Trim(), f[cCrName].Trim()));
            if (rows.TryGetValue(lad, out var prev))
            {
                if (prev.Itl2.Contains(itl2))
                    throw new InputException($"district {lad} is listed twice for ITL2 {itl2}", path, csv.RecordLine, "itl2_code");
                if (prev.Itl1 != itl1 || (prev.Cr ?? "") != cr)
                    throw new InputException($"district {lad} is listed twice with different ITL1 or city region", path, csv.RecordLine, "itl1_code");
                prev.Itl2.Add(itl2);
                continue;
            }
            order.Add(lad);
            rows[lad] = (f[cName].Trim(), new List<string> { itl2 }, itl1, cr.Length > 0 ? cr : null);
        }
        var lads = order.Select(c =>
        {
            var r = rows[c];
            return new Lad(c, r.Name, r.Itl2.Order(StringComparer.Ordinal).ToImmutableArray(), r.Itl1, r.Cr);
        }).ToList();
        return new GeographyModel(lads, itl2Names, itl1Names,
            cities.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => (k.Key, k.Value.Code, k.Value.Name)).ToList());
    }
}
