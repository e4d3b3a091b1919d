using CompeteModel.Engine.Indicators;
namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// Why a scored sector's result should be read with care. A flag is raised when: the sector has fewer firms than
/// the spec's <c>min_firms</c> would allow at the smaller scale of a 5% draw (fewer than 2 × min_firms firms); its
/// LQ band straddles the presence threshold (specialisation not established); its Monte Carlo rank band is wider
/// than a quarter of the ranked sectors; its employment jumped in one year without GVA corroborating it (the jump check);
/// complexity diagnostics at the run's scale are unreliable while complexity is scored (with a failed complexity gate
/// pci and cog carry no weight, so they cannot make a sector's rank unreliable).
/// </summary>
public static class Reliability
{
    public static string[] Flags(CityRegionRunResult r, string code)
    {
        var flags = new List<string>();
        var m = r.Matrix;
        int e = m.RowOf(code);
        if (e < 0) return flags.ToArray();
        int kf = m.ColumnOf("firms");
        int min = r.Spec.Thresholds.MinFirms ?? 10;
        if (kf >= 0 && m[e, kf] < 2 * min) flags.Add($"few firms ({m[e, kf]:0})");
        int kl = m.ColumnOf(IndicatorIds.Lq);
        if (kl >= 0 && r.Uncertainty.Lower is { } lo && r.Uncertainty.Upper is { } hi)
        {
            double a = lo[e * m.IndicatorCount + kl], b = hi[e * m.IndicatorCount + kl];
            double th = r.Spec.Thresholds.Presence;
            if (!double.IsNaN(a) && a < th && b >= th) flags.Add("LQ band straddles " + th.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture));
        }
        var band = r.MonteCarlo.Bands.FirstOrDefault(x => x.Code == code);
        if (band is not null && band.Width > Math.Max(3, r.Score.Units.Count / 4.0)) flags.Add($"wide rank band ({band.P05:0}–{band.P95:0})");
        if (r.JumpYears.TryGetValue(code, out var jumps)) flags.Add("uncorroborated employment jump in " + string.Join(", ", jumps));
        if (!r.Complexity.Diagnostics.Reliable && (r.ComplexityGate is null || r.ComplexityGate.Passed)) flags.Add("complexity unreliable at this scale");
        return flags.ToArray();
    }
}
