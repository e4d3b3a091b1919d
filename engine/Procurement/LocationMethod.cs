namespace CompeteModel.Engine.Procurement;

/// <summary>How a buyer or supplier was placed, or why it was not (<see cref="PartyLocation.Basis"/> groups them).</summary>
public enum LocationMethod
{
    /// <summary>The party's postcode, through the ONS Postcode Directory lookup.</summary>
    Postcode,
    /// <summary>Named in the alias list (<c>buyer_aliases.csv</c>).</summary>
    Alias,
    /// <summary>A district's name appears as whole words in the party's name ("Dudley Metropolitan Borough Council").</summary>
    NameContainsDistrict,
    /// <summary>The address's locality is a district's name.</summary>
    Locality,
    /// <summary>Exactly one district's name appears as whole words in the address.</summary>
    Address,
    /// <summary>A national body (alias list): its office says nothing about where the demand is, so it is not placed.</summary>
    National,
    /// <summary>A supplier address without a UK postcode that reads as foreign (a US state and ZIP code, or another country named): not placed by names.</summary>
    Abroad,
    /// <summary>More than one district matched: not placed.</summary>
    Ambiguous,
    /// <summary>A postcode was found but the directory places it in no district (Channel Islands, Isle of Man, terminated), and no name matched.</summary>
    PostcodeWithoutDistrict,
    /// <summary>Nothing matched: not placed.</summary>
    Unmatched,
}
