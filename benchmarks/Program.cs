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
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
