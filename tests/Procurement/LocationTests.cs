using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Procurement;

namespace CompeteModel.Tests.Procurement;

/// <summary>Buyers and suppliers of the real sample placed in districts; aliases and name matching by hand.</summary>
public class LocationTests
{
    private static GeographyModel Geo => Sample.Data.Value.Geography;
    private static PartyLocator Locator => Sample.Data.Value.Locator;

    private static ProcurementParty Buyer(string name, string? locality = null) => new(null, name, null, locality, null, null, null);

    [Theory]
    [InlineData("Birmingham City Council", "E08000025", "wmca", LocationMethod.Alias)]
    [InlineData("Dudley Metropolitan Borough Council", "E08000027", "wmca", LocationMethod.Alias)]
    [InlineData("Sandwell Metropolitan Borough Council", "E08000028", "wmca", LocationMethod.Alias)]
    [InlineData("Walsall Healthcare NHS Trust", "E08000030", "wmca", LocationMethod.NameContainsDistrict)]
    [InlineData("Leeds City Council", "E08000035", "wyca", LocationMethod.NameContainsDistrict)]
    [InlineData("Bath and North East Somerset Council", "E06000022", "weca", LocationMethod.NameContainsDistrict)]
    [InlineData("Cheshire west and Chester Borough Council", "E06000050", null, LocationMethod.NameContainsDistrict)]
    [InlineData("THE LONDON BOROUGH OF CAMDEN", "E09000007", "london", LocationMethod.NameContainsDistrict)]
    [InlineData("Durham County Council", "E06000047", "neca", LocationMethod.Alias)]
    [InlineData("North York Moors National Park Authority", "E06000065", "ynyca", LocationMethod.Alias)]
    public void Named_councils_and_bodies_are_placed(string name, string lad, string? cityRegion, LocationMethod method)
    {
        var loc = Locator.LocateBuyer(Buyer(name));
        Assert.Equal(lad, loc.LadCode);
        Assert.Equal(cityRegion, loc.CityRegionId);
        Assert.Equal(method, loc.Method);
    }

    [Fact]
    public void The_combined_authority_stands_for_all_seven_districts()
    {
        var loc = Locator.LocateBuyer(Buyer("West Midlands Combined Authority"));
        Assert.Null(loc.LadCode);
        Assert.Equal("wmca", loc.CityRegionId);
        Assert.Equal(["E08000025", "E08000026", "E08000027", "E08000028", "E08000029", "E08000030", "E08000031"], loc.LadCodes.Order(StringComparer.Ordinal));
        var wmca = new HashSet<string>(Geo.Resolve("wmca").LadCodes);
        Assert.True(loc.IsInside(wmca));
        Assert.False(loc.IsInside(new HashSet<string>(["E08000025"])));
    }

    [Theory]
    [InlineData("Homes England (the name adopted by the Homes and Communities Agency)", "Birmingham")]
    [InlineData("National Highways", "Birmingham")]
    [InlineData("Ministry of Defence", "Bristol")]
    public void National_bodies_are_not_placed_at_their_office(string name, string locality)
    {
        var loc = Locator.LocateBuyer(Buyer(name, locality));
        Assert.False(loc.IsPlaced);
        Assert.Equal(LocationMethod.National, loc.Method);
    }

    [Fact]
    public void Locality_places_a_buyer_whose_name_names_no_district_and_unmatched_buyers_are_not_guessed()
    {
        var preston = Locator.LocateBuyer(Buyer("Places for People Group Limited", "Preston"));
        Assert.Equal(LocationMethod.Locality, preston.Method);
        Assert.Equal("Preston", Geo.Lads.Single(l => l.Code == preston.LadCode).Name);
        var grimsby = Locator.LocateBuyer(Buyer("EU SUPPLY LIMITED", "Grimsby, North East Lincolnshire"));
        Assert.Equal("North East Lincolnshire", Geo.Lads.Single(l => l.Code == grimsby.LadCode).Name);
        var none = Locator.LocateBuyer(Buyer("Warwickshire County Council (WCC)", "Warwickshire"));
        Assert.False(none.IsPlaced);
        Assert.Equal(LocationMethod.Unmatched, none.Method);
    }

    [Fact]
    public void Suppliers_are_placed_by_their_address_never_by_their_name()
    {
        // "Royal School for the Deaf Derby", address "180 Ashbourne Road,nDerby,nDE22 3BH" as published.
        var derby = Locator.LocateSupplier(new ProcurementParty(null, "Royal School for the Deaf Derby",
            OcdsText.CleanAddress("180 Ashbourne Road,nDerby,nDE22 3BH"), null, null, null, "large"));
        Assert.Equal(LocationMethod.Address, derby.Method);
        Assert.Equal("Derby", Geo.Lads.Single(l => l.Code == derby.LadCode).Name);
        var named = Locator.LocateSupplier(new ProcurementParty(null, "Birmingham Builders Ltd", "Unit 4, SW11 7BW", null, null, null, null));
        Assert.False(named.IsPlaced);
        var two = Locator.LocateSupplier(new ProcurementParty(null, "X", "Birmingham Road, Walsall", null, null, null, null));
        Assert.Equal(LocationMethod.Ambiguous, two.Method);
    }

    [Fact]
    public void Five_sample_processes_have_a_buyer_in_wmca()
    {
        // Sandwell (UPS units), Dudley (two domestic abuse services), WMCA (rail reform), University of
        // Birmingham (occupational health); Birmingham City Council's courier tender and Walsall Healthcare's
        // catering notice carry no value and are rejected.
        var wmca = new HashSet<string>(Geo.Resolve("wmca").LadCodes);
        var inside = Sample.Classified.Where(p => p.Buyer.IsInside(wmca)).Select(p => p.Process.Ocid[^12..]).Order(StringComparer.Ordinal);
        Assert.Equal(["4887d100d4f6", "9fbfd3c3d728", "cd4a7deef849", "e6dff1d22609", "ef30b68e58e8"], inside);
    }
}
