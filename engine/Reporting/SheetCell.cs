namespace CompeteModel.Engine.Reporting;

/// <summary>
/// One cell of a <see cref="FormulaSheet"/> (0-based row and column): a number, a text, or a formula (A1 notation,
/// without the leading '=') with the value it evaluates to when the workbook is written (NaN: the empty text "").
/// <see cref="Style"/>: 0 plain, 1 bold header, 2 an input cell the reader is meant to edit.
/// </summary>
public sealed record SheetCell(int Row, int Column, double Number, string? Text, string? Formula, int Style)
{
    public bool IsFormula => Formula is not null;
}
