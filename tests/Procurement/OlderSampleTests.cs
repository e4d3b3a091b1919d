using CompeteModel.Engine.Procurement;

namespace CompeteModel.Tests.Procurement;

/// <summary>
/// The second real sample: 100 Contracts Finder notices of 2017–2020, one release package per file
/// (tests/Fixtures/procurement/contracts_finder_ocds_2017_2020, from mysociety/bluetail). Counts below were
/// read off the ingest's process and rejects tables and checked against the files by a separate script.
/// </summary>
public class OlderSampleTests
{
    private static readonly Lazy<(CompiledProcesses Compiled, IReadOnlyList<ClassifiedProcess> Classified)> Older =
        new(() => Sample.Data.Value.Ingest(TestData.Fixture("procurement/contracts_finder_ocds_2017_2020")));

    [Fact]
    public void Every_notice_of_the_older_sample_is_compiled_or_rejected()
    {
        var c = Older.Value.Compiled;
        Assert.Equal(100, c.Files.Count);
        Assert.Equal(100, c.UnitsRead);
        Assert.Equal(96, c.ReleasesCompiled);
        Assert.Equal(96, c.Processes.Count);
        // Four notices publish no positive amount in tender, planning or awards.
        Assert.Equal(4, c.Rejects.Count);
        Assert.All(c.Rejects, r => Assert.Equal("no value", r.Reason));
        Assert.Equal(c.UnitsRead, c.ReleasesCompiled + c.Rejects.Count);
    }

    [Fact]
    public void Older_notices_are_placed_typed_and_told_apart_from_frameworks()
    {
        var classified = Older.Value.Classified;
        var s = PlacementSummary.Of(classified);
        // Buyers: 91 by postcode, 4 by the alias list (Durham ×3, Birmingham), one not placed (the Ministry of
        // Defence at a BFPO address, "BF1 2AS": not in the postcode directory).
        Assert.Equal(91, s.BuyersByPostcode);
        Assert.Equal(4, s.BuyersByName);
        Assert.Equal(1, s.BuyersNotPlaced);
        Assert.Equal(96, s.ProcessesNamingSupplier);
        Assert.Equal(89, s.ProcessesWithSupplierPostcode);
        Assert.Equal(89, s.ProcessesWithSupplierPlacedByPostcode);
        var arrangements = classified.GroupBy(p => p.Process.Arrangement).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}");
        Assert.Equal(["Contract=53", "CallOff=18", "FrameworkAgreement=24", "DynamicPurchasingSystem=1"], arrangements);
        var types = classified.GroupBy(p => p.BuyerType).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}");
        Assert.Equal(["LocalAuthority=44", "HousingAssociation=7", "Nhs=4", "Education=5", "CentralGovernment=6", "OtherPublic=30"], types);
        // Three L&Q notices name the buyer "L&amp;Q Construction" (an HTML entity as published): typed as housing after decoding.
        // London & Quadrant's MVHR framework: ventilation by the retrofit lexicon, and a ceiling, not spend.
        var mvhr = classified.Single(p => p.Process.Ocid.EndsWith("f96b543a-d816-4d43-a490-937782df3f51", StringComparison.Ordinal));
        Assert.True(mvhr.HasTechnology("retrofit_ventilation"));
        Assert.Equal(ProcurementArrangement.FrameworkAgreement, mvhr.Process.Arrangement);
        Assert.Equal(BuyerType.HousingAssociation, mvhr.BuyerType);
    }
}
