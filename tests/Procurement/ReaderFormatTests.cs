using System.IO.Compression;
using System.Text;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Procurement;

namespace CompeteModel.Tests.Procurement;

/// <summary>Hand-written OCDS inputs for the forms and faults the sample does not contain.</summary>
public sealed class ReaderFormatTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "compete-proc-" + Guid.NewGuid().ToString("N")[..8]);

    public ReaderFormatTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text, bool gzip = false)
    {
        var path = Path.Combine(_dir, name);
        if (gzip)
        {
            using var fs = File.Create(path);
            using var gz = new GZipStream(fs, CompressionLevel.Fastest);
            gz.Write(Encoding.UTF8.GetBytes(text));
        }
        else File.WriteAllText(path, text);
        return path;
    }

    private static string Release(string ocid, string date, string tag, string value = "{\"amount\": 1000, \"currency\": \"GBP\"}", string extra = "") =>
        "{\"ocid\": \"" + ocid + "\", \"id\": \"" + ocid + "-" + tag + "\", \"date\": \"" + date + "\", \"tag\": [\"" + tag + "\"], " +
        "\"tender\": {\"title\": \"T " + ocid + "\", \"value\": " + value + ", \"classification\": {\"scheme\": \"CPV\", \"id\": \"45453100\"}}" + extra + "}";

    [Fact]
    public void Record_package_uses_embedded_releases_or_the_compiled_release()
    {
        var path = Write("records.json", $$"""
            {"records": [
              {"ocid": "a", "releases": [{{Release("a", "2025-01-01T00:00:00Z", "tender")}}, {{Release("a", "2025-02-01T00:00:00Z", "award", extra: ", \"awards\": [{\"id\": \"1\", \"status\": \"active\", \"value\": {\"amount\": 900, \"currency\": \"GBP\"}}]")}}]},
              {"ocid": "b", "releases": [{"url": "http://x/b-1.json", "date": "2025-01-01T00:00:00Z", "tag": ["tender"]}],
               "compiledRelease": {{Release("b", "2025-01-05T00:00:00Z", "compiled")}}},
              {"ocid": "c", "releases": [{"url": "http://x/c-1.json"}]}
            ]}
            """);
        var read = OcdsReader.Read(path);
        Assert.Equal(4, read.UnitsRead);
        var c = ProcessCompiler.Compile(read);
        Assert.Equal(2, c.Processes.Count);
        Assert.Equal(900, c.Processes.Single(p => p.Ocid == "a").ValueGbp);
        Assert.Equal(2, c.Processes.Single(p => p.Ocid == "a").ReleaseCount);
        Assert.Equal(1000, c.Processes.Single(p => p.Ocid == "b").ValueGbp);
        var r = Assert.Single(c.Rejects);
        Assert.Equal("c", r.Ocid);
        Assert.Equal("record has neither embedded releases nor a compiled release", r.Reason);
    }

    [Fact]
    public void Json_lines_reject_a_malformed_line_with_its_number_and_keep_the_rest()
    {
        var path = Write("daily.jsonl.gz", string.Join("\n",
            Release("a", "2025-01-01T00:00:00Z", "tender"),
            "{\"ocid\": \"b\", \"date\": ",
            "",
            "{\"releases\": [" + Release("c", "2025-01-01T00:00:00Z", "tender") + "]}"), gzip: true);
        var c = ProcessCompiler.Compile(OcdsReader.Read(path));
        Assert.Equal(3, c.UnitsRead);
        Assert.Equal(["a", "c"], c.Processes.Select(p => p.Ocid));
        var r = Assert.Single(c.Rejects);
        Assert.Equal(2, r.Line);
        Assert.Equal("malformed JSON", r.Reason);
    }

    [Fact]
    public void A_truncated_package_is_refused_whole_naming_the_line()
    {
        // Issue 13: a truncated file used to keep the releases before the cut with one reject and exit 0.
        var text = "{\"releases\": [\n" + Release("a", "2025-01-01T00:00:00Z", "tender") + ",\n" + Release("b", "2025-01-01T00:00:00Z", "tender") + ",\n{\"ocid\": \"c\", \"date\": tru";
        var path = Write("cut.json", text);
        var e = Assert.Throws<InputException>(() => OcdsReader.Read(path));
        Assert.Equal(path, e.File);
        Assert.Equal(4, e.Line);
        Assert.Contains("refused whole", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_release_that_is_not_valid_json_is_rejected_alone_and_the_rest_is_read()
    {
        var text = "{\"releases\": [\n" + Release("a", "2025-01-01T00:00:00Z", "tender") + ",\n{\"ocid\": \"b\", \"date\": NaN},\n" + Release("c", "2025-01-01T00:00:00Z", "tender") + "\n]}";
        var c = ProcessCompiler.Compile(OcdsReader.Read(Write("nan.json", text)));
        Assert.Equal(["a", "c"], c.Processes.Select(p => p.Ocid));
        var r = Assert.Single(c.Rejects);
        Assert.Equal("malformed JSON", r.Reason);
        Assert.Equal(3, r.Line);
    }

    [Fact]
    public void Json_lines_in_a_json_file_are_not_silently_cut_to_the_first_line()
    {
        var path = Write("lines.json", Release("a", "2025-01-01T00:00:00Z", "tender") + "\n" + Release("b", "2025-01-01T00:00:00Z", "tender"));
        var e = Assert.Throws<InputException>(() => OcdsReader.Read(path));
        Assert.Equal(2, e.Line);
        Assert.Contains("name the file .jsonl", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Currency_and_date_faults_are_counted_by_reason()
    {
        var text = "{\"releases\": [\n" + string.Join(",\n",
            Release("eur", "2025-01-01T00:00:00Z", "tender", "{\"amount\": 1000, \"currency\": \"EUR\"}"),
            Release("usd", "2025-01-01T00:00:00Z", "tender", "{\"amount\": 1000, \"currency\": \"USD\"}"),
            Release("nocur", "2025-01-01T00:00:00Z", "tender", "{\"amount\": 1000}"),
            Release("baddate", "23/01/2025", "tender"),
            Release("badend", "2025-01-01T00:00:00Z", "tender", extra: ", \"awards\": [{\"id\": \"1\", \"value\": {\"amount\": 5, \"currency\": \"GBP\"}, \"contractPeriod\": {\"endDate\": \"soon\"}}]"),
            Release("text", "2025-01-01T00:00:00Z", "tender", "{\"amount\": \"lots\", \"currency\": \"GBP\"}")) + "]}";
        var path = Write("faults.json", text);
        var c = ProcessCompiler.Compile(OcdsReader.Read(path));
        Assert.Empty(c.Processes);
        Assert.Equal(6, c.Rejects.Count);
        string Reason(string ocid) => c.Rejects.Single(r => r.Ocid == ocid).Reason;
        Assert.Equal("currency not convertible", Reason("eur"));
        Assert.Equal("currency not convertible", Reason("usd"));
        Assert.Equal("no currency", Reason("nocur"));
        Assert.Equal("unparsable date", Reason("baddate"));
        Assert.Equal("unparsable date", Reason("badend"));
        Assert.Equal("awards[0].contractPeriod.endDate", c.Rejects.Single(r => r.Ocid == "badend").Field);
        Assert.Equal("value is not a number", Reason("text"));

        // With a fixed rate, EUR converts: 1,000 € × 0.85 £/€ = £850.
        var withRate = ProcessCompiler.Compile(OcdsReader.Read(path), new ProcurementReadOptions(EurToGbp: 0.85));
        Assert.Equal(850, withRate.Processes.Single(p => p.Ocid == "eur").ValueGbp, 9);
        Assert.Equal(5, withRate.Rejects.Count);
    }

    [Fact]
    public void A_folder_is_read_in_name_order_and_the_same_process_across_daily_files_counts_once()
    {
        var dir = Path.Combine(_dir, "daily");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "2025-01-02.json"), "{\"releases\": [" + Release("x", "2025-01-02T00:00:00Z", "award",
            extra: ", \"awards\": [{\"id\": \"1\", \"status\": \"active\", \"value\": {\"amount\": 2000, \"currency\": \"GBP\"}, \"contractPeriod\": {\"startDate\": \"2025-01-01\", \"endDate\": \"2027-01-01\"}}]") + "]}");
        File.WriteAllText(Path.Combine(dir, "2025-01-01.json"), "{\"releases\": [" + Release("x", "2025-01-01T00:00:00Z", "tender") + "]}");
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "not data");
        var read = OcdsReader.Read(dir);
        Assert.Equal(["2025-01-01.json", "2025-01-02.json"], read.Files.Select(Path.GetFileName));
        var p = Assert.Single(ProcessCompiler.Compile(read).Processes);
        Assert.Equal(2, p.ReleaseCount);
        Assert.Equal(2000, p.ValueGbp);
        // 2025-01-01 to 2027-01-01 = 365 + 365 = 730 days = 1.99863 years; annual = 2000 / 1.99863 = 1000.685.
        Assert.Equal(2000 / (730 / 365.25), p.AnnualValueGbp, 9);
        Assert.Equal(1000.685, p.AnnualValueGbp, 3);
    }

    [Fact]
    public void A_process_without_a_period_is_annualised_over_the_assumed_length_and_flagged()
    {
        var c = ProcessCompiler.Compile(OcdsReader.Read(Write("p.json", "{\"releases\": [" + Release("a", "2025-01-01T00:00:00Z", "tender") + "]}")),
            new ProcurementReadOptions(AssumedYearsWhenNoPeriod: 4));
        var p = Assert.Single(c.Processes);
        Assert.True(p.PeriodAssumed);
        Assert.Equal(250, p.AnnualValueGbp);
    }

    [Fact]
    public void Contracts_finder_csv_rows_become_releases()
    {
        var path = Write("export.csv", string.Join("\n",
            "Notice Identifier,Notice Type,Organisation Name,Published Date,Title,Description,Value Low,Value High,Awarded Value,Awarded Supplier,Supplier Is SME,Contract Start Date,Contract End Date,Cpv Codes,Region",
            "d67cc250-d45a-480b-b8b8-9498ba7e9f16,Contract,Harrow Council,23/01/2025 16:00,Solar canopy,Solar PV installation,0,500000,,,,01/04/2025,31/03/2026,\"09332000, 45261215\",London",
            "abc,Awarded Contract,Dudley Metropolitan Borough Council,2025-03-11,Heat pumps,Air source heat pumps,,,\"£120,000\",Warm Ltd,Yes,01/04/2025,31/03/2027,45331000,West Midlands",
            "bad,Contract,X,31/02/2025,T,D,1,2,,,,,,,"));
        var read = OcdsReader.Read(path);
        Assert.Equal(3, read.UnitsRead);
        Assert.Equal("unparsable date", Assert.Single(read.Rejects).Reason);
        var c = ProcessCompiler.Compile(read);
        var harrow = c.Processes.Single(p => p.Ocid == "ocds-b5fd17-d67cc250-d45a-480b-b8b8-9498ba7e9f16");
        Assert.Equal(500_000, harrow.ValueGbp);
        Assert.Equal(["09332000", "45261215"], harrow.CpvCodes.ToArray());
        var dudley = c.Processes.Single(p => p.Ocid == "abc");
        Assert.Equal(120_000, dudley.ValueGbp);
        Assert.Equal(ValueSource.Award, dudley.ValueSource);
        Assert.True(dudley.SupplierIsSme);
        // 2025-04-01 to 2027-03-31 = 729 days → 1.9959 years → £60,123.46 a year.
        Assert.Equal(120_000 / (729 / 365.25), dudley.AnnualValueGbp, 6);
    }
}
