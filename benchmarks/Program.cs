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
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
