using CompeteModel.Engine.Complexity;
using CompeteModel.Engine.Ingest;
using CompeteModel.Engine.IO;
using CompeteModel.Engine.Scoring;

namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// Everything a national run produced: the indicator matrix it scored (units = products), the base scores, the
/// weight-set comparison, the Monte Carlo bands, the complexity calculation with its diagnostics, the location's
/// ECI (and rank among all locations) and COI, the input's row account, and the run's notes.
/// </summary>
public sealed class NationalRunResult
{
    private readonly string?[] _cellNotes;

    internal NationalRunResult(string location, string time, string source, string productColumn, IndicatorMatrix matrix, string?[] cellNotes,
        ScoreResult score, MonteCarloResult monteCarlo, WeightSetComparison comparison, ComplexityYearResult complexity,
        double eci, int eciRank, double coi, RowAccount account, IReadOnlyList<string> notes)
    {
        Location = location;
        Time = time;
        Source = source;
        ProductColumn = productColumn;
        Matrix = matrix;
        _cellNotes = cellNotes;
        Score = score;
        MonteCarlo = monteCarlo;
        Comparison = comparison;
        Complexity = complexity;
        Eci = eci;
        EciRank = eciRank;
        Coi = coi;
        Account = account;
        Notes = notes;
    }

    /// <summary>The scored location, as written in the table.</summary>
    public string Location { get; }

    /// <summary>The scored period ("" for a table without a time column).</summary>
    public string Time { get; }

    /// <summary>What the input was (the option's description or the table's file).</summary>
    public string Source { get; }

    /// <summary>The input's product column name, used as the first column of the output tables.</summary>
    public string ProductColumn { get; }

    public IndicatorMatrix Matrix { get; }
    public ScoreResult Score { get; }
    public MonteCarloResult MonteCarlo { get; }
    public WeightSetComparison Comparison { get; }

    /// <summary>The full complexity calculation of the scored period (all locations).</summary>
    public ComplexityYearResult Complexity { get; }
    public ComplexityDiagnostics Diagnostics => Complexity.Diagnostics;

    /// <summary>The location's ECI, its rank among <see cref="ComplexityYearResult.Locations"/> (1 = most complex; ties share the better rank) and its COI.</summary>
    public double Eci { get; }
    public int EciRank { get; }
    public double Coi { get; }

    public RowAccount Account { get; }
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Why a matrix cell is missing (null when it has a value).</summary>
    public string? CellNote(int unit, int column) => _cellNotes[unit * Matrix.IndicatorCount + column];

    /// <summary>The rankings, the long indicator table and the supporting tables.</summary>
    public NationalRunTables ToTables() => NationalRunTables.From(this);
}
