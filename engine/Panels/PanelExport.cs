using CompeteModel.Engine.IO;

namespace CompeteModel.Engine.Panels;

/// <summary>Turns a <see cref="Panel"/> into a long table for CSV or Parquet output.</summary>
public static class PanelExport
{
    /// <summary>
    /// One row per measure × year × region × sector (in that order, the panel's own order), with columns
    /// region (official code), region_name, sector, sector_name, year, measure, value, lower, upper,
    /// firms (0 when the measure carries no firm counts, i.e. it is not micro data) and provenance.
    /// Unknown cells keep NaN (written empty in CSV); an unbounded upper stays +∞.
    /// </summary>
    public static Table ToLongTable(Panel panel)
    {
        var measures = panel.Measures.ToList();
        int cells = panel.CellCount, n = cells * measures.Count;
        var region = new string?[n];
        var regionName = new string?[n];
        var sector = new string?[n];
        var sectorName = new string?[n];
        var year = new int[n];
        var measure = new string?[n];
        var value = new double[n];
        var lower = new double[n];
        var upper = new double[n];
        var firms = new int[n];
        var provenance = new string?[n];
        int k = 0;
        foreach (var m in measures)
        {
            string mName = m.Measure.ToString(), pName = m.Provenance.ToString();
            for (int t = 0; t < panel.T; t++)
                for (int r = 0; r < panel.R; r++)
                    for (int s = 0; s < panel.S; s++, k++)
                    {
                        int i = panel.Index(r, s, t);
                        region[k] = panel.Regions[r].Code;
                        regionName[k] = panel.Regions[r].Name;
                        sector[k] = panel.Sectors[s].Code;
                        sectorName[k] = panel.Sectors[s].Name;
                        year[k] = panel.Years[t];
                        measure[k] = mName;
                        value[k] = m.Value[i];
                        lower[k] = m.Lower[i];
                        upper[k] = m.Upper[i];
                        firms[k] = m.FirmCount?[i] ?? 0;
                        provenance[k] = pName;
                    }
        }
        return new Table(new[]
        {
            TableColumn.Of("region", region),
            TableColumn.Of("region_name", regionName),
            TableColumn.Of("sector", sector),
            TableColumn.Of("sector_name", sectorName),
            TableColumn.Of("year", year),
            TableColumn.Of("measure", measure),
            TableColumn.Of("value", value),
            TableColumn.Of("lower", lower),
            TableColumn.Of("upper", upper),
            TableColumn.Of("firms", firms),
            TableColumn.Of("provenance", provenance),
        });
    }
}
