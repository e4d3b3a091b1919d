using System.Globalization;
using System.Text;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Pipeline;
using CompeteModel.Engine.Sectors;
using CompeteModel.Tests.EndToEnd;

namespace CompeteModel.Tests.Ingest;

/// <summary>
/// NOMIS BRES downloads read as published (issue 14). The district files here are FIXTURES made by the tests in the
/// NOMIS API CSV layout: invented counts, not BRES.
/// </summary>
[Collection("Console")]
public sealed class NomisBresTests
{
    private static UkData Uk => UkDataTests.Data.Value;

    private const string ApiHeader =
        "DATE,DATE_NAME,GEOGRAPHY,GEOGRAPHY_NAME,GEOGRAPHY_CODE,GEOGRAPHY_TYPE,INDUSTRY,INDUSTRY_NAME,INDUSTRY_CODE,INDUSTRY_TYPE," +
        "EMPLOYMENT_STATUS,EMPLOYMENT_STATUS_NAME,MEASURE,MEASURE_NAME,MEASURES,MEASURES_NAME,OBS_VALUE,OBS_STATUS,OBS_STATUS_NAME,RECORD_OFFSET";

    private static readonly string[] CpcaDistricts = ["E06000031", "E07000008", "E07000009", "E07000010", "E07000011", "E07000012"];
    private static readonly string[] Divisions = ["10", "29", "62", "72", "86"];

    /// <summary>Fixture count of district d (index), division k, year: distinct, easy to sum by hand.</summary>
    private static double Count(int d, int k, int year) => 100 * (d + 1) + 35 * (k + 1) * (k + 2) + (year - 2015) * (5 * d + 10 * k);

    /// <summary>Fixture count of Great Britain: large, different shares from the region.</summary>
    private static double GbCount(int k, int year) => 200_000 + 150_000 * k + 1_000 * (year - 2015) * (k + 1);

    private static string Row(int year, string code, string name, string type, string division, string status, double? value, string obsStatus = "A") =>
        string.Create(CultureInfo.InvariantCulture,
            $"{year},{year},1,\"{name}\",{code},\"{type}\",2,\"{division} : Division {division}\",{division},\"SIC 2007 division (2 digit)\"," +
            $"{(status == "Employment" ? 4 : 1)},{status},1,Count,20100,Value,{(value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "")},{obsStatus},x,0");

    /// <summary>A district-level fixture for cpca plus Great Britain, 2015 and 2021, optionally with an "Employees" copy of every row.</summary>
    internal static string WriteCpcaFixture(string dir, bool withEmployees = false, bool withUnknown = false, bool everyYear = false)
    {
        var sb = new StringBuilder(ApiHeader).Append('\n');
        foreach (var status in withEmployees ? new[] { "Employment", "Employees" } : ["Employment"])
            foreach (var year in everyYear ? Enumerable.Range(2015, 7) : [2015, 2021])
            {
                for (int d = 0; d < CpcaDistricts.Length; d++)
                    for (int k = 0; k < Divisions.Length; k++)
                    {
                        bool unknown = withUnknown && d == 2 && k == 3 && year == 2015;
                        sb.Append(Row(year, CpcaDistricts[d], "district " + d, "local authorities: district / unitary (as of April 2021)", Divisions[k], status,
                            unknown ? null : Count(d, k, year), unknown ? "Q" : "A")).Append('\n');
                    }
                for (int k = 0; k < Divisions.Length; k++)
                    sb.Append(Row(year, "K03000001", "Great Britain", "countries", Divisions[k], status, GbCount(k, year))).Append('\n');
            }
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "fixture_nomis_api_cpca_districts.csv");
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    /// <summary>FIXTURE: the published UKG3 division cells (the shipped subclass file summed) split over WMCA's seven districts, 2015 and 2021.</summary>
    internal static string WriteWmcaFixture(string dir)
    {
        var wmca = Uk.Geography.Resolve("wmca");
        var itl2 = Uk.BuildEmploymentPanel([wmca], SectorLevel.Division, [2015, 2021]);
        var e = itl2[Measure.Employment];
        var sb = new StringBuilder(ApiHeader).Append('\n');
        var districts = wmca.LadCodes.Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(7, districts.Length);
        foreach (var year in new[] { 2015, 2021 })
            for (int s = 0; s < itl2.S; s++)
            {
                double total = e.Value[itl2.Index(0, s, itl2.YearIndex(year))];
                if (double.IsNaN(total)) continue;
                double share = Math.Floor(total / 7);
                for (int d = 0; d < 7; d++)
                    sb.Append(Row(year, districts[d], districts[d], "local authorities: district / unitary (as of April 2023)", itl2.Sectors[s].Code, "Employment",
                        d == 0 ? total - 6 * share : share)).Append('\n');
            }
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "fixture_wmca_districts.csv");
        File.WriteAllText(file, sb.ToString());
        return file;
    }

    private static Dictionary<string, double> LqRows(string csv, string region)
    {
        using var reader = new CsvReader(new StringReader(csv), "stdout");
        var h = reader.ReadHeader();
        int cR = h.Require("region"), cS = h.Require("sector"), cI = h.Require("indicator"), cV = h.Require("value"), cY = h.Require("year");
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var f = reader.Fields;
            if (f[cR] == region && f[cI] == "lq" && f[cY] == "2021")
                result[f[cS]] = f[cV].Length == 0 ? double.NaN : double.Parse(f[cV], CultureInfo.InvariantCulture);
        }
        return result;
    }

    [Fact]
    public void Cpca_from_a_district_fixture_gives_the_hand_computed_lqs()
    {
        var dir = Compete.TempDir("nomis-cpca");
        var file = WriteCpcaFixture(dir);
        var (code, stdout, stderr) = CliCapture.Run("indicators", "--bres", file, "--region", "cpca", "--level", "division", "--year", "2021", "--data", TestData.Datasets);
        Assert.True(code == 0, stderr);
        var lq = LqRows(stdout, "cpca");

        // by hand: X_s = Σ_d count(d, s); X = Σ_s X_s; G_s, G likewise for Great Britain; LQ = (X_s / X) / (G_s / G)
        double[] x = new double[Divisions.Length], g = new double[Divisions.Length];
        for (int k = 0; k < Divisions.Length; k++)
        {
            for (int d = 0; d < CpcaDistricts.Length; d++) x[k] += Count(d, k, 2021);
            g[k] = GbCount(k, 2021);
        }
        double X = x.Sum(), G = g.Sum();
        for (int k = 0; k < Divisions.Length; k++)
            Assert.Equal(x[k] / X / (g[k] / G), lq[Divisions[k]], 1e-9);
        // a division the download does not hold is unknown, never 0
        Assert.True(double.IsNaN(lq["01"]));
        Assert.Contains("productivity_relative, real_gva_growth: unknown", stderr);
    }

    [Fact]
    public void Wmca_from_districts_summing_to_the_itl2_cells_gives_the_itl2_lq_of_division_29()
    {
        var file = WriteWmcaFixture(Compete.TempDir("nomis-wmca"));
        var shipped = CliCapture.Run("indicators", "--region", "wmca", "--level", "division", "--year", "2021", "--data", TestData.Datasets);
        var fromDistricts = CliCapture.Run("indicators", "--bres", file, "--region", "wmca", "--level", "division", "--year", "2021", "--data", TestData.Datasets);
        Assert.True(fromDistricts.Code == 0, fromDistricts.Err);
        double expected = LqRows(shipped.Out, "wmca")["29"], actual = LqRows(fromDistricts.Out, "wmca")["29"];
        Assert.True(expected > 0);
        Assert.Equal(expected, actual, 1e-12);
    }

    [Fact]
    public void Other_employment_statuses_are_refused_unless_one_is_chosen_and_then_counted_as_rejected()
    {
        var file = WriteCpcaFixture(Compete.TempDir("nomis-status"), withEmployees: true);
        var e = Assert.Throws<InputException>(() => BresReader.Read(file, Uk.Geography, Uk.Sic));
        Assert.Contains("'Employees' (70 rows)", e.Message);
        Assert.Contains("--bres-status", e.Message);
        var t = BresReader.Read(file, Uk.Geography, Uk.Sic, new BresReadOptions { EmploymentStatus = "employment" });
        Assert.Equal(140, t.Account.Read);
        Assert.Equal(70, t.Account.Used);
        Assert.Equal(70, t.Account.Rejected);
        Assert.All(t.Account.Rejects, r => Assert.Equal("EMPLOYMENT_STATUS", r.Field));
    }

    [Fact]
    public void A_suppressed_cell_stays_unknown_and_its_district_growth_is_undefined()
    {
        var file = WriteCpcaFixture(Compete.TempDir("nomis-unknown"), withUnknown: true);
        var t = BresReader.Read(file, Uk.Geography, Uk.Sic);
        Assert.Equal(1, t.Account.Unknown);
        Assert.Equal(1, t.Account.UnknownByToken["OBS_STATUS Q"]);
        Assert.Equal(BresAreaKind.District, t.AreaKinds["E07000009"]);
        Assert.Equal(BresAreaKind.Nation, t.AreaKinds["K03000001"]);
        Assert.Equal([SectorLevel.Division], t.Levels);

        var uk = UkData.Load(Uk.Catalogue, file);
        var cpca = uk.Geography.Resolve("cpca");
        var profile = DistrictProfile.Build(uk, cpca, SectorLevel.Division, 2015, 2021, Divisions)!;
        Assert.Equal(CpcaDistricts, profile.DistrictCodes);
        int fenland72 = profile.Index(2, 3);
        Assert.True(double.IsNaN(profile.Cagr[fenland72]));
        // Cambridge (index 1), division 10: CAGR by hand and LQ against the fixture's Great Britain
        int i = profile.Index(1, 0);
        Assert.Equal(Math.Pow(Count(1, 0, 2021) / Count(1, 0, 2015), 1.0 / 6) - 1, profile.Cagr[i], 1e-12);
        double total = Enumerable.Range(0, Divisions.Length).Sum(k => Count(1, k, 2021));
        double gbTotal = Enumerable.Range(0, Divisions.Length).Sum(k => GbCount(k, 2021));
        Assert.Equal(Count(1, 0, 2021) / total / (GbCount(0, 2021) / gbTotal), profile.Lq[i], 1e-12);
    }

    [Fact]
    public void Districts_of_2021_and_of_2023_roll_up_to_the_same_city_region()
    {
        // FIXTURE: York and North Yorkshire as the 2023 unitary (E06000065) and as its seven 2021 districts
        var ynyca = Uk.Geography.Resolve("ynyca");
        string[] old = ["E07000163", "E07000164", "E07000165", "E07000166", "E07000167", "E07000168", "E07000169"];
        string Write(string name, IEnumerable<(string Code, double Value)> rows)
        {
            var sb = new StringBuilder("DATE,GEOGRAPHY_NAME,GEOGRAPHY_CODE,INDUSTRY_NAME,INDUSTRY_CODE,COUNT\n");
            foreach (var (c, v) in rows) sb.Append(CultureInfo.InvariantCulture, $"2021,\"{c}\",{c},\"29 : x\",29,{v}\n");
            var path = Path.Combine(Compete.TempDir("nomis-vintage"), name);
            File.WriteAllText(path, sb.ToString());
            return path;
        }
        var v2023 = BresReader.Read(Write("y2023.csv", [("E06000014", 1000), ("E06000065", 7000)]), Uk.Geography, Uk.Sic, null, Uk.Successors);
        var v2021 = BresReader.Read(Write("y2021.csv", old.Select(c => (c, 1000.0)).Append(("E06000014", 1000))), Uk.Geography, Uk.Sic, null, Uk.Successors);
        var c2023 = BresCoverage.Compose(v2023, ynyca, Uk.Geography, Uk.Successors, [2021], out var why2023);
        var c2021 = BresCoverage.Compose(v2021, ynyca, Uk.Geography, Uk.Successors, [2021], out var why2021);
        Assert.True(c2023 is not null, why2023);
        Assert.True(c2021 is not null, why2021);
        Assert.Equal(["E06000014", "E06000065"], c2023!.Areas);
        Assert.Equal(8, c2021!.Areas.Count);

        // a file missing one of the seven old districts does not describe the region, and says which is missing
        var partial = BresReader.Read(Write("partial.csv", old.Skip(1).Select(c => (c, 1000.0)).Append(("E06000014", 1000))), Uk.Geography, Uk.Sic, null, Uk.Successors);
        Assert.Null(BresCoverage.Compose(partial, ynyca, Uk.Geography, Uk.Successors, [2021], out var why));
        Assert.Contains("Craven (E07000163)", why);
    }

    [Fact]
    public void A_region_outside_the_itl2_unions_is_refused_with_the_district_download_that_would_give_it()
    {
        var cpca = Uk.Geography.Resolve("cpca");
        var e = Assert.Throws<InputException>(() => Uk.BuildEmploymentPanel([cpca], SectorLevel.Division, [2021]));
        Assert.Contains("6 districts", e.Message);
        Assert.Contains("Peterborough", e.Message);
        Assert.Contains("local authorities: district / unitary", e.Message);
        Assert.Contains("--bres FILE", e.Message);
    }
}
