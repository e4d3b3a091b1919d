using System.Text;
using BenchmarkDotNet.Attributes;
using CompeteModel.Engine.Complexity;
using CompeteModel.Engine.IO;

namespace CompeteModel.Benchmarks;

/// <summary>
/// Writing the complexity output of world trade (177,410 rows × 12 columns, 22 MB of CSV) to a stream that
/// discards it: the UTF-8 byte writer files use (<see cref="CsvTableWriter"/>) against the text writer with one
/// string per cell that it replaced (still used for standard output).
/// </summary>
[MemoryDiagnoser]
public class CsvOutputBenchmarks
{
    private Table _table = null!;

    [GlobalSetup]
    public void Setup()
    {
        var path = ComplexityBenchmarks.FindReference("world_trade_avg_1998_to_2000.csv");
        var matrix = ComplexityInput.FromTable(TableFiles.Read(path), "country", "product", "value", null).Years[0].Matrix;
        _table = ComplexityOutput.ToTable([ComplexityCalculator.Compute(matrix, new ComplexityOptions())], "country", "product", null);
    }

    [Benchmark(Baseline = true)]
    public void TextWriterPerCell()
    {
        using var w = new StreamWriter(Stream.Null, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        TableFiles.WriteCsv(_table, w);
    }

    [Benchmark]
    public void Utf8Bytes() => CsvTableWriter.Write(_table, Stream.Null);
}
