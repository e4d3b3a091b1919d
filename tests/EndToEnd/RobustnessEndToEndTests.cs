using System.IO.Compression;
using System.Text;
using CompeteModel.Engine.IO;

namespace CompeteModel.Tests.EndToEnd;

/// <summary>
/// Issue 13 on the real program: one writer per output folder, a killed run leaves the previous folder byte for byte,
/// and every mistake in the list is exit 1 (bad input, naming the file) or 2 (usage), never 70.
/// </summary>
[Collection("EndToEnd")]
public sealed class RobustnessEndToEndTests
{
    private static readonly string Cwd = Compete.TempDir("robust");

    private static string Write(string name, string text)
    {
        var p = Path.Combine(Cwd, name);
        File.WriteAllText(p, text);
        return p;
    }

    private static string WriteBytes(string name, byte[] bytes)
    {
        var p = Path.Combine(Cwd, name);
        File.WriteAllBytes(p, bytes);
        return p;
    }

    private static byte[] Gzip(string text)
    {
        using var ms = new MemoryStream();
        using (var g = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true)) g.Write(Encoding.UTF8.GetBytes(text));
        return ms.ToArray();
    }

    private static Dictionary<string, string> Snapshot(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal);

    private static void AssertCleanFailure(Compete.Result r, int code, params string[] expected)
    {
        Assert.True(r.ExitCode == code, r.ToString());
        Assert.DoesNotContain("internal error", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
        foreach (var e in expected) Assert.Contains(e, r.Stderr);
    }

    /// <summary>A small trade-like table: 6 locations × 6 products with every value positive.</summary>
    private static string TradeCsv(Func<int, int, string>? value = null)
    {
        var sb = new StringBuilder("country,product,value\n");
        for (int i = 0; i < 6; i++)
            for (int j = 0; j < 6; j++)
                sb.Append("L").Append(i).Append(",P").Append(j).Append(',').Append(value?.Invoke(i, j) ?? ((i * 7 + j * 3) % 11 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        return sb.ToString();
    }

    // ---- one writer per folder -------------------------------------------------------------------------------

    [Fact]
    public async Task TwoConcurrentRunsIntoOneFolder_OneSucceeds_OneIsRefused()
    {
        // Before: both exited 0 and the folder mixed two seeds' files. The first run is made long (many draws on one
        // thread) so that the second starts and ends while it holds the folder; on a machine so slow that the first
        // ends first anyway, the attempt says nothing and is repeated with more draws.
        var dir = Path.Combine(Cwd, "concurrent");
        var owner = Path.Combine(Cwd, ".concurrent.owner");
        foreach (var draws in new[] { "5000", "20000", "80000" })
        {
            using var first = Compete.Start(Cwd, "run", "--no-micro", "--draws", draws, "--jobs", "1", "--seed", "1", "--out", dir);
            var firstOut = first.StandardOutput.ReadToEndAsync();
            var firstErr = first.StandardError.ReadToEndAsync();
            while (!File.Exists(owner) && !first.HasExited) await Task.Delay(20);
            var second = Compete.Run(Cwd, "run", "--no-micro", "--draws", "10", "--seed", "2", "--out", dir);
            bool overlapped = !first.HasExited;
            await first.WaitForExitAsync();
            Assert.True(first.ExitCode == 0, await firstErr);
            await firstOut;
            if (!overlapped) continue;
            AssertCleanFailure(second, 1, Path.GetFullPath(dir), "another process is writing this output", "held by compete run, process " + first.Id);
            Assert.Contains("\"seed\": 1,", File.ReadAllText(Path.Combine(dir, "run.json")));
            return;
        }
        Assert.Fail("the first run always finished before the second did; the machine is too slow for this test");
    }

    [Fact]
    public void FolderHeldByAnotherWriter_BatchAndRunAreRefusedAtOnce()
    {
        var dir = Path.Combine(Cwd, "held");
        Directory.CreateDirectory(dir);
        using (OutputLock.Acquire(dir, "the test holder"))
        {
            var r = Compete.Run(Cwd, "run", "--no-micro", "--draws", "10", "--out", dir);
            AssertCleanFailure(r, 1, Path.GetFullPath(dir), "held by the test holder");
            Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
        }
        var plan = Write("plan-held.yaml", "name: held\nregions: [wmca]\nspecs: [" + Path.Combine(TestData.Datasets, "specs", "city-region.yaml") + "]\nyears: [2021]\noptions:\n  quick: {draws: 10, no_micro: true}\n");
        var batchDir = Path.Combine(Cwd, "batch-held");
        Directory.CreateDirectory(batchDir);
        using (OutputLock.Acquire(Path.Combine(batchDir, "manifest.json"), "another batch"))
        {
            var b = Compete.Run(Cwd, "batch", plan, "--out", batchDir, "--jobs", "1");
            AssertCleanFailure(b, 1, "batch-held", "held by another batch");
            Assert.False(File.Exists(Path.Combine(batchDir, "manifest.json")));
        }
    }

    [Fact]
    public void RunKilledAtRandomPoints_LeavesThePreviousFolderByteIdentical()
    {
        // Before: a run killed at ~2.4 s had replaced some files of the previous run.
        var dir = Path.Combine(Cwd, "killed");
        var ok = Compete.Run(Cwd, "run", "--no-micro", "--draws", "20", "--seed", "5", "--out", dir);
        Assert.True(ok.ExitCode == 0, ok.ToString());
        var before = Snapshot(dir);
        Dictionary<string, string>? reference = null;
        Dictionary<string, string> Reference()
        {
            if (reference is not null) return reference;
            var refDir = Path.Combine(Cwd, "killed-reference");
            var full = Compete.Run(Cwd, "run", "--no-micro", "--draws", "300", "--seed", "6", "--out", refDir);
            Assert.True(full.ExitCode == 0, full.ToString());
            return reference = Snapshot(refDir);
        }
        var rng = new Random(2026);
        int killed = 0;
        for (int attempt = 0; attempt < 5; attempt++)
        {
            using var p = Compete.Start(Cwd, "run", "--no-micro", "--draws", "300", "--seed", "6", "--out", dir);
            _ = p.StandardOutput.ReadToEndAsync();
            _ = p.StandardError.ReadToEndAsync();
            p.WaitForExit(rng.Next(150, 2500));
            if (!p.HasExited)
            {
                p.Kill(entireProcessTree: true);
                killed++;
            }
            p.WaitForExit();
            var now = Snapshot(dir);
            // A kill can land after the commit (while the run prints its summary): the folder is then the whole new
            // output, byte-identical to the same run made to completion elsewhere; never a mix of the two.
            if (p.ExitCode == 0 || !(now.Count == before.Count && now.All(kv => before.TryGetValue(kv.Key, out var v) && v == kv.Value))) { Assert.Equal(Reference(), now); before = now; }
            Assert.Equal(before, now);
        }
        Assert.True(killed >= 2, $"only {killed} of 5 runs were killed before they finished");
        var after = Compete.Run(Cwd, "run", "--no-micro", "--draws", "20", "--seed", "5", "--out", dir);
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(Cwd), e => e.Contains(".killed.partial", StringComparison.Ordinal));
    }

    // ---- exit codes ------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("run", "--draws", "0")]
    [InlineData("run", "--draws", "-1")]
    [InlineData("run", "--jobs", "0")]
    [InlineData("run", "--jobs", "-3")]
    [InlineData("compare", "--regions", "wmca,gmca", "--jobs", "0")]
    [InlineData("batch", "plan.yaml", "--jobs", "0")]
    [InlineData("technologies", "--region", "wmca", "--replicates", "-1")]
    public void OptionOutOfRange_IsAUsageError(params string[] args)
    {
        // Before: --draws 0 and --jobs 0 crashed with exit 70 and a stack trace.
        var r = Compete.Run(Cwd, args);
        AssertCleanFailure(r, 2, "must be at least");
    }

    [Fact]
    public void Profile_OnTheNationalRun_IsAUsageError()
    {
        // The national run writes no run.json, so --profile would be silently ignored.
        var input = Write("trade-profile.csv", TradeCsv());
        AssertCleanFailure(Compete.Run(Cwd, "run", "--input", input, "--region", "L0", "--profile"), 2, "--profile");
    }

    [Fact]
    public void SpecWithAYamlSyntaxError_NamesFileLineAndColumn()
    {
        var spec = Write("syntax.yaml", "name: x\npillars:\n  - id: a\n   weight: 1\n");
        AssertCleanFailure(Compete.Run(Cwd, "run", "--spec", spec, "--no-micro"), 1, "syntax.yaml:4", "column");
        var plan = Write("syntax-plan.yaml", "name: x\nregions: [gmca\n");
        AssertCleanFailure(Compete.Run(Cwd, "batch", plan, "--out", Path.Combine(Cwd, "b-syntax")), 1, "syntax-plan.yaml:3", "column");
    }

    [Theory]
    [InlineData("sector_level: sic2", "sector_level: sic9", "sector_level")]
    [InlineData("geography_level: combined_authority", "geography_level: planet", "geography_level")]
    [InlineData("benchmark: uk ", "benchmark: mars ", "benchmark")]
    public void SpecEnumerationOutsideItsWords_NamesFileLineAndKey(string from, string to, string key)
    {
        // Before: sic9 fell back to division, planet and mars were accepted.
        var lines = File.ReadAllLines(Path.Combine(TestData.Datasets, "specs", "city-region.yaml"));
        int at = Array.FindIndex(lines, l => l.StartsWith(from, StringComparison.Ordinal));
        Assert.True(at >= 0, "the shipped spec has no line starting '" + from + "'");
        lines[at] = to + lines[at][from.Length..];
        var spec = Path.Combine(Cwd, "enum-" + key + ".yaml");
        File.WriteAllLines(spec, lines);
        AssertCleanFailure(Compete.Run(Cwd, "run", "--spec", spec, "--no-micro", "--draws", "10"), 1, $"enum-{key}.yaml:{at + 1}, field '{key}'", "unknown " + key);
    }

    [Fact]
    public void OutNamingAFileOrAFolderOfTheWrongKind_IsBadInput()
    {
        var file = Write("i-am-a-file", "x");
        AssertCleanFailure(Compete.Run(Cwd, "run", "--no-micro", "--draws", "10", "--out", file), 1, "i-am-a-file", "this is a file");
        Assert.Equal("x", File.ReadAllText(file));
        var input = Write("trade.csv", TradeCsv());
        var folder = Path.Combine(Cwd, "i-am-a-folder.csv");
        Directory.CreateDirectory(folder);
        AssertCleanFailure(Compete.Run(Cwd, "complexity", "--input", input, "--loc", "country", "--prod", "product", "--val", "value", "--out", folder), 1, "this is a folder");
    }

    [Fact]
    public void DiagnosticsNamingAFolder_IsRefusedBeforeAnyOutputIsWritten()
    {
        // Before: exit 70 after the main output had been written.
        var input = Write("trade-d.csv", TradeCsv());
        var outFile = Path.Combine(Cwd, "diag-main.csv");
        var folder = Path.Combine(Cwd, "diag-folder.csv");
        Directory.CreateDirectory(folder);
        var r = Compete.Run(Cwd, "complexity", "--input", input, "--loc", "country", "--prod", "product", "--val", "value", "--out", outFile, "--diagnostics", folder);
        AssertCleanFailure(r, 1, "field '--diagnostics'", "this is a folder");
        Assert.False(File.Exists(outFile));
    }

    [Theory]
    [InlineData("allzero", "all-zero values")]
    [InlineData("onelocation", "one location")]
    [InlineData("duplicateheader", "duplicate header column")]
    public void ComplexityOnDegenerateInput_IsBadInput(string kind, string what)
    {
        _ = what;
        string text = kind switch
        {
            "allzero" => TradeCsv((_, _) => "0"),
            "onelocation" => "country,product,value\nA,p1,3\nA,p2,4\n",
            _ => "country,product,value,value\nA,p1,3,1\nB,p2,4,1\n",
        };
        var input = Write(kind + ".csv", text);
        var r = Compete.Run(Cwd, "complexity", "--input", input, "--loc", "country", "--prod", "product", "--val", "value", "--out", Path.Combine(Cwd, kind + "-out.csv"));
        AssertCleanFailure(r, 1, kind + ".csv");
        Assert.False(File.Exists(Path.Combine(Cwd, kind + "-out.csv")));
    }

    [Fact]
    public void TruncatedOrCorruptGzipInput_IsBadInputNamingTheFile()
    {
        // Before: a cut in the last value read 916 as 91 and exit 0; flipped bytes exit 70.
        var gz = Gzip(TradeCsv((i, j) => "916"));
        var cut = WriteBytes("cut.csv.gz", gz[..^6]);
        AssertCleanFailure(Compete.Run(Cwd, "complexity", "--input", cut, "--loc", "country", "--prod", "product", "--val", "value", "--out", Path.Combine(Cwd, "cut-out.csv")),
            1, "cut.csv.gz", "truncated or corrupt");
        var flipped = (byte[])gz.Clone();
        flipped[gz.Length / 2] ^= 0xFF;
        var bad = WriteBytes("flipped.csv.gz", flipped);
        AssertCleanFailure(Compete.Run(Cwd, "complexity", "--input", bad, "--loc", "country", "--prod", "product", "--val", "value", "--out", Path.Combine(Cwd, "flip-out.csv")),
            1, "flipped.csv.gz");
    }

    [Fact]
    public void NegativeAndHugeValues_AreRejectedAndCounted_InEveryReader()
    {
        // Before: indicators --input used a negative value and 1e300 gave ±Infinity marked reliable.
        var sb = new StringBuilder("region,sector,year,value\n");
        foreach (var r in new[] { "A", "B", "C" })
            foreach (var s in new[] { "s1", "s2", "s3" })
                foreach (var y in new[] { 2015, 2021 })
                    sb.Append(r).Append(',').Append(s).Append(',').Append(y).Append(',')
                      .Append(r == "A" && s == "s1" && y == 2021 ? "-5" : r == "B" && s == "s2" && y == 2021 ? "1e300" : "100").Append('\n');
        var input = Write("long.csv", sb.ToString());
        var ind = Compete.Run(Cwd, "indicators", "--input", input, "--year", "2021", "--base-year", "2015", "--out", Path.Combine(Cwd, "ind.csv"));
        Assert.True(ind.ExitCode == 0, ind.ToString());
        Assert.Contains("18 read, 16 used, 0 unknown, 2 rejected", ind.Stderr);
        Assert.Contains("negative value", ind.Stderr);
        Assert.Contains("value out of range", ind.Stderr);
        Assert.DoesNotContain("Infinity", File.ReadAllText(Path.Combine(Cwd, "ind.csv")));

        var trade = Write("trade-huge.csv", TradeCsv((i, j) => i == 0 && j == 0 ? "1e300" : "5"));
        var cx = Compete.Run(Cwd, "complexity", "--input", trade, "--loc", "country", "--prod", "product", "--val", "value", "--out", Path.Combine(Cwd, "cx.csv"));
        Assert.True(cx.ExitCode == 0, cx.ToString());
        Assert.Contains("36 read, 35 used, 0 unknown, 1 rejected", cx.Stderr);
    }

    [Fact]
    public void DataCheck_RefusesAnEmptyFile_AndRejectsImpossibleFirmValues()
    {
        // Before: a header-only file passed, and employment 2.5 or 1e300, birth_year 2090 and a 4-digit SIC were used silently.
        const string header = "firm_id,year,lad_code,sic,employment,turnover,birth_year,itl2\n";
        var empty = Write("firms-empty.csv", header);
        AssertCleanFailure(Compete.Run(Cwd, "data", "check", "--input", empty), 1, "firms-empty.csv", "no rows");
        var firms = Write("firms-odd.csv", header +
            "1,2021,E08000025,29100,10,,2000,\n" +
            "2,2021,E08000025,29100,2.5,,,\n" +
            "3,2021,E08000025,29100,1e300,,,\n" +
            "4,2021,E08000025,29100,10,,2090,\n" +
            "5,2021,E08000025,2910,10,,,\n");
        var r = Compete.Run(Cwd, "data", "check", "--input", firms);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("read\t5", r.Stdout);
        Assert.Contains("used\t2", r.Stdout);
        Assert.Contains("rejected: employment is not a whole number (a headcount)\t1", r.Stdout);
        Assert.Contains("rejected: value out of range (above 1e15)\t1", r.Stdout);
        Assert.Contains("rejected: birth_year after the year of the row\t1", r.Stdout);
        Assert.Contains("coarser than a 5-digit subclass", r.Stdout);
    }

    [Fact]
    public void PlanListingOneRegionUnderTwoNames_IsRefused()
    {
        var plan = Write("plan-alias.yaml", "name: alias\nregions: [wmca, E47000007]\nspecs: [" + Path.Combine(TestData.Datasets, "specs", "city-region.yaml") + "]\nyears: [2021]\n");
        AssertCleanFailure(Compete.Run(Cwd, "batch", plan, "--out", Path.Combine(Cwd, "b-alias")), 1, "plan-alias.yaml:2", "name the same region");
    }

    [Fact]
    public void Procurement_RejectsOnlyTheBrokenRelease_AndRefusesATruncatedFile()
    {
        // Before: one NaN token or a truncation dropped the rest of the file with a single reject and exit 0.
        string Release(int i, string amount) =>
            "{\"ocid\": \"ocds-x-" + i + "\", \"id\": \"r" + i + "\", \"date\": \"2025-01-0" + (1 + i % 9) + "T00:00:00Z\", \"tag\": [\"award\"], " +
            "\"tender\": {\"id\": \"t" + i + "\", \"title\": \"Heat pump installation " + i + "\", \"value\": {\"amount\": " + amount + ", \"currency\": \"GBP\"}}}";
        var releases = Enumerable.Range(0, 6).Select(i => Release(i, i == 2 ? "NaN" : "1000")).ToList();
        var text = "{\"version\": \"1.1\", \"releases\": [\n" + string.Join(",\n", releases) + "\n]}\n";
        var nan = Write("nan.json", text);
        var r = Compete.Run(Cwd, "procurement", "ingest", "--input", nan, "--out", Path.Combine(Cwd, "proc-nan"));
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("6 releases read", r.Stderr);
        Assert.Contains("malformed JSON 1", r.Stderr);
        var rejects = File.ReadAllText(Path.Combine(Cwd, "proc-nan", "rejects.csv"));
        Assert.Contains("nan.json,4,", rejects); // the broken release's line

        var cut = Write("cut.json", text[..(text.Length * 2 / 3)]);
        var t = Compete.Run(Cwd, "procurement", "ingest", "--input", cut, "--out", Path.Combine(Cwd, "proc-cut"));
        AssertCleanFailure(t, 1, "cut.json", "refused whole");
        Assert.False(Directory.Exists(Path.Combine(Cwd, "proc-cut")));
    }
}
