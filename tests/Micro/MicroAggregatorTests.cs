using System.Collections.Immutable;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Ingest.Micro;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Sectors;
using CompeteModel.Tests.Ingest;

namespace CompeteModel.Tests.Micro;

public class MicroAggregatorTests
{
    private static readonly GeographyModel Geo = BresReaderTests.Geo;
    private static FirmTable Small() =>
        MicroDataReader.Read(TestData.Fixture(Path.Combine("micro", "firms_small.csv")), Geo, BresReaderTests.Sic).Firms;

    private static Region[] Regions() => new[] { "wmca", "TLM6", "TLM8", "gb", "TLD3" }.Select(Geo.Resolve).ToArray();

    private static double Cell(Panel p, Measure m, string region, string sector, int year) =>
        p[m].Value[p.Index(p.RegionIndex(region), p.SectorIndex(sector), p.YearIndex(year))];

    [Fact]
    public void Rolls_the_fixture_up_to_divisions_with_hand_computed_sums()
    {
        var mp = MicroAggregator.ToPanel(Small(), Regions(), SectorLevel.Division);
        var p = mp.Panel;
        Assert.Equal(11, mp.Account.Used);
        // WMCA 2021, division 29: firm 1 (130, Birmingham 29100) + firm 2 (40, Coventry 29320) + firm 9 (15, Walsall class 2932)
        // + firm 10 (6, Wolverhampton division 29) = 191 employees in 4 firms; turnover 32.0m + 5.0m + 2.0m + 0.8m = 39.8m.
        Assert.Equal(191, Cell(p, Measure.Employment, "wmca", "29", 2021));
        Assert.Equal(4, Cell(p, Measure.Enterprises, "wmca", "29", 2021));
        Assert.Equal(39_800_000, Cell(p, Measure.Turnover, "wmca", "29", 2021));
        Assert.Equal(4, p[Measure.Employment].FirmCount![p.Index(p.RegionIndex("wmca"), p.SectorIndex("29"), p.YearIndex(2021))]);
        // WMCA 2021, division 62: firm 3 (12) + firm 4 (8) = 20; firm 4 has no turnover, so the turnover cell is unknown, not 12 + 0.
        Assert.Equal(20, Cell(p, Measure.Employment, "wmca", "62", 2021));
        Assert.True(double.IsNaN(Cell(p, Measure.Turnover, "wmca", "62", 2021)));
        // WMCA 2020: only firm 1 (120) exists; other divisions are 0 (micro data are a census of the firms given).
        Assert.Equal(120, Cell(p, Measure.Employment, "wmca", "29", 2020));
        Assert.Equal(0, Cell(p, Measure.Employment, "wmca", "62", 2020));
        // GB 2021: division 29 = 191 + firm 8 (7, Argyll and Bute) = 198; 62 = 20 + firm 6 (20, Manchester) = 40; 43 = 5 + 3 = 8.
        Assert.Equal(198, Cell(p, Measure.Employment, "gb", "29", 2021));
        Assert.Equal(40, Cell(p, Measure.Employment, "gb", "62", 2021));
        Assert.Equal(8, Cell(p, Measure.Employment, "gb", "43", 2021));
        // Argyll and Bute straddles TLM6 and TLM8: firm 8 (itl2 UKM6) counts only in TLM6, firm 7 (itl2 TLM8) only in TLM8.
        Assert.Equal(7, Cell(p, Measure.Employment, "TLM6", "29", 2021));
        Assert.Equal(0, Cell(p, Measure.Employment, "TLM6", "43", 2021));
        Assert.Equal(3, Cell(p, Measure.Employment, "TLM8", "43", 2021));
        Assert.Equal(0, Cell(p, Measure.Employment, "TLM8", "29", 2021));
        Assert.Equal(20, Cell(p, Measure.Employment, "TLD3", "62", 2021));
        Assert.Equal(Provenance.UserMicroData, p[Measure.Employment].Provenance);
    }

    [Fact]
    public void Rolls_the_fixture_up_to_sections()
    {
        var p = MicroAggregator.ToPanel(Small(), Regions(), SectorLevel.Section, provenance: Provenance.GeneratedMicroData).Panel;
        // Sections: C = division 29 (191 in WMCA), J = 62 (20), F = 43 (firm 5: 5).
        Assert.Equal(191, Cell(p, Measure.Employment, "wmca", "C", 2021));
        Assert.Equal(20, Cell(p, Measure.Employment, "wmca", "J", 2021));
        Assert.Equal(5, Cell(p, Measure.Employment, "wmca", "F", 2021));
        Assert.Equal(0, Cell(p, Measure.Employment, "wmca", "A", 2021));
        // GB total 2021: 198 + 40 + 8 = 246 over all sections.
        double gb = p.Sectors.Sum(s => Cell(p, Measure.Employment, "gb", s.Code, 2021));
        Assert.Equal(246, gb);
        Assert.Equal(Provenance.GeneratedMicroData, p[Measure.Enterprises].Provenance);
    }

    [Fact]
    public void Codes_coarser_than_the_level_are_rejected_and_counted()
    {
        var mp = MicroAggregator.ToPanel(Small(), Regions(), SectorLevel.Group);
        // Only firm 10 ("29", a division) is coarser than a group; firm 9 ("2932", a class) rolls up to group 293.
        Assert.Equal(1, mp.Account.Rejected);
        Assert.Equal(MicroRejectReasons.SicCoarserThanLevel, mp.Account.Rejects[0].Reason);
        Assert.Equal(11, mp.Account.Rejects[0].Line); // 11th firm row
        Assert.Equal(40 + 15, Cell(mp.Panel, Measure.Employment, "wmca", "293", 2021));
        var sub = MicroAggregator.ToPanel(Small(), Regions(), SectorLevel.Subclass);
        Assert.Equal(2, sub.Account.Rejected);
    }

    [Fact]
    public void Bundles_are_extra_sectors_and_absent_years_are_unknown()
    {
        var bundle = new SectorBundle("digital", ImmutableArray.Create("62", "43220"));
        var p = MicroAggregator.ToPanel(Small(), Regions(), SectorLevel.Division, [2019, 2021], [bundle]).Panel;
        // digital in WMCA 2021 = division 62 (20) + subclass 43220 (firm 5: 5) = 25.
        Assert.Equal(25, Cell(p, Measure.Employment, "wmca", "digital", 2021));
        Assert.True(double.IsNaN(Cell(p, Measure.Employment, "wmca", "29", 2019)));
        // 2020 is not among the panel's years: firm 1's 2020 row is counted as rejected.
        var mp = MicroAggregator.ToPanel(Small(), Regions(), SectorLevel.Division, [2021]);
        Assert.Equal(1, mp.Account.RejectedByReason[MicroRejectReasons.YearNotInPanel]);
    }

    [Theory]
    [InlineData(".parquet")]
    [InlineData(".csv")]
    public void Csv_to_parquet_or_csv_to_panel_round_trips_exactly(string extension)
    {
        var a = Small();
        var path = Path.Combine(Path.GetTempPath(), "compete-micro-" + Guid.NewGuid().ToString("N") + extension);
        try
        {
            MicroDataWriter.Write(a, path);
            var b = MicroDataReader.Read(path, Geo, BresReaderTests.Sic).Firms;
            Assert.Equal(a.FirmId, b.FirmId);
            Assert.Equal(a.Year, b.Year);
            Assert.Equal(a.LadIndex, b.LadIndex);
            Assert.Equal(a.SicCode, b.SicCode);
            Assert.Equal(a.SubclassIndex, b.SubclassIndex);
            Assert.Equal(a.Employment, b.Employment);
            Assert.Equal(a.Turnover, b.Turnover);
            Assert.Equal(a.BirthYear, b.BirthYear);
            Assert.Equal(a.Description, b.Description);
            Assert.Equal(a.Cpc, b.Cpc);
            Assert.Equal(a.Itl2, b.Itl2);
            var pa = MicroAggregator.ToPanel(a, Regions(), SectorLevel.Division).Panel;
            var pb = MicroAggregator.ToPanel(b, Regions(), SectorLevel.Division).Panel;
            foreach (var m in new[] { Measure.Employment, Measure.Enterprises, Measure.Turnover })
                Assert.Equal(pa[m].Value, pb[m].Value);
        }
        finally { File.Delete(path); }
    }
}
