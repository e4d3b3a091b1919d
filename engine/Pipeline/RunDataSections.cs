using CompeteModel.Engine.IO;
using CompeteModel.Engine.Reporting;

namespace CompeteModel.Engine.Pipeline;

/// <summary>The data sections of a run's report and the workbook sheets that carry their numbers.</summary>
public sealed record RunDataSections(IReadOnlyList<ReportSection> Sections, IReadOnlyList<(string Sheet, Table Table)> Sheets)
{
    public static RunDataSections Empty { get; } = new([], []);
}
