using CompeteModel.Engine.Procurement;

namespace CompeteModel.Tests.Procurement;

/// <summary>
/// Compilation of the real sample: 201 releases (one OCDS 1.1 release package, Contracts Finder,
/// January–March 2025) of 191 distinct ocids; 10 ocids have two releases. Counts below were checked
/// by hand with a separate script over the same file.
/// </summary>
public class SampleCompilationTests
{
    [Fact]
    public void Every_release_is_compiled_or_rejected()
    {
        var c = Sample.Compiled;
        Assert.Equal(201, c.UnitsRead);
        // 191 ocids: 20 have no positive amount anywhere (21 releases: one of them has two award
        // releases at £0), the other 171 compile from the remaining 180 releases.
        Assert.Equal(180, c.ReleasesCompiled);
        Assert.Equal(171, c.Processes.Count);
        Assert.Equal(21, c.Rejects.Count);
        Assert.All(c.Rejects, r => Assert.Equal("no value", r.Reason));
        Assert.Equal(20, c.Rejects.Select(r => r.Ocid).Distinct().Count());
        Assert.Equal(c.UnitsRead, c.ReleasesCompiled + c.Rejects.Count);
        Assert.Equal(191, c.Processes.Select(p => p.Ocid).Concat(c.Rejects.Select(r => r.Ocid!)).Distinct().Count());
        Assert.Equal(180, c.Processes.Sum(p => p.ReleaseCount));
    }

    [Fact]
    public void A_tender_and_its_award_make_one_process_valued_at_the_award()
    {
        // Bath and North East Somerset, "Manvers Street and Bath Leisure Centre Car Park Security":
        // tender release (£85,000 estimate, dated 15:59:00) then award release (£75,000, dated 16:03:31).
        var p = Sample.ByOcid("1ba819a00d18").Process;
        Assert.Equal(2, p.ReleaseCount);
        Assert.Equal(75_000, p.ValueGbp);
        Assert.Equal(ValueSource.Award, p.ValueSource);
        Assert.Equal("award", p.LatestTag);
        Assert.Single(Sample.Classified, x => x.Process.Ocid == p.Ocid);
        // The latest release (the award) starts at line 20151 of the decompressed file (its "ocid" is on 20152).
        Assert.Equal(20_151, p.Line);
    }

    [Fact]
    public void An_award_update_replaces_the_mistyped_award_value()
    {
        // Southampton "Business Case for LGR": the first awardUpdate published £10,932,000 for a £109,320
        // tender; the update six minutes later corrected it to £109,320. Latest by date wins.
        var p = Sample.ByOcid("411c52e5bd34").Process;
        Assert.Equal(2, p.ReleaseCount);
        Assert.Equal(109_320, p.ValueGbp);
        // Wirral "Princes Pavement, Birkenhead": award -1 at £18,848,731 then a new award -2 at £188,487
        // in a later release. Awards come from the latest release, never summed across releases.
        var b = Sample.ByOcid("1d751544e9ea").Process;
        Assert.Equal(188_487, b.ValueGbp);
    }

    [Fact]
    public void Two_tender_releases_of_one_notice_count_once_at_the_tender_value()
    {
        // Progress Housing "Sumner House - Window Replacement": tender and a re-publication 90 s later.
        var p = Sample.ByOcid("0547477d0f9f").Process;
        Assert.Equal(2, p.ReleaseCount);
        Assert.Equal(100_000, p.ValueGbp);
        Assert.Equal(ValueSource.Tender, p.ValueSource);
    }

    [Fact]
    public void Annualises_over_the_contract_period()
    {
        // North Yorkshire "Building Retrofit & Refurbishment/Improvement Works Framework": £300m,
        // 2025-04-01T00:00+01:00 to 2029-03-31T23:59:59+01:00 = 1,461 days − 1 s;
        // years = 1460.99998843 / 365.25 = 3.99999997; annual = 300,000,000 / 3.99999997 = 75,000,000.59.
        var p = Sample.ByOcid("e4326f08d2cc").Process;
        Assert.Equal(300_000_000, p.ValueGbp);
        Assert.Equal(3.99999997, p.Years, 7);
        Assert.Equal(75_000_000.59, p.AnnualValueGbp, 1);
        Assert.False(p.PeriodAssumed);
        // Oxford "Non-traditional construction archetype identification": 0.74 years → whole value in one year.
        var o = Sample.ByOcid("e5d9ef5a7b72").Process;
        Assert.True(o.Years < 1);
        Assert.Equal(98_700, o.AnnualValueGbp);
    }

    [Fact]
    public void A_solar_notice_awarded_at_zero_is_rejected_for_no_value_with_its_ocid_and_line()
    {
        // Together Housing "Supply, Installation & Maintenance of Solar Pv": award published at £0, no tender value.
        var r = Assert.Single(Sample.Compiled.Rejects, x => x.Ocid!.EndsWith("e5b75c2a2dec", StringComparison.Ordinal));
        Assert.Equal("no value", r.Reason);
        Assert.Equal(22_229, r.Line);
        Assert.EndsWith("contracts_finder_ocds_sample_2025.json.gz", r.File, StringComparison.Ordinal);
    }

    [Fact]
    public void Supplier_scale_gives_the_sme_flag()
    {
        // Bradford lift installation: Axel-Elex Ltd T/A Curti Lifts, scale "large".
        var p = Sample.ByOcid("27c8d534f65a").Process;
        Assert.False(p.SupplierIsSme);
        // WMCA "Rail Reform Positioning": Grant Thornton UK LLP, scale "sme" as published.
        Assert.True(Sample.ByOcid("cd4a7deef849").Process.SupplierIsSme);
    }
}
