using CompeteModel.Engine.Geography;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Statistics;
using CompeteModel.Engine.Technologies;

namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// The region's technology profile from its firms' descriptions: per technology (and "any"), the employment share of
/// each sector's firms tagged with it, and a region × technology table (firms and jobs tagged, shares, growth of tagged
/// firms between base and end year as a CAGR).
/// </summary>
public static class TechnologyShares
{
    /// <summary>Tags the firms of <paramref name="year"/> and <paramref name="baseYear"/>; fills <paramref name="shares"/> per technology id and returns the region table.</summary>
    public static Table Build(TechnologyTaxonomy taxonomy, FirmIndex fi, int year, int baseYear, int sectorCount,
        Dictionary<string, double[]> shares, Region region)
    {
        var tagger = new TechnologyTagger(taxonomy);
        var ids = taxonomy.Technologies.Select(t => t.Id).ToArray();
        var yearFirms = fi.FirmsOf(year);
        var texts = yearFirms.Select(i => fi.Firms.Description[i]).ToArray();
        var cpcs = yearFirms.Select(i => fi.Firms.Cpc[i]).ToArray();
        var masks = tagger.TagMasks(texts, cpcs);
        var baseFirms = fi.FirmsOf(baseYear);
        var baseMasks = tagger.TagMasks(baseFirms.Select(i => fi.Firms.Description[i]).ToArray(), baseFirms.Select(i => fi.Firms.Cpc[i]).ToArray());
        int T = ids.Length;
        var empSector = new double[sectorCount];
        var tagged = new double[(T + 1) * sectorCount];
        var firmsTagged = new double[T + 1];
        var empTagged = new double[T + 1];
        var baseTagged = new double[T + 1];
        double totalEmp = 0;
        for (int j = 0; j < yearFirms.Length; j++)
        {
            int f = yearFirms[j];
            int s = fi.SectorOf[f];
            double w = fi.Firms.Employment[f];
            if (s < 0 || double.IsNaN(w)) continue;
            empSector[s] += w;
            totalEmp += w;
            ulong m = masks[j];
            for (int t = 0; t <= T; t++)
            {
                bool hit = t < T ? (m >> t & 1UL) != 0 : m != 0;
                if (!hit) continue;
                tagged[t * sectorCount + s] += w;
                firmsTagged[t]++;
                empTagged[t] += w;
            }
        }
        foreach (var m in baseMasks)
            for (int t = 0; t <= T; t++)
                if (t < T ? (m >> t & 1UL) != 0 : m != 0) baseTagged[t]++;
        for (int t = 0; t <= T; t++)
        {
            var a = new double[sectorCount];
            for (int s = 0; s < sectorCount; s++) a[s] = empSector[s] > 0 ? tagged[t * sectorCount + s] / empSector[s] : double.NaN;
            shares[t < T ? ids[t] : CityRegionRun.TechAny] = a;
        }
        var names = ids.Append(CityRegionRun.TechAny).ToArray();
        int n = names.Length;
        var growth = new double[n];
        for (int t = 0; t < n; t++)
            growth[t] = CompoundGrowth.Rate(baseTagged[t], firmsTagged[t], year - baseYear);
        return new Table(new[]
        {
            TableColumn.Of("region", Enumerable.Repeat<string?>(region.Id, n).ToArray()),
            TableColumn.Of("technology", names.Select(x => (string?)x).ToArray()),
            TableColumn.Of("name", names.Select(x => (string?)(x == CityRegionRun.TechAny ? "any enabling technology" : taxonomy.Technologies.First(t => t.Id == x).Name)).ToArray()),
            TableColumn.Of("year", Enumerable.Repeat(year, n).ToArray()),
            TableColumn.Of("firms_tagged", firmsTagged),
            TableColumn.Of("firm_share", firmsTagged.Select(v => yearFirms.Length > 0 ? v / yearFirms.Length : double.NaN).ToArray()),
            TableColumn.Of("employment_tagged", empTagged),
            TableColumn.Of("employment_share", empTagged.Select(v => totalEmp > 0 ? v / totalEmp : double.NaN).ToArray()),
            TableColumn.Of("firms_tagged_base_year", baseTagged),
            TableColumn.Of("cagr_tagged_firms", growth),
        });
    }
}
