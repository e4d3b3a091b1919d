using BenchmarkDotNet.Attributes;
using CompeteModel.Engine.Generation;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Ingest.Micro;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.Sectors;
using DuckDB.NET.Data;

namespace CompeteModel.Benchmarks;

/// <summary>
/// Generated firm-level Parquet → region × division × year panel (read with readText: false, so the description and
/// cpc columns are skipped), against DuckDB's GROUP BY on the same file as a yardstick. The default case is the shipped
/// WMCA file datasets/micro/wmca_firms_2015_2021.parquet (ITL2 TLG3, 2015–2021, 780,983 firm-years). For the
/// ~30 million-row case (all of GB, 2015–2024) set COMPETE_MICRO_BENCH=gb:2024 before running, e.g.
/// <c>COMPETE_MICRO_BENCH=gb:2024 dotnet run -c Release --project benchmarks -- --filter '*IngestBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
public class IngestBenchmarks
{
    private string _path = "";
    private GeographyModel _geo = null!;
    private SicHierarchy _sic = null!;
    private Region[] _regions = [];

    /// <summary>Region (an ITL2 code, or gb) and last year, as "TLG3:2021".</summary>
    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "TLG3:2021";

    public static IEnumerable<string> Cases()
    {
        yield return "TLG3:2021";
        if (Environment.GetEnvironmentVariable("COMPETE_MICRO_BENCH") is { Length: > 0 } extra) yield return extra;
    }

    [GlobalSetup]
    public void Setup()
    {
        (_geo, _sic, _regions) = LoadReference();
        _path = FileFor(Case, _geo, _sic);
    }

    private static (GeographyModel Geo, SicHierarchy Sic, Region[] Regions) LoadReference()
    {
        var uk = Path.Combine(FindDatasets(), "uk");
        var geo = GeographyReader.Read(Path.Combine(uk, "geography_lad_itl_cityregion.csv"));
        var sic = SicReader.Read(Path.Combine(uk, "sic2007_hierarchy.csv"));
        return (geo, sic, geo.OfKind(RegionKind.Itl2).Append(geo.GreatBritain).ToArray());
    }

    /// <summary>The shipped WMCA file, or the generated file of the case (written into the temp folder on first use).</summary>
    private static string FileFor(string @case, GeographyModel geo, SicHierarchy sic)
    {
        if (@case == "TLG3:2021") return Path.Combine(FindDatasets(), "micro", "wmca_firms_2015_2021.parquet");
        var parts = @case.Split(':');
        var path = Path.Combine(Path.GetTempPath(), $"compete-bench-{parts[0]}-{parts[1]}.parquet");
        if (File.Exists(path)) return path;
        var uk = Path.Combine(FindDatasets(), "uk");
        var bres = BresReader.Read(Path.Combine(uk, "bres_itl2_sic5_employment_2015_2021.csv.gz"), geo, sic);
        var idbr = IdbrReader.Read(Path.Combine(uk, "idbr_gb_enterprises_sic5_sizeband_2016_2021.csv.gz"), sic);
        var filter = parts[0].Equals("gb", StringComparison.OrdinalIgnoreCase) ? null : new[] { parts[0] };
        var gen = new MicroDataGenerator(bres, idbr, geo, sic, new MicroGeneratorOptions(LastYear: int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), Itl2Filter: filter));
        // Zstandard at its usual level rather than the smallest size: the same values, written several times faster.
        MicroDataWriter.WriteParquet(gen.Generate().Select(a => a.Firms), path, System.IO.Compression.CompressionLevel.Optimal);
        return path;
    }

    [Benchmark(Baseline = true)]
    public double CompeteModel_ParquetToPanel() => Compete(_path, _geo, _sic, _regions);

    [Benchmark]
    public double DuckDb_GroupBy() => DuckDb(_path);

    private static double Compete(string path, GeographyModel geo, SicHierarchy sic, Region[] regions)
    {
        var micro = MicroDataReader.Read(path, geo, sic, readText: false);
        var panel = MicroAggregator.ToPanel(micro.Firms, regions, SectorLevel.Division, provenance: Engine.Panels.Provenance.GeneratedMicroData).Panel;
        // The GB rows' total: equal to DuckDB's sum over the file when every row is used (a check that both read it all).
        int gb = panel.RegionIndex(regions[^1].Id);
        var emp = panel[Engine.Panels.Measure.Employment].Value;
        double total = 0;
        for (int t = 0; t < panel.T; t++)
            for (int s = 0; s < panel.S; s++)
                if (emp[panel.Index(gb, s, t)] is var v && !double.IsNaN(v)) total += v;
        return total;
    }

    private static double DuckDb(string _path)
    {
        using var con = new DuckDBConnection("Data Source=:memory:");
        con.Open();
        using var cmd = con.CreateCommand();
        cmd.CommandText = $"SELECT lad_code, substr(sic, 1, 2) AS division, year, sum(employment) AS employment, count(*) AS firms " +
                          $"FROM read_parquet('{_path.Replace("'", "''")}') GROUP BY ALL";
        using var reader = cmd.ExecuteReader();
        double total = 0;
        while (reader.Read()) total += reader.GetDouble(3);
        return total;
    }

    /// <summary>
    /// Runs one side alone in this process, <paramref name="runs"/> times, and prints each run's wall and CPU time and the
    /// process's peak resident memory (BenchmarkDotNet gives allocations, not peak memory; the two sides must be separate
    /// processes for their peaks to mean anything). <c>generate</c> only writes the case's file.
    /// <c>dotnet run -c Release --project benchmarks -- --ingest-once compete|duckdb|generate gb:2024 [runs]</c>
    /// </summary>
    public static void RunOnce(string side, string @case, int runs)
    {
        var (geo, sic, regions) = LoadReference();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var path = FileFor(@case, geo, sic);
        var me = System.Diagnostics.Process.GetCurrentProcess();
        Console.WriteLine($"{@case}: {path} ({new FileInfo(path).Length / 1e6:F0} MB), ready after {clock.Elapsed.TotalSeconds:F1} s, CPU {me.TotalProcessorTime.TotalSeconds:F1} s");
        if (side == "generate") return;
        for (int i = 0; i < runs; i++)
        {
            me.Refresh();
            var cpu = me.TotalProcessorTime;
            clock.Restart();
            double v = side == "duckdb" ? DuckDb(path) : Compete(path, geo, sic, regions);
            var wall = clock.Elapsed;
            me.Refresh();
            Console.WriteLine($"{side} run {i + 1}: wall {wall.TotalMilliseconds:F0} ms, CPU {(me.TotalProcessorTime - cpu).TotalMilliseconds:F0} ms (check value {v})");
        }
        me.Refresh();
        Console.WriteLine($"{side} peak resident memory {me.PeakWorkingSet64 / 1e6:F0} MB; load average {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    private static string FindDatasets()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
                if (Directory.Exists(Path.Combine(d.FullName, "datasets", "uk"))) return Path.Combine(d.FullName, "datasets");
        throw new DirectoryNotFoundException("datasets/ not found above " + Directory.GetCurrentDirectory());
    }
}
