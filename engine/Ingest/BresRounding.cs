namespace CompeteModel.Engine.Ingest;

/// <summary>Which BRES disclosure-rounding rule to assume for a published count.</summary>
public enum BresRoundingRule
{
    /// <summary>Public access, relaxed rounding (NOMIS default for open data).</summary>
    Relaxed,
    /// <summary>Strict rounding, used where a cell is potentially disclosive: bases twice the relaxed ones.</summary>
    Strict,
}

/// <summary>
/// The interval a published (rounded) BRES count stands for. Source: NOMIS, "Rounding of Business
/// Register and Employment Survey estimates" (see METHODS.md): 1–49 to the nearest 5 (strict 10);
/// 50–249 to 25 (50); 250–499 to 50 (100); 500–999 to 100 (200); 1,000–2,499 to 250 (500);
/// 2,500–4,999 to 500 (1,000); 5,000+ to 1,000 (2,000). A published v stands for v ± base/2; a
/// published 0 for [0, 2] (strict [0, 4]).
/// </summary>
public static class BresRounding
{
    /// <summary>The rounding base for a published value.</summary>
    public static double Base(double published, BresRoundingRule rule = BresRoundingRule.Relaxed)
    {
        double b = published switch
        {
            < 50 => 5,
            < 250 => 25,
            < 500 => 50,
            < 1000 => 100,
            < 2500 => 250,
            < 5000 => 500,
            _ => 1000,
        };
        return rule == BresRoundingRule.Strict ? 2 * b : b;
    }

    /// <summary>[lower, upper] for a published count; lower is never below 0.</summary>
    public static (double Lower, double Upper) Interval(double published, BresRoundingRule rule = BresRoundingRule.Relaxed)
    {
        if (published == 0) return (0, rule == BresRoundingRule.Strict ? 4 : 2);
        double half = Base(published, rule) / 2;
        return (Math.Max(0, published - half), published + half);
    }
}
