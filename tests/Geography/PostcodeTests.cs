using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.IO;

namespace CompeteModel.Tests.Geography;

/// <summary>Postcode shape, normalisation and extraction from address text.</summary>
public class PostcodeTests
{
    [Theory]
    [InlineData("B1 1AA", "B11AA", "B1", "1AA", "B")]
    [InlineData("b11aa", "B11AA", "B1", "1AA", "B")]
    [InlineData("  sw1a   1aa ", "SW1A1AA", "SW1A", "1AA", "SW")]
    [InlineData("W1A 0AX", "W1A0AX", "W1A", "0AX", "W")]
    [InlineData("M50 1DR", "M501DR", "M50", "1DR", "M")]
    [InlineData("CB24 9NG", "CB249NG", "CB24", "9NG", "CB")]
    [InlineData("EC2N 4AY", "EC2N4AY", "EC2N", "4AY", "EC")]
    [InlineData("N7  1BG", "N71BG", "N7", "1BG", "N")] // ONSPD's fixed-width form
    [InlineData("GIR 0AA", "GIR0AA", "GIR", "0AA", "GIR")]
    [InlineData("NPT 0HY", "NPT0HY", "NPT", "0HY", "NPT")]
    public void Valid_shapes_are_normalised(string text, string compact, string outward, string inward, string area)
    {
        Assert.True(Postcode.TryParse(text, out var p));
        Assert.Equal(compact, p.Compact);
        Assert.Equal(outward, p.Outward);
        Assert.Equal(inward, p.Inward);
        Assert.Equal(area, p.Area);
        Assert.Equal(outward + " " + inward, p.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("B1")]          // outward code only
    [InlineData("1B 1AA")]      // must start with a letter
    [InlineData("ABC1 1AA")]    // three area letters
    [InlineData("B1 AA1")]      // inward code is digit + two letters
    [InlineData("CH-1211")]     // a Swiss postcode from a supplier address
    [InlineData("DC 20006")]    // a US ZIP code
    [InlineData("B1 1AA X")]    // trailing text
    public void Invalid_shapes_are_refused(string text)
    {
        Assert.False(Postcode.TryParse(text, out _));
        var e = Assert.Throws<InputException>(() => Postcode.Parse(text, "firms.csv", 3, "postcode"));
        Assert.Contains("is not a UK postcode", e.Message, StringComparison.Ordinal);
        Assert.Contains("firms.csv:3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Base36_value_orders_shorter_postcodes_first()
    {
        // "B11AA" = B(11)·36⁴ + 1·36³ + 1·36² + A(10)·36 + A(10) = 18,475,776 + 46,656 + 1,296 + 360 + 10.
        Assert.Equal(18_524_098L, Postcode.Parse("B1 1AA").Value);
        Assert.True(Postcode.Parse("Z9 9ZZ").Value < Postcode.Parse("A11 1AA").Value);
        Assert.True(Postcode.Parse("B1 1AA").Value < Postcode.Parse("B1 1AB").Value);
    }

    [Theory]
    // Supplier addresses of the 2025 Contracts Finder sample, as the source writes them (literal "rn"/"n" breaks).
    [InlineData("1 Embankment PlacernEmbankment PlacernWC2N 6RHrnGB", "WC2N 6RH")]
    [InlineData("Nursery HousenManor FarmnMilton RoadnImpingtonnCAMBRIDGEnCB24 9NG", "CB24 9NG")]
    [InlineData("Ubiq Group, Unit 13-14, Stone Enterprise Centre, Emerald Way, United Kingdom, ST150SR", "ST15 0SR")]
    [InlineData("Fieldhouse Lane, Marlow, Buckinghamshire, United Kingdom, Sl7 1LW", "SL7 1LW")]
    [InlineData("6 Digital Parkn        Pacific Wayn        Salfordn        Manchestern        M50 1DR", "M50 1DR")]
    [InlineData("Foxes Academy, Selbourne Place, Minehead.  TA24 5TY", "TA24 5TY")]
    [InlineData("CT9 4JW", "CT9 4JW")]
    [InlineData("Konica House nMiles Gray Road nBasildon nEssex nSS14 3AR", "SS14 3AR")]
    [InlineData("CALIFORNIA | 120 COOMBE LANE | LONDON | SW20 OBA", "SW20 0BA")] // letter O for the zero
    [InlineData("B1 1AAnUnited Kingdom", "B1 1AA")]
    [InlineData("3 Tramway AvenuenLondonnE15 4PN", "E15 4PN")] // not "NE15 4PN"
    public void Postcodes_are_found_in_address_text(string address, string expected) =>
        Assert.Equal(expected, Assert.Single(Postcode.FindAll(address)).ToString());

    [Theory]
    [InlineData("CERN Financesn        Geneva 23n        CH-1211")]
    [InlineData("1717 Pennsylvania Avenue, NW  Suite 1025  Washington, DC. 20006")]
    [InlineData("4700 Superior Streetn        Lincoln NEn        68504")]
    [InlineData("Unit 12 Block 4 Floor 2")]
    [InlineData("AB12CDE")] // glued inside a longer word
    [InlineData("Unit B1 Oak Court")] // the O repair needs an upper-case inward code
    public void Text_without_a_uk_postcode_gives_none(string address) => Assert.Empty(Postcode.FindAll(address));
}
