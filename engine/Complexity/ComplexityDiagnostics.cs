namespace CompeteModel.Engine.Complexity;

/// <summary>
/// Whether a year's eigenvector ECI can be trusted (see <see cref="ReliabilityThresholds"/>).
/// Eigengap = λ2/λ3 (NaN when λ3 ≤ 0, i.e. no competing eigenvector); CorrDiversity = Pearson(ECI,
/// diversity) after the sign rule; ReflectionsAgreement = |Spearman(eigenvector ECI, reflections ECI)|;
/// CorrPrevious = Pearson with the previous year's final ECI over the common locations (NaN for the
/// first year or outside a panel); SignCorrelation = |the correlation that fixed the sign| (with
/// diversity, with the anchor, or for previous-year alignment the smallest of the first year's
/// |corr with diversity| and every |CorrPrevious| since). Warning is empty when Reliable.
/// </summary>
public sealed record ComplexityDiagnostics(
    string Time,
    int Locations,
    int Products,
    double Lambda2,
    double Lambda3,
    double Eigengap,
    bool EigenConverged,
    double CorrDiversity,
    double ReflectionsAgreement,
    double CorrPrevious,
    double SignCorrelation,
    string SignRule,
    bool SignFlipped,
    bool Reliable,
    string Warning);
