namespace CompeteModel.Engine.Backtest;

/// <summary>Cells at risk of entry in one decile of a predictor (1 = lowest), how many entered, and the rate; Lower/Upper bound the decile's values.</summary>
public sealed record DecileRate(int Decile, double Lower, double Upper, int Cells, int Entries)
{
    public double Rate => Cells > 0 ? (double)Entries / Cells : double.NaN;
}
