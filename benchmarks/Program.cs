using BenchmarkDotNet.Running;

// Run all: dotnet run -c Release --project benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
