using CompeteModel.Engine.Ingest.Micro;
using CompeteModel.Engine.IO;
using CompeteModel.Tests.Ingest;

namespace CompeteModel.Tests.Micro;

/// <summary>
/// The Parquet path decodes columns on two threads with a fast path for plainly good rows; these tests pin that it
/// keeps and rejects exactly the rows the CSV path does (same lines, fields, reasons and values, same firm arrays).
/// </summary>
public class MicroParquetPathTests
{
    private static string TempDir() => Path.Combine(Path.GetTempPath(), "compete-mpp-" + Guid.NewGuid().ToString("N"));

    private static void AssertSame(MicroData csv, MicroData pq)
    {
        Assert.Equal(csv.Account.Read, pq.Account.Read);
        Assert.Equal(csv.Account.Used, pq.Account.Used);
        // A blank itl2 is "" in a CSV file and null (no value) in a Parquet file: the reject shows it as given.
        static (long, string, string, string?) Key(Engine.Ingest.Reject r) => (r.Line, r.Field, r.Reason, r.Value is "" ? null : r.Value);
        Assert.Equal(csv.Account.Rejects.Select(Key), pq.Account.Rejects.Select(Key));
        Assert.Equal(csv.Firms.FirmId, pq.Firms.FirmId);
        Assert.Equal(csv.Firms.Year, pq.Firms.Year);
        Assert.Equal(csv.Firms.LadIndex, pq.Firms.LadIndex);
        Assert.Equal(csv.Firms.SicCode, pq.Firms.SicCode);
        Assert.Equal(csv.Firms.SubclassIndex, pq.Firms.SubclassIndex);
        Assert.Equal(csv.Firms.Employment, pq.Firms.Employment);
        Assert.Equal(csv.Firms.Turnover, pq.Firms.Turnover);
        Assert.Equal(csv.Firms.BirthYear, pq.Firms.BirthYear);
        Assert.Equal(csv.Firms.Itl2, pq.Firms.Itl2);
        Assert.Equal(csv.Firms.Description, pq.Firms.Description);
        Assert.Equal(csv.Firms.Cpc, pq.Firms.Cpc);
    }

    [Fact]
    public void Text_typed_parquet_rejects_the_same_rows_as_the_csv_fixture()
    {
        // firms_bad.csv has one record per line, so CSV line k+1 is Parquet row k: the accounts must agree exactly.
        var csvPath = TestData.Fixture(Path.Combine("micro", "firms_bad.csv"));
        var dir = TempDir();
        try
        {
            var pqPath = Path.Combine(dir, "firms_bad.parquet");
            TableFiles.Write(TableFiles.Read(csvPath), pqPath); // every column as text
            var csv = MicroDataReader.Read(csvPath, BresReaderTests.Geo, BresReaderTests.Sic);
            var pq = MicroDataReader.Read(pqPath, BresReaderTests.Geo, BresReaderTests.Sic);
            Assert.Equal(14, pq.Account.Rejected);
            AssertSame(csv, pq);
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }

    [Fact]
    public void Typed_parquet_over_several_row_groups_matches_csv_on_seeded_random_firms_with_bad_cells()
    {
        var geo = BresReaderTests.Geo;
        var sic = BresReaderTests.Sic;
        var straddling = Enumerable.Range(0, geo.Lads.Count).Where(i => geo.Lads[i].Straddles).ToArray();
        var rng = new Random(20240611);
        FirmTable Make(int n)
        {
            var id = new long[n];
            var year = new int[n];
            var lad = new int[n];
            var code = new string[n];
            var sub = new int[n];
            var emp = new double[n];
            var turn = new double[n];
            var birth = new int[n];
            var desc = new string?[n];
            var cpc = new string?[n];
            var itl2 = new string?[n];
            for (int i = 0; i < n; i++)
            {
                id[i] = rng.Next(1, 400); // small id range: repeated firm-years and out-of-order ids occur
                year[i] = rng.NextDouble() < 0.02 ? 1700 : 2015 + rng.Next(7);
                lad[i] = rng.NextDouble() < 0.05 ? straddling[rng.Next(straddling.Length)] : rng.Next(geo.Lads.Count);
                var l = geo.Lads[lad[i]];
                itl2[i] = rng.Next(10) switch { 0 => "TLG3", 1 => l.Itl2Codes[0], 2 => l.Itl2Codes[^1].Replace("TL", "UK"), _ => null };
                double u = rng.NextDouble();
                code[i] = u < 0.02 ? "99999" : u < 0.04 ? "29" : sic.Subclasses[rng.Next(sic.Subclasses.Count)].Code;
                sub[i] = -1; // not written
                u = rng.NextDouble();
                emp[i] = u < 0.02 ? -1 : u < 0.04 ? double.NaN : Math.Round(rng.NextDouble() * 500, rng.Next(2));
                u = rng.NextDouble();
                turn[i] = u < 0.02 ? -5 : u < 0.2 ? double.NaN : Math.Round(rng.NextDouble() * 1e6);
                u = rng.NextDouble();
                birth[i] = u < 0.02 ? 3000 : u < 0.1 ? 0 : 1950 + rng.Next(70);
                desc[i] = rng.Next(3) == 0 ? null : "firm " + i;
                cpc[i] = rng.Next(5) == 0 ? "B60L;H01M" : null;
            }
            return new FirmTable(geo, sic, id, year, lad, code, sub, emp, turn, birth, desc, cpc, itl2);
        }
        var tables = new[] { Make(1500), Make(700), Make(1100) };
        T[] Cat<T>(Func<FirmTable, T[]> f) => tables.SelectMany(f).ToArray();
        var all = new FirmTable(geo, sic, Cat(t => t.FirmId), Cat(t => t.Year), Cat(t => t.LadIndex), Cat(t => t.SicCode), Cat(t => t.SubclassIndex),
            Cat(t => t.Employment), Cat(t => t.Turnover), Cat(t => t.BirthYear), Cat(t => t.Description), Cat(t => t.Cpc), Cat(t => t.Itl2));
        var dir = TempDir();
        try
        {
            var pqPath = Path.Combine(dir, "firms.parquet");
            var csvPath = Path.Combine(dir, "firms.csv");
            MicroDataWriter.WriteParquet(tables, pqPath); // one row group per table
            MicroDataWriter.Write(all, csvPath);
            foreach (var readText in new[] { true, false })
            {
                var csv = MicroDataReader.Read(csvPath, geo, sic, readText);
                var pq = MicroDataReader.Read(pqPath, geo, sic, readText);
                Assert.Equal(3300, pq.Account.Read);
                // Every kind of bad cell made above is rejected, and most rows are used.
                foreach (var reason in new[] { MicroRejectReasons.YearOutOfRange, MicroRejectReasons.UnknownSic, MicroRejectReasons.NegativeEmployment,
                             MicroRejectReasons.MissingValue, MicroRejectReasons.NegativeTurnover, MicroRejectReasons.DuplicateFirmYear,
                             MicroRejectReasons.Itl2Mismatch, MicroRejectReasons.StraddlingWithoutItl2 })
                    Assert.True(pq.Account.RejectedByReason.GetValueOrDefault(reason) > 0, reason);
                Assert.True(pq.Account.Used > 1000);
                AssertSame(csv, pq);
                if (!readText) Assert.All(pq.Firms.Description, Assert.Null);
            }
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }
}
