using System.Globalization;
using System.Text;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Scoring;

namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// The text <c>compete run</c> prints after a run: the headline table (rank, 5–95% band, sector, composite, quadrant), the
/// cluster lens's clusters, and the national run's product table. Built here so that the CLI only prints it.
/// </summary>
public static class RunSummaryText
{
    /// <summary>What the run's region data are, as the headline says it.</summary>
    public static string DataLabel(CityRegionRunResult r) => r.FirmProvenance switch
    {
        null => "published statistics",
        Provenance.GeneratedMicroData => "GENERATED firm-level data (demonstration)",
        _ => "user firm-level data",
    };

    /// <summary>The headline table: a title line, then rank, 5–95% band, sector, composite, quadrant and name of the top <paramref name="n"/>.</summary>
    public static string Top(CityRegionRunResult r, int n)
    {
        var sb = new StringBuilder();
        var ci = CultureInfo.InvariantCulture;
        var bands = r.MonteCarlo.Bands.ToDictionary(b => b.Code, StringComparer.Ordinal);
        sb.Append(ci, $"{r.Region.Name} ({r.Region.Code}), spec '{r.Spec.Name}', {r.Level.ToString().ToLowerInvariant()} level, {r.BaseYear}-{r.Year}, {DataLabel(r)}").Append('\n');
        sb.Append("rank  band     sector  composite  quadrant            name\n");
        foreach (var u in r.Score.Units.Take(n))
        {
            var b = bands[u.Code];
            sb.Append(ci, $"{u.Rank,4}  {Math.Floor(b.P05),3:0}-{Math.Ceiling(b.P95),-3:0}  {u.Code.PadRight(Math.Max(6, r.Score.Units.Max(x => x.Code.Length)))}  {u.Composite,9:0.00}  {Quadrants.Name(u.SpecialisationGrowth),-18}  {u.Name}")
              .Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>The cluster lens's clusters: employment, share of the region and the SIC codes inside.</summary>
    public static string Clusters(Table t)
    {
        var sb = new StringBuilder("cluster                         employment  share  SIC codes\n");
        for (int i = 0; i < t.RowCount; i++)
            sb.Append(CultureInfo.InvariantCulture,
                $"{t.GetText(t.Column("cluster"), i),-30}  {t.GetDouble(t.Column("employment"), i),10:N0}  {t.GetDouble(t.Column("share_of_region"), i),5:P0}  {t.GetText(t.Column("sic_codes"), i)}").Append('\n');
        return sb.ToString();
    }

    /// <summary>The national run's headline: the location's ECI and rank, then the top <paramref name="n"/> products with their 5–95% band.</summary>
    public static string National(NationalRunResult result, string location, ModelSpec spec, int n)
    {
        var sb = new StringBuilder();
        var ci = CultureInfo.InvariantCulture;
        var bands = result.MonteCarlo.Bands.ToDictionary(b => b.Code, StringComparer.Ordinal);
        sb.Append(ci, $"{location}: spec '{spec.Name}', {result.Score.Units.Count} products scored; ECI {result.Eci:0.000} (rank {result.EciRank} of {result.Complexity.Locations.Count})").Append('\n');
        sb.Append("rank  band       product  composite\n");
        foreach (var u in result.Score.Units.Take(n))
        {
            var b = bands[u.Code];
            sb.Append(ci, $"{u.Rank,4}  {Math.Floor(b.P05),4:0}-{Math.Ceiling(b.P95),-4:0}  {u.Code,-7}  {u.Composite,9:0.00}").Append('\n');
        }
        return sb.ToString();
    }
}
