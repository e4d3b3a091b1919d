using CompeteModel.Engine.IO;

namespace CompeteModel.Engine.Backtest;

/// <summary>
/// Every number of the backtest as one long table (<c>backtest.csv</c>): variant, statistic, indicator, value, 95%
/// interval and cells. Statistics: entry_auc, within_region_entry_auc, exit_auc, placebo_entry_auc, placebo_within_region_entry_auc, logit_beta / logit_se (pooled),
/// fe_logit_beta / fe_logit_se (fixed effects), fe_logit_rca_control_beta / _se (fixed effects, own RCA at t0 as control), growth_spearman, growth_median_top_decile, growth_median_rest,
/// growth_top_minus_rest, entry_rate_decile_1 … 10.
/// </summary>
public static class BacktestTables
{
    public static Table ToTable(BacktestResult r)
    {
        var variant = new List<string?>();
        var statistic = new List<string?>();
        var indicator = new List<string?>();
        var value = new List<double>();
        var lower = new List<double>();
        var upper = new List<double>();
        var cells = new List<int>();
        void Add(BacktestEvaluation e, string stat, string ind, double v, double lo, double hi, int n)
        {
            variant.Add(e.Variant.Label);
            statistic.Add(stat);
            indicator.Add(ind);
            value.Add(v);
            lower.Add(lo);
            upper.Add(hi);
            cells.Add(n);
        }
        void AddEstimate(BacktestEvaluation e, string stat, string ind, Estimate x) => Add(e, stat, ind, x.Value, x.Lower, x.Upper, x.N);
        foreach (var e in new[] { r.Main }.Concat(r.Robustness))
        {
            foreach (var p in e.Predictors)
            {
                AddEstimate(e, "entry_auc", p.Id, p.EntryAuc);
                AddEstimate(e, "within_region_entry_auc", p.Id, p.WithinRegionEntryAuc);
                AddEstimate(e, "exit_auc", p.Id, p.ExitAuc);
                if (p.Logit is { } l)
                {
                    Add(e, "logit_beta", p.Id, l.Beta, double.NaN, double.NaN, l.N);
                    Add(e, "logit_se", p.Id, l.Se, double.NaN, double.NaN, l.N);
                }
                if (p.FixedEffectsLogit is { } f)
                {
                    Add(e, "fe_logit_beta", p.Id, f.Beta, double.NaN, double.NaN, f.N);
                    Add(e, "fe_logit_se", p.Id, f.Se, double.NaN, double.NaN, f.N);
                }
                if (p.ControlledLogit is { } c)
                {
                    Add(e, "fe_logit_rca_control_beta", p.Id, c.Beta, double.NaN, double.NaN, c.N);
                    Add(e, "fe_logit_rca_control_se", p.Id, c.Se, double.NaN, double.NaN, c.N);
                }
                AddEstimate(e, "growth_spearman", p.Id, p.GrowthRho);
                Add(e, "growth_median_top_decile", p.Id, p.TopDecileMedian, double.NaN, double.NaN, p.GrowthRho.N);
                Add(e, "growth_median_rest", p.Id, p.RestMedian, double.NaN, double.NaN, p.GrowthRho.N);
                AddEstimate(e, "growth_top_minus_rest", p.Id, p.TopMinusRest);
            }
            AddEstimate(e, "placebo_entry_auc", "density", e.Placebo);
            AddEstimate(e, "placebo_within_region_entry_auc", "density", e.PlaceboWithinRegion);
            foreach (var d in e.DensityDeciles)
                Add(e, "entry_rate_decile_" + d.Decile, "density", d.Rate, d.Lower, d.Upper, d.Cells);
        }
        return new Table(new[]
        {
            TableColumn.Of("variant", variant.ToArray()),
            TableColumn.Of("statistic", statistic.ToArray()),
            TableColumn.Of("indicator", indicator.ToArray()),
            TableColumn.Of("value", value.ToArray()),
            TableColumn.Of("lower_95", lower.ToArray()),
            TableColumn.Of("upper_95", upper.ToArray()),
            TableColumn.Of("cells", cells.ToArray()),
        });
    }
}
