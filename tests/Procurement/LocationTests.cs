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
    public void Suppliers_are_placed_by_their_postcode_else_their_address_never_by_their_name()
    {
        // "Royal School for the Deaf Derby", address "180 Ashbourne Road,nDerby,nDE22 3BH" as published:
        // DE22 3BH lies in Derby (E06000015) by the postcode directory.
        var derby = Locator.LocateSupplier(new ProcurementParty(null, "Royal School for the Deaf Derby",
            OcdsText.CleanAddress("180 Ashbourne Road,nDerby,nDE22 3BH"), null, null, null, "large"));
        Assert.Equal(LocationMethod.Postcode, derby.Method);
        Assert.Equal("postcode", derby.Basis);
        Assert.Equal("DE22 3BH", derby.Evidence);
        Assert.Equal("Derby", Geo.Lads.Single(l => l.Code == derby.LadCode).Name);
        // Without the postcode, the district named in the address is the fallback.
        var byName = Locator.LocateSupplier(new ProcurementParty(null, "Royal School for the Deaf Derby", "180 Ashbourne Road, Derby", null, null, null, "large"));
        Assert.Equal(LocationMethod.Address, byName.Method);
        Assert.Equal("name", byName.Basis);
        // The name "Birmingham" is never used; SW11 7BW (Battersea) places the firm in Wandsworth.
        var named = Locator.LocateSupplier(new ProcurementParty(null, "Birmingham Builders Ltd", "Unit 4, SW11 7BW", null, null, null, null));
        Assert.Equal("E09000032", named.LadCode);
        var two = Locator.LocateSupplier(new ProcurementParty(null, "X", "Birmingham Road, Walsall", null, null, null, null));
        Assert.Equal(LocationMethod.Ambiguous, two.Method);
        Assert.Equal("none", two.Basis);
        // Teledyne ISCO, "4700 Superior Streetn Lincoln NEn 68504" (Nebraska): Lincoln is not the UK district.
        var teledyne = Locator.LocateSupplier(new ProcurementParty(null, "Teledyne ISCO", OcdsText.CleanAddress("4700 Superior Streetn        Lincoln NEn        68504"), null, null, null, "large"));
        Assert.Equal(LocationMethod.Abroad, teledyne.Method);
        Assert.False(teledyne.IsPlaced);
        Assert.True(PartyLocator.LooksAbroad("Riverview House, 21-23 City Quay, Dublin, Dublin 2, Ireland"));
        Assert.False(PartyLocator.LooksAbroad("180 Ashbourne Road, Derby"));
        // A Jersey postcode has the shape of a UK postcode but no district: reported as such, not guessed.
        var jersey = Locator.LocateSupplier(new ProcurementParty(null, "LAB-6", "JE3 2DU", null, null, null, "sme"));
        Assert.Equal(LocationMethod.PostcodeWithoutDistrict, jersey.Method);
        Assert.False(jersey.IsPlaced);
    }

    [Fact]
    public void A_national_body_with_a_postcode_is_placed_at_its_office_but_its_demand_is_in_no_region()
    {
        // Met Office, FitzRoy Road, Exeter EX1 3PB (Exeter, E07000041).
        var loc = Locator.LocateBuyer(new ProcurementParty(null, "Met Office", "FitzRoy Road", "Exeter", "EX1 3PB", null, null));
        Assert.True(loc.IsPlaced);
        Assert.True(loc.National);
        Assert.Equal("E07000041", loc.LadCode);
        Assert.False(loc.IsInside(new HashSet<string>(["E07000041"])));
    }

    [Fact]
    public void A_buyer_postcode_outranks_name_matching_but_not_the_alias_list()
    {
        // WMCA's alias stands for all seven districts even though its office postcode is in Birmingham.
        var wmca = Locator.LocateBuyer(new ProcurementParty(null, "West Midlands Combined Authority", null, "Birmingham", "B19 3SD", null, null));
        Assert.Equal(LocationMethod.Alias, wmca.Method);
        Assert.Equal(7, wmca.LadCodes.Length);
        // "Walsall Healthcare NHS Trust" at Manor Hospital, WS2 9PS: postcode first, same district as the name.
        var walsall = Locator.LocateBuyer(new ProcurementParty(null, "Walsall Healthcare NHS Trust", null, "Walsall", "WS2 9PS", null, null));
        Assert.Equal(LocationMethod.Postcode, walsall.Method);
        Assert.Equal("E08000030", walsall.LadCode);
    }

    [Fact]
    public void Sample_placement_meets_the_research_standard()
    {
        // Issue 17 acceptance on the 2025 sample: suppliers placed for ≥ 100 of the processes whose supplier
        // address carries a postcode, buyers placed for ≥ 150 of 171. Counts pinned as found: every buyer
        // carries a structured postalCode (162 placed by it, 9 by the alias list: councils and WMCA);
        // 121 processes have a supplier address with a UK-shaped postcode, 120 place a supplier by it (the
        // other: Nanometrics' Canadian "K2K 2MB", whose area is not in the directory).
        var s = PlacementSummary.Of(Sample.Classified);
        Assert.Equal(171, s.Processes);
        Assert.Equal(171, s.BuyersPlaced);
        Assert.Equal(162, s.BuyersByPostcode);
        Assert.Equal(9, s.BuyersByName);
        Assert.Equal(45, s.NationalBuyers);
        Assert.Equal(136, s.ProcessesNamingSupplier);
        Assert.Equal(121, s.ProcessesWithSupplierPostcode);
        Assert.Equal(120, s.ProcessesWithSupplierPlacedByPostcode);
        Assert.True(s.ProcessesWithSupplierPlacedByPostcode >= 100);
        Assert.True(s.BuyersPlaced >= 150);
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
