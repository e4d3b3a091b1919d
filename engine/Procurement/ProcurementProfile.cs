using CompeteModel.Engine.Geography;

namespace CompeteModel.Engine.Procurement;

/// <summary>
/// The procurement measures of one region: public demand by SIC division and by technology from
/// processes whose buyer is placed inside the region (<see cref="PartyLocation.IsInside"/>), with the
/// shares going to suppliers inside the region and to SMEs, and the public demand intensity
/// (annual demand per job of the division, £/job) — see <see cref="DemandRow"/> for the formulas.
/// Frameworks and DPSs are counted apart with their ceilings, never in the demand.
/// </summary>
public static class ProcurementProfile
{
    /// <summary>Division rows (divisions with demand, in code order), then technology rows (by id).</summary>
    public static IReadOnlyList<DemandRow> Compute(IReadOnlyList<ClassifiedProcess> processes, Region region, RegionalCapacity? capacity,
        IReadOnlyDictionary<string, string>? technologyNames = null)
    {
        var lads = new HashSet<string>(region.LadCodes, StringComparer.Ordinal);
        var inside = processes.Where(p => p.Buyer.IsInside(lads)).ToList();
        var divisions = new SortedDictionary<string, Acc>(StringComparer.Ordinal);
        var techs = new SortedDictionary<string, Acc>(StringComparer.Ordinal);
        foreach (var p in inside)
        {
            double localFraction = p.SupplierInsideFraction(lads);
            bool? sme = p.Process.SupplierIsSme;
            foreach (var (div, share) in p.SectorShares)
            {
                if (!divisions.TryGetValue(div, out var a)) divisions[div] = a = new Acc();
                a.Add(p.Process, share, localFraction, sme);
            }
            foreach (var t in p.Technologies)
            {
                if (!techs.TryGetValue(t.TechnologyId, out var a)) techs[t.TechnologyId] = a = new Acc();
                a.Add(p.Process, 1.0, localFraction, sme);
            }
        }
        var rows = new List<DemandRow>();
        foreach (var (div, a) in divisions)
        {
            var cap = capacity?.Get(div);
            double emp = cap?.Employment ?? double.NaN;
            rows.Add(a.ToRow(region.Id, "sic_division", div, cap?.Name ?? div, emp, cap?.LocationQuotient ?? double.NaN,
                emp > 0 ? a.Annual / emp : double.NaN));
        }
        foreach (var (tech, a) in techs)
            rows.Add(a.ToRow(region.Id, "technology", tech, technologyNames?.GetValueOrDefault(tech) ?? tech, double.NaN, double.NaN, double.NaN));
        return rows;
    }

    private sealed class Acc
    {
        public int Processes, Ceilings;
        public double Value, Annual, PlacedAnnual, LocalAnnual, SmeKnownAnnual, SmeAnnual, Ceiling;

        public void Add(ProcurementProcess p, double share, double localFraction, bool? sme)
        {
            if (p.IsCeiling)
            {
                Ceilings++;
                Ceiling += p.CeilingGbp * share;
                return;
            }
            Processes++;
            Value += p.ValueGbp * share;
            double annual = p.AnnualValueGbp * share;
            Annual += annual;
            if (!double.IsNaN(localFraction))
            {
                PlacedAnnual += annual;
                LocalAnnual += annual * localFraction;
            }
            if (sme is not null)
            {
                SmeKnownAnnual += annual;
                if (sme.Value) SmeAnnual += annual;
            }
        }

        public DemandRow ToRow(string region, string dimension, string key, string name, double employment, double lq, double intensity) =>
            new(region, dimension, key, name, Processes, Value, Annual,
                PlacedAnnual > 0 ? LocalAnnual / PlacedAnnual : double.NaN, Annual > 0 ? PlacedAnnual / Annual : double.NaN,
                SmeKnownAnnual > 0 ? SmeAnnual / SmeKnownAnnual : double.NaN, Annual > 0 ? SmeKnownAnnual / Annual : double.NaN,
                employment, lq, intensity, Ceilings, Ceiling);
    }
}
