using CompeteModel.Engine.Procurement;

namespace CompeteModel.Tests.Procurement;

/// <summary>The shipped data and the real Contracts Finder sample, read once for all procurement tests.</summary>
internal static class Sample
{
    public static readonly Lazy<ProcurementData> Data = new(() => ProcurementData.Load(TestData.Datasets));

    public static readonly Lazy<(CompiledProcesses Compiled, IReadOnlyList<ClassifiedProcess> Classified)> Ingested =
        new(() => Data.Value.Ingest(Data.Value.DefaultInput));

    public static CompiledProcesses Compiled => Ingested.Value.Compiled;
    public static IReadOnlyList<ClassifiedProcess> Classified => Ingested.Value.Classified;

    /// <summary>The process whose ocid ends with the given text (the notice GUID's last group is unique in the sample).</summary>
    public static ClassifiedProcess ByOcid(string suffix) => Classified.Single(p => p.Process.Ocid.EndsWith(suffix, StringComparison.Ordinal));
}
