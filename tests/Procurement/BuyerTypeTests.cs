using CompeteModel.Engine.Procurement;

namespace CompeteModel.Tests.Procurement;

/// <summary>Buyer types by identifier scheme and name (datasets/procurement/buyer_type_rules.csv) on the 2025 sample.</summary>
public class BuyerTypeTests
{
    [Theory]
    [InlineData("Dudley Metropolitan Borough Council", null, BuyerType.LocalAuthority, "name says council")]
    [InlineData("DERBY CITY COUNCIL", "GB-LAE", BuyerType.LocalAuthority, "identifier scheme GB-LAE")]
    [InlineData("West Midlands Combined Authority", "GB-SRS", BuyerType.LocalAuthority, "a mayoral combined authority")]
    [InlineData("LONDON & QUADRANT HOUSING TRUST", "GB-SRS", BuyerType.HousingAssociation, "name says housing")]
    [InlineData("Peabody Trust", null, BuyerType.HousingAssociation, "Peabody")]
    [InlineData("Any Homes Ltd", "GB-SHPE", BuyerType.HousingAssociation, "identifier scheme GB-SHPE")]
    [InlineData("NHS Supply Chain", null, BuyerType.Nhs, "name says NHS")]
    [InlineData("Royal Holloway and Bedford New College", null, BuyerType.Education, "name says college")]
    [InlineData("Dixons Academies Charitable Trust Ltd", null, BuyerType.Education, "academies")]
    [InlineData("Met Office", "GB-GOR", BuyerType.CentralGovernment, "identifier scheme GB-GOR")]
    [InlineData("Homes England (the name adopted by the Homes and Communities Agency)", null, BuyerType.CentralGovernment, "Homes England")]
    [InlineData("Mayor's Office for Policing and Crime", null, BuyerType.OtherPublic, "policing")]
    [InlineData("Espo", "GB-SRS", BuyerType.OtherPublic, "no rule matched")]
    public void Buyers_are_typed_with_a_reason(string name, string? scheme, BuyerType expected, string reason)
    {
        var (type, why) = Sample.Data.Value.BuyerTypes.Classify(new ProcurementParty(null, name, null, null, null, null, null), scheme, national: false);
        Assert.Equal(expected, type);
        Assert.Contains(reason, why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_national_body_no_rule_names_is_central_government()
    {
        var (type, why) = Sample.Data.Value.BuyerTypes.Classify(new ProcurementParty(null, "Cabinet Office", null, null, null, null, null), null, national: true);
        Assert.Equal(BuyerType.CentralGovernment, type);
        Assert.Equal("a national body in buyer_aliases.csv", why);
    }

    [Fact]
    public void Sample_buyer_types_are_pinned()
    {
        // Counts over the 171 processes, checked by reading every buyer name of the sample's process table.
        var counts = Sample.Classified.GroupBy(p => p.BuyerType).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}");
        Assert.Equal(["LocalAuthority=71", "HousingAssociation=11", "Nhs=13", "Education=11", "CentralGovernment=41", "OtherPublic=24"], counts);
        Assert.All(Sample.Classified, p => Assert.False(string.IsNullOrEmpty(p.BuyerTypeReason)));
        // Progress Housing's window replacement is housing-association demand.
        Assert.Equal(BuyerType.HousingAssociation, Sample.ByOcid("0547477d0f9f").BuyerType);
    }
}
