using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Ingest.Micro;
using CompeteModel.Tests.Ingest;

namespace CompeteModel.Tests.Micro;

public class MicroReaderTests
{
    private static MicroData ReadFixture(string name) =>
        MicroDataReader.Read(TestData.Fixture(Path.Combine("micro", name)), BresReaderTests.Geo, BresReaderTests.Sic);

    [Fact]
    public void Reads_the_small_fixture_cleaning_codes_and_keeping_straddling_itl2()
    {
        var m = ReadFixture("firms_small.csv");
        var f = m.Firms;
        Assert.Equal(11, m.Account.Read);
        Assert.Equal(11, m.Account.Used);
        Assert.Equal(0, m.Account.Rejected);
        // "29.32/0" is subclass 29320 written with dot and slash; "2932" is a class and "29" a division: coarser than a subclass.
        Assert.Equal("29320", f.SicCode[2]);
        Assert.True(f.SubclassIndex[2] >= 0);
        Assert.Equal("2932", f.SicCode[9]);
        Assert.Equal(-1, f.SubclassIndex[9]);
        Assert.Equal("29", f.SicCode[10]);
        Assert.Equal(-1, f.SubclassIndex[10]);
        // Argyll and Bute straddles TLM6/TLM8: the given ITL2 is kept in ITL 2021 form ("UKM6" → "TLM6"); elsewhere null.
        Assert.Equal("TLM8", f.Itl2[7]);
        Assert.Equal("TLM6", f.Itl2[8]);
        Assert.Null(f.Itl2[0]);
        Assert.True(double.IsNaN(f.Turnover[4]));
        Assert.Equal("Plumbing and\nheat pump installation", f.Description[5]);
        Assert.Equal("B60L", f.Cpc[0]);
        Assert.Equal(1990, f.BirthYear[0]);
        Assert.Equal("E08000025", f.Geography.Lads[f.LadIndex[0]].Code);
    }

    [Fact]
    public void Rejects_every_bad_row_with_its_line_field_and_reason()
    {
        var m = ReadFixture("firms_bad.csv");
        var a = m.Account;
        Assert.Equal(16, a.Read);
        Assert.Equal(2, a.Used); // line 2 (firm 1, 2021) and line 16 (firm 1, 2020)
        Assert.Equal(14, a.Rejected);
        var expected = new (long Line, string Field, string Reason)[]
        {
            (3, "firm_id", MicroRejectReasons.MissingValue),
            (4, "firm_id", MicroRejectReasons.UnparsableNumber),
            (5, "year", MicroRejectReasons.YearOutOfRange),
            (6, "lad_code", MicroRejectReasons.UnknownLad),
            (7, "itl2", MicroRejectReasons.StraddlingWithoutItl2),
            (8, "itl2", MicroRejectReasons.StraddlingWithoutItl2), // TLG3 is not one of Argyll and Bute's ITL2 areas
            (9, "sic", MicroRejectReasons.UnknownSic),
            (10, "employment", MicroRejectReasons.NegativeEmployment),
            (11, "employment", MicroRejectReasons.UnparsableNumber),
            (12, "turnover", MicroRejectReasons.NegativeTurnover),
            (13, "firm_id", MicroRejectReasons.DuplicateFirmYear), // firm 1 in 2021 again (first seen on line 2)
            (14, "itl2", MicroRejectReasons.Itl2Mismatch), // Birmingham is in TLG3, not TLD3
            (15, "birth_year", MicroRejectReasons.UnparsableNumber),
            (17, "sic", MicroRejectReasons.UnknownSic), // a section letter is not a 2–5 digit code
        };
        Assert.Equal(expected, a.Rejects.Select(r => (r.Line, r.Field, r.Reason)).ToArray());
        Assert.All(a.Rejects, r => Assert.EndsWith("firms_bad.csv", r.File));
        Assert.Equal(3, a.RejectedByReason[MicroRejectReasons.UnparsableNumber]);
        Assert.Equal(new long[] { 1, 1 }, m.Firms.FirmId);
        Assert.Equal(new[] { 2021, 2020 }, m.Firms.Year);
    }

    [Fact]
    public void A_missing_required_column_is_an_input_error_naming_file_line_and_field()
    {
        var e = Assert.Throws<InputException>(() => ReadFixture("firms_missing_column.csv"));
        Assert.Equal("employment", e.Field);
        Assert.Equal(1, e.Line);
        Assert.EndsWith("firms_missing_column.csv", e.File);
    }

    [Fact]
    public void A_row_with_too_few_fields_is_an_input_error_naming_its_line()
    {
        var e = Assert.Throws<InputException>(() => ReadFixture("firms_short_row.csv"));
        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void A_file_that_is_not_parquet_is_an_input_error()
    {
        var path = Path.Combine(Path.GetTempPath(), "compete-micro-" + Guid.NewGuid().ToString("N") + ".parquet");
        File.WriteAllText(path, "firm_id,year\n1,2021\n");
        try
        {
            var e = Assert.Throws<InputException>(() => MicroDataReader.Read(path, BresReaderTests.Geo, BresReaderTests.Sic));
            Assert.Equal(path, e.File);
        }
        finally { File.Delete(path); }
    }
}
