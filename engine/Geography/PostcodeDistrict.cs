namespace CompeteModel.Engine.Geography;

/// <summary>
/// The answer of <see cref="PostcodeLookup"/> for one postcode: the district code (GSS) when there is
/// one, the district itself when the geography lists it, and the outcome.
/// </summary>
public sealed record PostcodeDistrict(Postcode Postcode, string? LadCode, Lad? Lad, PostcodeOutcome Outcome)
{
    public bool IsPlaced => Lad is not null;
}
