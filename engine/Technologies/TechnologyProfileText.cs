using System.Globalization;
using System.Text;
using CompeteModel.Engine.Geography;

namespace CompeteModel.Engine.Technologies;

/// <summary>The technology profile as <c>compete technologies</c> prints it: one line per technology, highest LQ first.</summary>
public static class TechnologyProfileText
{
    /// <summary>Firm and employment shares, LQ with its bootstrap band, growth and density of each technology in the target region.</summary>
    public static string Build(TechnologyProfile p, Region target, TechnologyTaxonomy taxonomy)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append($"Technology profile of {target.Name} ({target.Code}), {p.Year}" + (p.BaseYear is { } b ? $", growth since {b}" : "")).Append('\n');
        sb.Append($"{"technology",-34}{"firm share",12}{"emp share",12}{"LQ",8}{"LQ 5-95%",14}{"growth",9}{"density",9}").Append('\n');
        var order = Enumerable.Range(0, p.T).OrderByDescending(t => double.IsNaN(p.Lq[t]) ? double.NegativeInfinity : p.Lq[t]).ThenBy(t => t);
        foreach (var t in order)
        {
            string name = t < taxonomy.Technologies.Count ? taxonomy.Technologies[t].Name : "any technology";
            string F(double v, string f) => double.IsNaN(v) ? "–" : v.ToString(f, inv);
            string band = p.Replicates == 0 ? "–" : F(p.LqLower[t], "0.00") + "–" + F(p.LqUpper[t], "0.00");
            sb.Append($"{name,-34}{F(p.FirmShare[t], "P1"),12}{F(p.EmploymentShare[t], "P1"),12}{F(p.Lq[t], "0.00"),8}" +
                $"{band,14}{F(p.Growth[t], "P1"),9}{F(p.Density[t], "0.00"),9}").Append('\n');
        }
        return sb.ToString();
    }
}
