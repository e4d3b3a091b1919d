using CompeteModel.Engine.IO;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Pipeline;
using CompeteModel.Engine.Scoring;

namespace CompeteModel.Tests.Pipeline;

/// <summary>The national runs the tests share, computed once per test run.</summary>
internal static class NationalData
{
    public static ModelSpec Spec => SpecValue.Value;
    private static readonly Lazy<ModelSpec> SpecValue = new(() => ModelSpec.Load(Path.Combine(TestData.Datasets, "specs", "national.yaml")));

    public static readonly Lazy<Table> WorldTrade = new(() => TableFiles.Read(TestData.Reference("world_trade_avg_1998_to_2000.csv")));
    public static readonly Lazy<Table> Eu28 = new(() => TableFiles.Read(TestData.Reference("EU28.emp.csv")));

    public static NationalRunResult RunCostaRica(int? seed = null, int? draws = null) =>
        NationalRun.Execute(WorldTrade.Value, "country", "product", "value", "cri", Spec,
            new NationalRunOptions { Seed = seed, Draws = draws, Source = "world trade 1998–2000 (economiccomplexity)" });

    /// <summary>Costa Rica with the spec's own seed and 1,000 draws.</summary>
    public static readonly Lazy<NationalRunResult> CostaRica = new(() => RunCostaRica());

    /// <summary>The UK among the EU-28 (+ IS, NO) countries, by NACE section group, latest year.</summary>
    public static readonly Lazy<NationalRunResult> UkEu28 = new(() =>
        NationalRun.Execute(Eu28.Value, "geo", "nace_r2", "emp1000", "UK", Spec,
            new NationalRunOptions
            {
                TimeColumn = "time",
                Provenance = Provenance.PublishedStatistics,
                Source = "Eurostat employment by NACE section group (REAT EU28.emp)",
                ProductNames = FeasibilitySectorGroups.Names,
            }));

    public static string Csv(Table t)
    {
        var w = new StringWriter();
        TableFiles.WriteCsv(t, w);
        return w.ToString();
    }
}
