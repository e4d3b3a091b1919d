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
        var uk = Path.Combine(FindDatasets(), "uk");
        _geo = GeographyReader.Read(Path.Combine(uk, "geography_lad_itl_cityregion.csv"));
        _sic = SicReader.Read(Path.Combine(uk, "sic2007_hierarchy.csv"));
        _regions = _geo.OfKind(RegionKind.Itl2).Append(_geo.GreatBritain).ToArray();
        if (Case == "TLG3:2021")
        {
            _path = Path.Combine(FindDatasets(), "micro", "wmca_firms_2015_2021.parquet");
            return;
        }
        var bres = BresReader.Read(Path.Combine(uk, "bres_itl2_sic5_employment_2015_2021.csv.gz"), _geo, _sic);
        var idbr = IdbrReader.Read(Path.Combine(uk, "idbr_gb_enterprises_sic5_sizeband_2016_2021.csv.gz"), _sic);
        var parts = Case.Split(':');
        var filter = parts[0].Equals("gb", StringComparison.OrdinalIgnoreCase) ? null : new[] { parts[0] };
        var gen = new MicroDataGenerator(bres, idbr, _geo, _sic, new MicroGeneratorOptions(LastYear: int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), Itl2Filter: filter));
        _path = Path.Combine(Path.GetTempPath(), $"compete-bench-{parts[0]}-{parts[1]}.parquet");
        if (!File.Exists(_path)) MicroDataWriter.WriteParquet(gen.Generate().Select(a => a.Firms), _path);
    }

    [Benchmark(Baseline = true)]
    public double CompeteModel_ParquetToPanel()
    {
        var micro = MicroDataReader.Read(_path, _geo, _sic, readText: false);
        var panel = MicroAggregator.ToPanel(micro.Firms, _regions, SectorLevel.Division, provenance: Engine.Panels.Provenance.GeneratedMicroData).Panel;
        return panel[Engine.Panels.Measure.Employment].Value[0];
    }

    [Benchmark]
    public double DuckDb_GroupBy()
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

    private static string FindDatasets()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
                if (Directory.Exists(Path.Combine(d.FullName, "datasets", "uk"))) return Path.Combine(d.FullName, "datasets");
        throw new DirectoryNotFoundException("datasets/ not found above " + Directory.GetCurrentDirectory());
    }
}
