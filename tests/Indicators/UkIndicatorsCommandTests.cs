using CompeteModel.Cli;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.IO;

namespace CompeteModel.Tests.Indicators;

/// <summary>
/// <c>compete indicators --region WMCA</c> on the shipped real UK data (BRES 2015–2021, ONS regional GVA),
/// run in-process; every expected value is recomputed here independently from the raw BRES and GVA tables.
/// </summary>
[Collection("Console")]
public class UkIndicatorsCommandTests
{
    private static readonly Lazy<UkData> Data = new(() => UkData.Load(TestData.Datasets));

    /// <summary>The WMCA run (division level, 2015–2021 against Great Britain), read back from its CSV output.</summary>
    private static readonly Lazy<Dictionary<(string Sector, string Indicator), Row>> Wmca = new(() => RunToRows("--region", "WMCA"));

    private sealed record Row(string Region, int Year, double Value, double Lower, double Upper, bool Reliable, string? Reason);

    [Fact]
    public void Motor_vehicles_LQ_equals_the_ratio_of_BRES_sums_and_the_metal_trades_stand_out()
    {
        var rows = Wmca.Value;
        var (x, X, b, B) = BresSums("29");
        double expected = x / X / (b / B);
        var lq29 = rows[("29", "lq")];
        Assert.Equal("wmca", lq29.Region);
        Assert.Equal(2021, lq29.Year);
        Assert.True(lq29.Value > 1.5, $"LQ of motor vehicles is {lq29.Value}");
        Assert.Equal(expected, lq29.Value, 12);
        Assert.InRange(lq29.Value, lq29.Lower, lq29.Upper);
        Assert.True(lq29.Reliable);
        Assert.Equal(1.0, rows[("29", "present")].Value);
        // basic metals and fabricated metal products (the Black Country trades)
        Assert.True(rows[("24", "lq")].Value > 1, $"LQ 24 = {rows[("24", "lq")].Value}");
        Assert.True(rows[("25", "lq")].Value > 1, $"LQ 25 = {rows[("25", "lq")].Value}");
        // every defined LQ lies in its propagated rounding interval
        foreach (var ((sector, id), r) in rows)
            if (id == "lq" && !double.IsNaN(r.Value)) Assert.InRange(r.Value, r.Lower, r.Upper);
    }

    [Fact]
    public void Benchmark_shares_times_LQs_sum_to_one_over_the_output()
    {
        // Σ_s (B[s]/B[·]) · LQ[r,s] = Σ_s X[r,s]/X[r,·] = 1, with B from the raw BRES sums for Great Britain
        var rows = Wmca.Value;
        var divisions = Data.Value.Sic.SectorsAt(Engine.Sectors.SectorLevel.Division).Select(s => s.Code).ToList();
        double sum = 0;
        int used = 0;
        foreach (var d in divisions)
        {
            var lq = rows[(d, "lq")];
            if (double.IsNaN(lq.Value)) { Assert.Equal("ZeroBenchmark", lq.Reason); continue; }
            var (_, _, b, B) = BresSums(d);
            sum += b / B * lq.Value;
            used++;
        }
        Assert.True(used > 80, $"only {used} divisions have an LQ");
        Assert.Equal(1.0, sum, 9);
    }

    [Fact]
    public void Region_rows_carry_concentration_and_growth()
    {
        var rows = Wmca.Value;
        double krugman = rows[("*", "krugman")].Value, hoover = rows[("*", "hoover")].Value;
        Assert.InRange(hoover, 0, 1);
        // Krugman = Σ|s_r − s_b| and Hoover = ½ Σ|s_r − s_b| on the same shares
        Assert.Equal(krugman, 2 * hoover, 12);
        // region growth 2015→2021 from the raw sums of all subclasses
        var (_, X21, _, _) = BresSums("29");
        var (_, X15, _, _) = BresSums("29", 2015);
        Assert.Equal(X21 / X15 - 1, rows[("*", "growth")].Value, 12);
        // shift-share components add up to the actual change of the region
        double change = X21 - X15;
        Assert.Equal(change, rows[("*", "ss_national")].Value + rows[("*", "ss_industry_mix")].Value + rows[("*", "ss_regional")].Value, 6);
    }

    [Fact]
    public void Productivity_is_GVA_per_job_relative_to_Great_Britain_on_the_GVA_industry()
    {
        var rows = Wmca.Value;
        var data = Data.Value;
        var gb = data.Geography.GreatBritain;
        Assert.Equal("29", data.GvaIndustryOf("29")!.Code);
        var gva = data.GvaItl2(false);
        double gvaW = gva.Value("TLG3", "29", 2021), gvaGb = gb.Itl2Codes.Sum(c => gva.Value(c, "29", 2021));
        var (x, _, b, _) = BresSums("29");
        double expected = gvaW / x / (gvaGb / b);
        Assert.Equal(expected, rows[("29", "productivity_relative")].Value, 12);

        // real GVA growth of motor vehicles 2015→2021, chained volume
        var cvm = data.GvaItl2(true);
        Assert.Equal(cvm.Value("TLG3", "29", 2021) / cvm.Value("TLG3", "29", 2015) - 1, rows[("29", "real_gva_growth")].Value, 12);

        // divisions 19, 20, 21 share the GVA industry CD-CF (19-21), so they carry one value
        Assert.Equal("CD-CF (19-21)", data.GvaIndustryOf("20")!.Code);
        double p19 = rows[("19", "productivity_relative")].Value;
        Assert.False(double.IsNaN(p19));
        Assert.Equal(p19, rows[("20", "productivity_relative")].Value);
        Assert.Equal(p19, rows[("21", "productivity_relative")].Value);
        // division 99 (extraterritorial organisations) is not in the regional accounts
        Assert.Equal("UnknownInput", rows[("99", "productivity_relative")].Reason);
        Assert.True(rows.ContainsKey(("*", "productivity_relative")));
    }

    [Fact]
    public void Section_level_runs_and_section_C_productivity_matches_the_published_manufacturing_row()
    {
        var rows = RunToRows("--region", "West Midlands", "--level", "section", "--benchmark", "K03000001");
        var data = Data.Value;
        var gb = data.Geography.GreatBritain;
        Assert.Equal("wmca", rows[("C", "lq")].Region);
        var sub = data.BresSubclasses;
        double Jobs(IEnumerable<string> areas) => Enumerable.Range(0, sub.Count)
            .Where(i => sub.Year[i] == 2021 && areas.Contains(sub.GeographyCode[i]) && !double.IsNaN(sub.Value[i])
                        && data.Sic.TryGetSubclass(sub.IndustryCode[i], out var k) && data.Sic.Subclasses[k].Section == "C")
            .Sum(i => sub.Value[i]);
        var gva = data.GvaItl2(false);
        // the published aggregate row "C (10-33)" differs from the sum of its industries by ≤ £0.5m per part
        double expected = gva.Value("TLG3", "C (10-33)", 2021) / Jobs(new[] { "TLG3" })
                          / (gb.Itl2Codes.Sum(c => gva.Value(c, "C (10-33)", 2021)) / Jobs(gb.Itl2Codes));
        Assert.Equal(expected, rows[("C", "productivity_relative")].Value, 3);
        Assert.True(rows[("C", "lq")].Value > 1, "the West Midlands are more manufacturing than Great Britain");
    }

    [Fact]
    public void A_district_or_enterprises_exit_1_and_write_nothing()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"induk-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var outFile = Path.Combine(dir, "o.csv");
            // Birmingham is part of ITL2 TLG3: BRES open access has no district figures
            Assert.Equal(1, CliCapture.Invoke(new[] { "indicators", "--region", "E08000025", "--out", outFile }));
            // UK Business Counts are GB-only in the shipped data
            Assert.Equal(1, CliCapture.Invoke(new[] { "indicators", "--region", "wmca", "--measure", "enterprises", "--out", outFile }));
            Assert.Equal(2, CliCapture.Invoke(new[] { "indicators", "--region", "wmca", "--level", "sub-class", "--out", outFile }));
            Assert.False(File.Exists(outFile));
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>
    /// Raw BRES subclass sums for 2021 (or <paramref name="year"/>): x = WMCA (TLG3) in the division,
    /// X = WMCA in all subclasses, b = Great Britain (its ITL2 areas) in the division, B = GB in all. Unpublished cells are left out.
    /// </summary>
    private static (double x, double X, double b, double B) BresSums(string division, int year = 2021)
    {
        var sums = SumsByYear.GetOrAdd(year, DivisionSums);
        var (x, b) = sums.GetValueOrDefault(division);
        return (x, sums.Values.Sum(v => v.Wmca), b, sums.Values.Sum(v => v.Gb));
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, Dictionary<string, (double Wmca, double Gb)>> SumsByYear = new();

    /// <summary>Per division: the sum of the published subclass cells of TLG3 and of Great Britain's ITL2 areas in one year.</summary>
    private static Dictionary<string, (double Wmca, double Gb)> DivisionSums(int year)
    {
        var data = Data.Value;
        var sub = data.BresSubclasses;
        var gb = data.Geography.GreatBritain.Itl2Codes.ToHashSet(StringComparer.Ordinal);
        var sums = new Dictionary<string, (double Wmca, double Gb)>(StringComparer.Ordinal);
        for (int i = 0; i < sub.Count; i++)
        {
            if (sub.Year[i] != year || double.IsNaN(sub.Value[i]) || !data.Sic.TryGetSubclass(sub.IndustryCode[i], out var k)) continue;
            var division = data.Sic.Subclasses[k].DivisionCode;
            var (w, g) = sums.GetValueOrDefault(division);
            if (gb.Contains(sub.GeographyCode[i])) g += sub.Value[i];
            if (sub.GeographyCode[i] == "TLG3") w += sub.Value[i];
            sums[division] = (w, g);
        }
        return sums;
    }

    private static Dictionary<(string, string), Row> RunToRows(params string[] args)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"induk-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var output = Path.Combine(dir, "tmp.csv");
            Assert.Equal(0, CliCapture.Invoke(new[] { "indicators" }.Concat(args).Concat(new[] { "--data", TestData.Datasets, "--out", output }).ToArray()));
            var t = TableFiles.Read(output);
            Assert.Equal(new[] { "region", "sector", "year", "indicator", "value", "lower", "upper", "reliable", "firms", "reason" },
                t.Columns.Select(c => c.Name).ToArray());
            var rows = new Dictionary<(string, string), Row>();
            for (int i = 0; i < t.RowCount; i++)
                rows.Add((t.GetText(t.Column("sector"), i)!, t.GetText(t.Column("indicator"), i)!), new Row(
                    t.GetText(t.Column("region"), i)!, (int)t.GetDouble(t.Column("year"), i), t.GetDouble(t.Column("value"), i),
                    t.GetDouble(t.Column("lower"), i), t.GetDouble(t.Column("upper"), i),
                    t.GetText(t.Column("reliable"), i) is "true" or "True", t.GetText(t.Column("reason"), i) is { Length: > 0 } r ? r : null));
            return rows;
        }
        finally { Directory.Delete(dir, true); }
    }
}
