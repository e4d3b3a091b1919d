namespace CompeteModel.Engine.Sectors;

/// <summary>
/// Whether a sector sells mainly outside its region (traded), mainly to local residents and businesses (local), or
/// both in material shares (mixed), after the traded/local logic of the cluster-mapping literature (Delgado, Porter
/// and Stern 2016, "Defining clusters of related industries", Journal of Economic Geography 16(1)).
/// </summary>
public enum TradeClass
{
    /// <summary>Sold across regions and countries; concentrates in particular places.</summary>
    Traded,
    /// <summary>Material traded and local parts inside one code.</summary>
    Mixed,
    /// <summary>Serves local demand; employment follows population.</summary>
    Local,
}
