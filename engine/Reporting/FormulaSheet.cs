namespace CompeteModel.Engine.Reporting;

/// <summary>A worksheet given cell by cell, with formulas, for <see cref="ExcelWriter"/>; rows above <see cref="FrozenRows"/> stay in view.</summary>
public sealed class FormulaSheet(int frozenRows)
{
    private readonly List<SheetCell> _cells = [];

    public int FrozenRows { get; } = frozenRows;

    /// <summary>The cells in row-major order.</summary>
    public IReadOnlyList<SheetCell> Cells => _cells.OrderBy(c => c.Row).ThenBy(c => c.Column).ToArray();

    public void Number(int row, int column, double value, int style = 0)
    {
        if (double.IsFinite(value)) _cells.Add(new SheetCell(row, column, value, null, null, style));
    }

    public void Text(int row, int column, string text, int style = 0) => _cells.Add(new SheetCell(row, column, double.NaN, text, null, style));

    /// <summary>A formula and the value it evaluates to now (NaN when it evaluates to the empty text "").</summary>
    public void Formula(int row, int column, string formula, double value) => _cells.Add(new SheetCell(row, column, value, null, formula, 0));
}
