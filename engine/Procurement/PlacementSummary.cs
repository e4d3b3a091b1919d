namespace CompeteModel.Engine.Procurement;

/// <summary>
/// How the parties of a set of classified processes were placed, counted per process: buyers placed
/// by postcode, by name (alias list or name matching) or not at all, and how many are national bodies;
/// processes naming a supplier, those where some supplier's address carries a UK postcode, those with
/// a supplier placed by postcode, and those with any supplier placed.
/// </summary>
public sealed record PlacementSummary(
    int Processes,
    int BuyersByPostcode,
    int BuyersByName,
    int BuyersNotPlaced,
    int NationalBuyers,
    int ProcessesNamingSupplier,
    int ProcessesWithSupplierPostcode,
    int ProcessesWithSupplierPlacedByPostcode,
    int ProcessesWithSupplierPlaced)
{
    public int BuyersPlaced => BuyersByPostcode + BuyersByName;

    public static PlacementSummary Of(IReadOnlyList<ClassifiedProcess> processes)
    {
        int byPostcode = 0, byName = 0, none = 0, national = 0, naming = 0, withPostcode = 0, placedByPostcode = 0, placed = 0;
        foreach (var p in processes)
        {
            switch (p.Buyer.Basis)
            {
                case "postcode": byPostcode++; break;
                case "name": byName++; break;
                default: none++; break;
            }
            if (p.Buyer.National) national++;
            if (p.Process.Suppliers.Length == 0) continue;
            naming++;
            if (p.Process.Suppliers.Any(s => PartyLocator.PostcodeOf(s) is not null)) withPostcode++;
            if (p.Suppliers.Any(s => s.Method == LocationMethod.Postcode)) placedByPostcode++;
            if (p.Suppliers.Any(s => s.IsPlaced)) placed++;
        }
        return new PlacementSummary(processes.Count, byPostcode, byName, none, national, naming, withPostcode, placedByPostcode, placed);
    }

    /// <summary>One line for the run log.</summary>
    public string Describe() =>
        $"buyers placed: {BuyersPlaced} of {Processes} ({BuyersByPostcode} by postcode, {BuyersByName} by name, {BuyersNotPlaced} not placed; " +
        $"{NationalBuyers} national bodies, whose demand is in no region); suppliers: {ProcessesNamingSupplier} processes name one, " +
        $"{ProcessesWithSupplierPostcode} with a UK postcode in a supplier's address, {ProcessesWithSupplierPlacedByPostcode} placed by postcode, " +
        $"{ProcessesWithSupplierPlaced} placed by any method";
}
