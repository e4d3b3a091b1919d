using CompeteModel.Engine.Complexity;
using CompeteModel.Engine.IO;

namespace CompeteModel.Tests.Complexity;

/// <summary>The reference data sets as complexity inputs, loaded once per test run.</summary>
internal static class ComplexityData
{
    public static readonly Lazy<ComplexityInput> WorldTrade = new(() =>
        ComplexityInput.FromTable(TableFiles.Read(TestData.Reference("world_trade_avg_1998_to_2000.csv")), "country", "product", "value", null));

    public static readonly Lazy<ComplexityYearResult> WorldTradeResult = new(() =>
        ComplexityCalculator.Compute(WorldTrade.Value.Years[0].Matrix, new ComplexityOptions()));

    /// <summary>
    /// G.regions.emp.csv (REAT) with its aggregates removed: the region "Insgesamt" (Germany, the sum of the
    /// 16 states), the industry "Insgesamt" (each state's total) and "Verarbeitendes Gewerbe (C)", which is
    /// part of "Produzierendes Gewerbe ohne Baugewerbe (B-E)". The 10 remaining sections (A, B-E, F, G-I, J,
    /// K, L, M-N, O-Q, R-U) partition the economy.
    /// </summary>
    public static readonly string[] GermanAggregateIndustries = ["Insgesamt", "Verarbeitendes Gewerbe (C)"];
    public const string GermanAggregateRegion = "Insgesamt";

    public static readonly Lazy<Table> GermanPanelRaw = new(() => TableFiles.Read(TestData.Reference("G.regions.emp.csv")));

    public static readonly Lazy<ComplexityInput> GermanPanel = new(() =>
    {
        var t = GermanPanelRaw.Value;
        var industry = (string?[])t.Column("industry").Data;
        var region = (string?[])t.Column("region").Data;
        var keep = Enumerable.Range(0, t.RowCount)
            .Where(i => !GermanAggregateIndustries.Contains(industry[i]) && region[i] != GermanAggregateRegion).ToArray();
        return ComplexityInput.FromTable(Subset(t, keep), "region", "industry", "emp", "year");
    });

    public static readonly Lazy<ComplexityInput> German2015 = new(() =>
        ComplexityInput.FromTable(TableFiles.Read(TestData.Reference("G.regions.industries.csv")), "region", "ind_code", "emp_all", null));

    public static Table Subset(Table t, int[] rows)
    {
        var cols = t.Columns.Select(c =>
        {
            var src = (string?[])c.Data;
            return TableColumn.Of(c.Name, rows.Select(i => src[i]).ToArray());
        }).ToList();
        return new Table(cols, t.SourceFile, rows.Select(i => t.LineOf(i)).ToArray());
    }
}
