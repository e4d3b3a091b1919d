using System.Collections.Immutable;

namespace CompeteModel.Engine.Ingest.Uk;

/// <summary>
/// One industry row of the ONS regional GVA tables ("Total", "A-E", "CA (10-12)", "29", "68IMP" ...)
/// with the SIC 2007 divisions it covers. Owner-occupiers' imputed rental ("68IMP") is output of
/// households, not of any business: it covers no division (<see cref="Divisions"/> empty) and has
/// <see cref="IncludesImputedRental"/> set, as does its aggregate "L (68)" and every aggregate above
/// it; the row "68" is real estate activities excluding imputed rental.
/// </summary>
public sealed record GvaIndustry(string Code, string Name, ImmutableArray<string> Divisions, bool IncludesImputedRental)
{
    /// <summary>The token standing for imputed rental in <see cref="Units"/>.</summary>
    internal const string ImputedRentalUnit = "68IMP";

    /// <summary>The divisions plus, when included, the imputed-rental token: the atoms a partition is made of.</summary>
    internal IEnumerable<string> Units => IncludesImputedRental ? Divisions.Append(ImputedRentalUnit) : Divisions;

    internal int UnitCount => Divisions.Length + (IncludesImputedRental ? 1 : 0);

    public override string ToString() => $"{Code} {Name}";
}
