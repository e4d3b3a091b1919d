using CompeteModel.Engine.Complexity;
using CompeteModel.Engine.Indicators;
using CompeteModel.Engine.Panels;
using CompeteModel.Engine.Scoring;

namespace CompeteModel.Engine.Pipeline;

/// <summary>
/// The value of each matrix column for every sector under one choice of years. Each column id has one source:
/// growth_differential and productivity_growth from the panels with multi-year endpoints (<see cref="EndpointGrowth"/>,
/// jumps damped or excluded per the spec); density, cog, rca, pci from the complexity of the end year; tech_intensity
/// from tagged firms; employment and firms from the panel; every other id from the indicator library's table of
/// that end and base year.
/// </summary>
internal static class RunColumnValues
{
    private delegate void Source(CityRegionRunContext ctx, YearConfig c, RunColumns v, int k);

    private static readonly Dictionary<string, Source> Sources = new(StringComparer.Ordinal)
    {
        [IndicatorIds.GrowthDifferential] = GrowthDifferential,
        [IndicatorIds.ProductivityGrowth] = ProductivityGrowth,
        [IndicatorIds.Density] = (ctx, c, v, k) => FromComplexity(ctx, c, v, k, cx => cx.Density, perRegion: true),
        [IndicatorIds.Cog] = (ctx, c, v, k) => FromComplexity(ctx, c, v, k, cx => cx.Cog, perRegion: true),
        [IndicatorIds.Rca] = (ctx, c, v, k) => FromComplexity(ctx, c, v, k, cx => cx.Rca, perRegion: true),
        [IndicatorIds.Pci] = (ctx, c, v, k) => FromComplexity(ctx, c, v, k, cx => cx.Pci, perRegion: false),
        [IndicatorIds.TechIntensity] = TechIntensity,
        [RunColumnIds.Employment] = Employment,
        [RunColumnIds.Firms] = (ctx, c, v, k) =>
        {
            for (int s = 0; s < ctx.Sectors.Count; s++) v.Value[k][s] = ctx.FirmsPerSector.Length > 0 ? ctx.FirmsPerSector[s] : double.NaN;
        },
    };

    /// <summary>Whether a column has its own source here (else it is read from the indicator library).</summary>
    public static bool HasOwnSource(string id) => Sources.ContainsKey(id);

    public static RunColumns Compute(CityRegionRunContext ctx, YearConfig c)
    {
        var v = new RunColumns(ctx.Columns.Count, ctx.Sectors.Count);
        for (int k = 0; k < ctx.Columns.Count; k++)
            (Sources.TryGetValue(ctx.Columns[k], out var source) ? source : FromLibrary)(ctx, c, v, k);
        return v;
    }

    /// <summary>
    /// Annualised employment growth of the sector in the region between the base and end windows minus the same in
    /// Great Britain. Jump years in the window's span are damped (the region follows GB that year) or make the value
    /// missing, per <c>growth.jump_check.action</c>. Bounds: the region's rounding bounds (lower end over upper base and
    /// the reverse), shifted with any damping; GB at its point value.
    /// </summary>
    private static void GrowthDifferential(CityRegionRunContext ctx, YearConfig c, RunColumns v, int k)
    {
        var p = ctx.Panel;
        var emp = p[Measure.Employment];
        int t0 = p.YearIndex(c.Base), t1 = p.YearIndex(c.End), n = t1 - t0 + 1;
        var action = ctx.Spec.Growth?.JumpCheck?.Action ?? JumpAction.Flag;
        double span = EndpointGrowth.Span(c.Base, c.End, c.Window);
        var x = new double[n];
        var g = new double[n];
        var lo = new double[n];
        var hi = new double[n];
        for (int s = 0; s < ctx.Sectors.Count; s++)
        {
            for (int t = 0; t < n; t++)
            {
                int i = p.Index(0, s, t0 + t);
                x[t] = emp.Value[i];
                lo[t] = emp.Lower[i];
                hi[t] = emp.Upper[i];
                g[t] = emp.Value[p.Index(1, s, t0 + t)];
            }
            var jumps = ctx.Jumps[s].Where(t => t > t0 && t <= t1).Select(t => t - t0).ToArray();
            if (jumps.Length > 0 && action == JumpAction.Exclude)
            {
                v.Reason[k][s] = UndefinedReason.UncorroboratedJump;
                continue;
            }
            double gb = EndpointGrowth.OfSeries(g, c.Window, out var whyGb);
            double raw = EndpointGrowth.OfSeries(x, c.Window, out var why);
            double own = raw;
            if (jumps.Length > 0 && action == JumpAction.Damp) own = EndpointGrowth.OfSeries(JumpCheck.Damp(x, g, jumps), c.Window, out why);
            if (whyGb != UndefinedReason.None) { v.Reason[k][s] = UndefinedReason.ZeroBenchmark; continue; }
            if (why != UndefinedReason.None) { v.Reason[k][s] = why; continue; }
            v.Value[k][s] = own - gb;
            double low = EndpointGrowth.Annualised(EndpointGrowth.Mean(hi.AsSpan(0, c.Window)), EndpointGrowth.Mean(lo.AsSpan(n - c.Window)), span, out var wl);
            double high = EndpointGrowth.Annualised(EndpointGrowth.Mean(lo.AsSpan(0, c.Window)), EndpointGrowth.Mean(hi.AsSpan(n - c.Window)), span, out var wh);
            if (wl == UndefinedReason.None && wh == UndefinedReason.None && double.IsFinite(low) && double.IsFinite(high))
            {
                v.Lower[k][s] = low + (own - raw) - gb;
                v.Upper[k][s] = high + (own - raw) - gb;
            }
        }
    }

    /// <summary>
    /// Annualised growth of real GVA per job of the ONS industry holding the sector, between the base and end windows
    /// (window means of chained-volume GVA over window means of BRES jobs), in the region minus in Great Britain.
    /// </summary>
    private static void ProductivityGrowth(CityRegionRunContext ctx, YearConfig c, RunColumns v, int k)
    {
        if (ctx.Productivity is not { } p)
        {
            Array.Fill(v.Reason[k], UndefinedReason.UnknownInput);
            return;
        }
        var cvm = p[Measure.GvaChainedVolume];
        var jobs = p[Measure.Employment];
        int t0 = p.YearIndex(c.Base), t1 = p.YearIndex(c.End), w = c.Window;
        double span = EndpointGrowth.Span(c.Base, c.End, w);
        double Growth(int r, int g, out UndefinedReason why)
        {
            var y = new double[t1 - t0 + 1];
            var j = new double[t1 - t0 + 1];
            for (int t = t0; t <= t1; t++)
            {
                y[t - t0] = cvm.Value[p.Index(r, g, t)];
                j[t - t0] = jobs.Value[p.Index(r, g, t)];
            }
            double j0 = EndpointGrowth.Mean(j.AsSpan(0, w)), j1 = EndpointGrowth.Mean(j.AsSpan(j.Length - w));
            double y0 = EndpointGrowth.Mean(y.AsSpan(0, w)), y1 = EndpointGrowth.Mean(y.AsSpan(y.Length - w));
            if (!(j0 > 0) || !(j1 > 0)) { why = UndefinedReason.UnknownInput; return double.NaN; }
            if (!(y0 > 0) || !(y1 > 0)) { why = UndefinedReason.NonPositiveGva; return double.NaN; }
            return EndpointGrowth.Annualised(y0 / j0, y1 / j1, span, out why);
        }
        for (int s = 0; s < ctx.Sectors.Count; s++)
        {
            int g = ctx.GroupOf[s];
            if (g < 0) { v.Reason[k][s] = UndefinedReason.UnknownInput; continue; }
            double r = Growth(0, g, out var why), b = Growth(1, g, out var whyB);
            if (why != UndefinedReason.None) { v.Reason[k][s] = why; continue; }
            if (whyB != UndefinedReason.None) { v.Reason[k][s] = UndefinedReason.ZeroBenchmark; continue; }
            v.Value[k][s] = r - b;
        }
    }

    private static void FromComplexity(CityRegionRunContext ctx, YearConfig c, RunColumns v, int k, Func<ComplexityYearResult, double[]> field, bool perRegion)
    {
        var cx = ctx.Complexity[c.End];
        var a = field(cx);
        int np = cx.Products.Count;
        for (int s = 0; s < ctx.Sectors.Count; s++)
        {
            int p = cx.ProductIndex(ctx.Sectors[s].Code);
            if (p < 0 || (perRegion && ctx.ComplexityRow < 0)) { v.Reason[k][s] = UndefinedReason.UnknownInput; continue; }
            v.Value[k][s] = perRegion ? a[ctx.ComplexityRow * np + p] : a[p];
        }
    }

    private static void TechIntensity(CityRegionRunContext ctx, YearConfig c, RunColumns v, int k)
    {
        if (!ctx.TechnologyShares.TryGetValue(CityRegionRun.TechAny, out var any)) return;
        for (int s = 0; s < ctx.Sectors.Count; s++) v.Value[k][s] = any[s];
    }

    private static void Employment(CityRegionRunContext ctx, YearConfig c, RunColumns v, int k)
    {
        var p = ctx.Panel;
        var e = p[Measure.Employment];
        int t = p.YearIndex(c.End);
        for (int s = 0; s < ctx.Sectors.Count; s++) v.Value[k][s] = e.Value[p.Index(0, s, t)];
    }

    /// <summary>Any other id: the indicator library's value (with its bounds and reason) for the configuration's end and base year.</summary>
    private static void FromLibrary(CityRegionRunContext ctx, YearConfig c, RunColumns v, int k)
    {
        var table = ctx.Library[ctx.LibraryKey(c)];
        var id = ctx.Columns[k];
        for (int s = 0; s < ctx.Sectors.Count; s++)
        {
            int i = table.Find(ctx.Region.Id, ctx.Sectors[s].Code, id);
            if (i < 0) { v.Reason[k][s] = UndefinedReason.UnknownInput; continue; }
            v.Value[k][s] = table.Value[i];
            v.Lower[k][s] = table.Lower[i];
            v.Upper[k][s] = table.Upper[i];
            v.Reason[k][s] = table.Reason[i];
        }
    }
}
