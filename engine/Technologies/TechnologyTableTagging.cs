using CompeteModel.Engine.Errors;
using CompeteModel.Engine.IO;

namespace CompeteModel.Engine.Technologies;

/// <summary>
/// Tags every row of a table (a firm list, procurement notices…) and returns the table with two more
/// columns: <c>technologies</c> — the ids in taxonomy order joined by <c>;</c>, empty when none — and
/// <c>evidence</c> — per technology <c>id:evidence</c> joined by <c>;</c>, where evidence is the
/// <see cref="TechnologyHit.Evidence"/> (phrases as written in the taxonomy, then CPC codes, joined by <c>|</c>).
/// </summary>
public static class TechnologyTableTagging
{
    public const string TechnologiesColumn = "technologies";
    public const string EvidenceColumn = "evidence";

    public static Table Tag(Table input, string textColumn, string? cpcColumn, TechnologyTagger tagger)
    {
        foreach (var name in new[] { TechnologiesColumn, EvidenceColumn })
            if (input.HasColumn(name))
                throw new InputException($"the input already has a column '{name}'; rename it before tagging", input.SourceFile, 1, name);
        var text = input.Column(textColumn);
        var cpc = cpcColumn is null ? null : input.Column(cpcColumn);
        int n = input.RowCount;
        var ids = new string?[n];
        var evidence = new string?[n];
        Parallel.For(0, n, r =>
        {
            var hits = tagger.Tag(input.GetText(text, r), cpc is null ? null : input.GetText(cpc, r));
            ids[r] = string.Join(';', hits.Select(h => h.TechnologyId));
            evidence[r] = string.Join(';', hits.Select(h => h.TechnologyId + ":" + h.Evidence));
        });
        var columns = new List<TableColumn>(input.Columns) { TableColumn.Of(TechnologiesColumn, ids), TableColumn.Of(EvidenceColumn, evidence) };
        return new Table(columns, input.SourceFile, input.SourceLines);
    }
}
