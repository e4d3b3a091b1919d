using BenchmarkDotNet.Running;
using CompeteModel.Benchmarks;

// Run all: dotnet run -c Release --project benchmarks -- --filter '*'
// The district × subclass panel as a CSV, for the whole-process comparison with py-ecomplexity:
//   dotnet run -c Release --project benchmarks -- --write-district-panel /tmp/district_panel.csv
if (args is ["--write-district-panel", var path])
{
    GeneratedActivity.WriteDistrictPanelCsv(path);
    return;
}
// Time per stage of a complexity run (best of N), e.g. on the district panel:
//   dotnet run -c Release --project benchmarks -- --complexity-stages /tmp/district_panel.csv district subclass employment year /tmp/out.csv 3
if (args is ["--complexity-stages", var input, var loc, var prod, var val, var time, var output, var repeats])
{
    ComplexityStages.Run(input, loc, prod, val, time == "-" ? null : time, output, int.Parse(repeats, System.Globalization.CultureInfo.InvariantCulture));
    return;
}
// One side of the ingest comparison in its own process, for wall, CPU and peak memory (see IngestBenchmarks.RunOnce):
//   dotnet run -c Release --project benchmarks -- --ingest-once compete|duckdb|generate gb:2024 [runs]
if (args is ["--ingest-once", var side, var ingestCase, ..])
{
    IngestBenchmarks.RunOnce(side, ingestCase, args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 1);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
