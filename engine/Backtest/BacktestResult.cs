namespace CompeteModel.Engine.Backtest;

/// <summary>
/// The whole backtest: the request, the main evaluation (with logits and ROC curves), the robustness variants,
/// how the composite was formed, and notes.
/// </summary>
public sealed record BacktestResult(
    BacktestRequest Request,
    BacktestEvaluation Main,
    IReadOnlyList<BacktestEvaluation> Robustness,
    string CompositeDescription,
    IReadOnlyList<string> Notes);
