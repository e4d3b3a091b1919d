using System.Collections.Immutable;
using CompeteModel.Engine.Technologies;

namespace CompeteModel.Engine.Procurement;

/// <summary>
/// A compiled process with its classification: the shares of its value by SIC division (from its CPV
/// codes through the concordance; empty when no code is mapped), the CPV codes the concordance does
/// not cover, the technologies its title and description mention (with the evidence), and where its
/// buyer and each awarded supplier are, and the buyer's type with the reason (<see cref="BuyerTypeRules"/>).
/// </summary>
public sealed record ClassifiedProcess(
    ProcurementProcess Process,
    ImmutableArray<KeyValuePair<string, double>> SectorShares,
    ImmutableArray<string> UnmappedCpv,
    ImmutableArray<TechnologyHit> Technologies,
    PartyLocation Buyer,
    ImmutableArray<PartyLocation> Suppliers,
    BuyerType BuyerType = BuyerType.OtherPublic,
    string? BuyerTypeReason = null)
{
    public bool HasTechnology(string technologyId)
    {
        foreach (var t in Technologies)
            if (t.TechnologyId == technologyId) return true;
        return false;
    }

    /// <summary>
    /// Of the suppliers that could be placed, the fraction inside the region; NaN when no supplier
    /// could be placed (unknown, not zero).
    /// </summary>
    public double SupplierInsideFraction(IReadOnlySet<string> regionLads)
    {
        int placed = 0, inside = 0;
        foreach (var s in Suppliers)
        {
            if (!s.IsPlaced) continue;
            placed++;
            if (s.IsInside(regionLads)) inside++;
        }
        return placed == 0 ? double.NaN : (double)inside / placed;
    }
}
