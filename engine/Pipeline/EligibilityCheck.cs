using CompeteModel.Engine.Indicators;

namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// The empirical check of the traded/local classification on published employment (docs/METHODS.md "Eligibility"):
/// a traded industry concentrates in some places, a local one is spread like employment itself. The Hoover
/// coefficient of localisation of sector s over the areas r, H_s = ½ Σ_r |x_rs/x_·s − x_r·/x_··| (Hoover 1936; the
/// specialisation formula of <see cref="Concentration.Hoover"/> with areas and sectors swapped), is 0 for a sector
/// spread exactly like total employment and approaches 1 for one held in a single area. Over the 40 GB ITL2 areas,
/// H &lt; <see cref="DispersedBelow"/> reads "dispersed" and H ≥ <see cref="ConcentratedFrom"/> "concentrated" (in between
/// "intermediate"); a traded sector that is dispersed, or a local one that is concentrated, disagrees with its class.
/// </summary>
public static class EligibilityCheck
{
    /// <summary>Below this Hoover coefficient a sector is spread like employment: the large population-serving industries (retail, food service, schools, health) sit at 0.05–0.07 at division level.</summary>
    public const double DispersedBelow = 0.15;

    /// <summary>From this Hoover coefficient on a sector is concentrated: most manufacturing divisions sit above 0.20.</summary>
    public const double ConcentratedFrom = 0.20;

    /// <summary>H_s for a sector given its employment in each area and each area's total employment (unknown cells left out).</summary>
    public static double Hoover(ReadOnlySpan<double> sectorByArea, ReadOnlySpan<double> totalByArea) => Concentration.Hoover(sectorByArea, totalByArea);

    /// <summary>"dispersed", "intermediate" or "concentrated" (NaN: "unknown").</summary>
    public static string Label(double hoover) =>
        double.IsNaN(hoover) ? "unknown" : hoover < DispersedBelow ? "dispersed" : hoover >= ConcentratedFrom ? "concentrated" : "intermediate";

    /// <summary>Whether a class and the empirical label agree: traded is not dispersed, local is not concentrated; mixed agrees with any label.</summary>
    public static bool Agrees(Sectors.TradeClass c, string label) => c switch
    {
        Sectors.TradeClass.Traded => label != "dispersed",
        Sectors.TradeClass.Local => label != "concentrated",
        _ => true,
    };
}
