namespace CompeteModel.Engine.Reporting;

/// <summary>A chart as SVG text, with the file name it is saved under and its title.</summary>
public sealed record RenderedChart(ChartKind Kind, string FileName, string Title, string Svg);
