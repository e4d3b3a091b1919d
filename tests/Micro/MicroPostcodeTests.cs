using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Ingest.Micro;
using CompeteModel.Tests.Ingest;

namespace CompeteModel.Tests.Micro;

/// <summary>Firm files that give a postcode instead of a district code (tests/Fixtures/micro/firms_postcode.csv, made for this test).</summary>
public class MicroPostcodeTests
{
    private static readonly Lazy<PostcodeLookup> Lookup = new(() => PostcodeLookup.Read(TestData.Uk("postcode_ranges_lad.csv.gz"), BresReaderTests.Geo));

    [Fact]
    public void Postcodes_give_the_district_and_bad_ones_are_rejected_with_the_reason()
    {
        var m = MicroDataReader.Read(TestData.Fixture("micro/firms_postcode.csv"), BresReaderTests.Geo, BresReaderTests.Sic, postcodes: Lookup.Value);
        Assert.Equal(6, m.Account.Read);
        Assert.Equal(3, m.Account.Used);
        // B1 1AA → Birmingham, CV1 5FB → Coventry, M50 1DR → Salford (ONS Postcode Directory via the shipped ranges).
        var codes = Enumerable.Range(0, 3).Select(i => BresReaderTests.Geo.Lads[m.Firms.LadIndex[i]].Code);
        Assert.Equal(["E08000025", "E08000026", "E08000006"], codes);
        var reasons = m.Account.RejectedByReason.Select(kv => $"{kv.Key}={kv.Value}").Order(StringComparer.Ordinal);
        Assert.Equal([$"{MicroRejectReasons.MissingValue}=1", $"{MicroRejectReasons.InvalidPostcode}=1", $"{MicroRejectReasons.PostcodeWithoutDistrict}=1"],
            reasons);
    }

    [Fact]
    public void A_postcode_file_without_a_lookup_is_refused()
    {
        var e = Assert.Throws<InputException>(() => MicroDataReader.Read(TestData.Fixture("micro/firms_postcode.csv"), BresReaderTests.Geo, BresReaderTests.Sic));
        Assert.Contains("postcode column instead of lad_code", e.Message, StringComparison.Ordinal);
    }
}
