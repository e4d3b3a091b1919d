namespace CompeteModel.Engine.Backtest;

/// <summary>
/// A logit of a binary outcome on one predictor, with or without fixed effects (<see cref="FixedEffectsLogit"/>).
/// Beta is the change in the log-odds per unit of the predictor; Se its standard error from the inverse Fisher
/// information at the estimate (the model-based standard error R's <c>glm</c> and statsmodels' <c>Logit</c> print).
/// N is the number of cells used; Dropped the cells left out because their region or sector has no variation in the
/// outcome (with a fixed effect such a group is perfectly predicted and tells nothing about Beta, as in a
/// conditional logit). Converged is false when the iterations did not settle (typically complete separation: the
/// predictor alone decides the outcome and the estimate runs off to infinity). Note says why a value is missing.
/// </summary>
public sealed record LogitFit(
    double Intercept,
    double Beta,
    double SeIntercept,
    double Se,
    int N,
    int Dropped,
    int RegionEffects,
    int SectorEffects,
    int Iterations,
    bool Converged,
    double LogLikelihood,
    string Note)
{
    /// <summary>z = Beta / Se (Wald).</summary>
    public double Z => Beta / Se;
}
