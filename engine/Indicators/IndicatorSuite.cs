using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Panels;

namespace CompeteModel.Engine.Indicators;

/// <summary>
/// Computes every indicator of the specialisation and growth-orientation families for the regions of a
/// panel against one benchmark, from <see cref="IndicatorOptions.BaseYear"/> to <see cref="IndicatorOptions.Year"/>,
/// as one long <see cref="IndicatorTable"/>. Rows are ordered by region (panel order), indicator
/// (<see cref="IndicatorIds.All"/> order), then sector (panel order, "*" last).
/// </summary>
/// <remarks>
/// Levels (lq, present, concentration, productivity_relative) are for the year; growth and shift-share run
/// from the base year to the year; the dynamic shift-share sums the steps between consecutive panel years in
/// that range. Totals X[r,·] and B[·] are sums over known cells. Bounds: from the firm bootstrap for lq and
/// growth when firms are given, else from the panel's Lower/Upper intervals (<see cref="RoundingIntervals"/>);
/// other indicators carry no bounds. Region-level shift-share rows: the sum over sectors, undefined
/// (<see cref="UndefinedReason.UndefinedPart"/>) when a sector is; em_homothetic sums the sectors present in the
/// base year and em_allocation is ss_regional minus it, so that it also carries the entry of new sectors.
/// </remarks>
public static class IndicatorSuite
{
    public static IndicatorTable Compute(Panel panel, IndicatorOptions options)
    {
        if (options.BaseYear >= options.Year)
            throw new InputException($"the base year ({options.BaseYear}) must be before the year ({options.Year})", field: "--base-year");
        var measures = panel.Measures.ToList();
        var pm = panel[options.Measure ?? (measures.Count == 1 ? measures[0].Measure : Measure.Employment)];
        int R = panel.R, S = panel.S;
        int t = panel.YearIndex(options.Year);
        int t0 = panel.Years.Contains(options.BaseYear) ? panel.YearIndex(options.BaseYear)
            : throw new InputException($"base year {options.BaseYear} is not in the data (years: {string.Join(", ", panel.Years)})", field: "--base-year");

        var inBench = BenchmarkMembers(panel, options, out int benchRegion);
        var regions = OutputRegions(panel, options, benchRegion);
        var steps = Enumerable.Range(0, panel.T).Where(i => panel.Years[i] >= options.BaseYear && panel.Years[i] <= options.Year)
            .OrderBy(i => panel.Years[i]).ToArray();

        var bench = BenchmarkVector(panel, pm, t, inBench);
        var bench0 = BenchmarkVector(panel, pm, t0, inBench);
        var benchSeries = new double[steps.Length * S];
        for (int k = 0; k < steps.Length; k++) BenchmarkVector(panel, pm, steps[k], inBench).V.CopyTo(benchSeries, k * S);

        BootstrapResult? bootLq = null, bootGrowth = null;
        if (options.FirmsBaseYear is not null && options.FirmsYear is not null)
        {
            var share = new double[S];
            for (int s = 0; s < S; s++) share[s] = bench.Total == 0 || double.IsNaN(bench.V[s]) ? 0 : bench.V[s] / bench.Total;
            bootLq = MicroBootstrap.LocationQuotients(options.FirmsYear.RegionOfFirm, options.FirmsYear.SectorOfFirm, options.FirmsYear.Weight,
                R, S, share, options.BootstrapDraws, options.Seed, options.MinFirms);
            bootGrowth = MicroBootstrap.Growth(options.FirmsBaseYear, options.FirmsYear, R, S, options.BootstrapDraws, options.Seed + 1, options.MinFirms);
        }

        bool productivity = panel.Has(Measure.GvaCurrent) && panel.Has(Measure.Employment);
        (double[] V, double[] L, double[] U, double Total, double TotalL, double TotalU) gvaB = default, jobsB = default;
        if (productivity)
        {
            gvaB = BenchmarkVector(panel, panel[Measure.GvaCurrent], t, inBench);
            jobsB = BenchmarkVector(panel, panel[Measure.Employment], t, inBench);
        }
        bool realGva = panel.Has(Measure.GvaChainedVolume);

        var w = new Work(S, steps.Length);
        var table = new IndicatorTable();
        int year = options.Year;
        var years = steps.Length;
        foreach (int r in regions)
        {
            string region = panel.Regions[r].Id;
            var x = Row(pm.Value, panel, r, t); var xl = Row(pm.Lower, panel, r, t); var xu = Row(pm.Upper, panel, r, t);
            var x0 = Row(pm.Value, panel, r, t0); var x0l = Row(pm.Lower, panel, r, t0); var x0u = Row(pm.Upper, panel, r, t0);
            double X = Specialisation.KnownSum(x), XL = Specialisation.KnownSum(xl), XU = Specialisation.KnownSum(xu);
            double X0 = Specialisation.KnownSum(x0), X0L = Specialisation.KnownSum(x0l), X0U = Specialisation.KnownSum(x0u);

            // lq and present
            for (int s = 0; s < S; s++)
            {
                int c = r * S + s;
                double lq = Specialisation.LocationQuotient(x[s], X, bench.V[s], bench.Total, out var why);
                double lo = double.NaN, hi = double.NaN, firms = double.NaN;
                bool reliable = true;
                if (why == UndefinedReason.None)
                {
                    (lo, hi) = inBench[r]
                        ? RoundingIntervals.LocationQuotientInBenchmark(xl[s], xu[s], XL - xl[s], XU - xu[s], bench.L[s] - xl[s], bench.U[s] - xu[s],
                            bench.TotalL - XL - bench.L[s] + xl[s], bench.TotalU - XU - bench.U[s] + xu[s])
                        : RoundingIntervals.LocationQuotientOutsideBenchmark(xl[s], xu[s], XL - xl[s], XU - xu[s], bench.L[s], bench.U[s],
                            bench.TotalL - bench.L[s], bench.TotalU - bench.U[s]);
                }
                if (pm.FirmCount is not null)
                {
                    firms = pm.FirmCount[panel.Index(r, s, t)];
                    reliable = firms >= options.MinFirms;
                }
                if (bootLq is not null)
                {
                    (lo, hi, firms, reliable) = (bootLq.Lower[c], bootLq.Upper[c], bootLq.Firms[c], bootLq.Reliable[c]);
                }
                w.Lq[s] = lq; w.LqWhy[s] = why; w.LqLo[s] = lo; w.LqHi[s] = hi; w.LqFirms[s] = firms; w.LqReliable[s] = reliable;
            }
            Emit(table, region, panel, year, IndicatorIds.Lq, w.Lq, w.LqWhy, w.LqLo, w.LqHi, w.LqFirms, w.LqReliable);
            for (int s = 0; s < S; s++)
                table.Add(region, panel.Sectors[s].Code, year, IndicatorIds.Present, Specialisation.Presence(w.Lq[s], options.PresenceThreshold),
                    w.LqWhy[s], firms: w.LqFirms[s], reliable: w.LqReliable[s]);

            // growth, cagr, growth_vs_benchmark
            for (int s = 0; s < S; s++)
            {
                int c = r * S + s;
                w.G[s] = Growth.Rate(x0[s], x[s], out w.GWhy[s]);
                (w.GLo[s], w.GHi[s]) = RoundingIntervals.Growth(x0l[s], x0u[s], xl[s], xu[s]);
                w.GFirms[s] = double.NaN;
                w.GReliable[s] = true;
                if (pm.FirmCount is not null)
                {
                    w.GFirms[s] = Math.Min(pm.FirmCount[panel.Index(r, s, t0)], pm.FirmCount[panel.Index(r, s, t)]);
                    w.GReliable[s] = w.GFirms[s] >= options.MinFirms;
                }
                if (bootGrowth is not null)
                    (w.GLo[s], w.GHi[s], w.GFirms[s], w.GReliable[s]) = (bootGrowth.Lower[c], bootGrowth.Upper[c], bootGrowth.Firms[c], bootGrowth.Reliable[c]);
            }
            Emit(table, region, panel, year, IndicatorIds.Growth, w.G, w.GWhy, w.GLo, w.GHi, w.GFirms, w.GReliable);
            {
                double g = Growth.Rate(X0, X, out var why);
                var (lo, hi) = RoundingIntervals.Growth(X0L, X0U, XL, XU);
                table.Add(region, IndicatorIds.AllSectors, year, IndicatorIds.Growth, g, why, lo, hi);
            }
            int span = options.Year - options.BaseYear;
            for (int s = 0; s < S; s++)
                table.Add(region, panel.Sectors[s].Code, year, IndicatorIds.Cagr, Growth.Cagr(x0[s], x[s], span, out var why), why,
                    firms: w.GFirms[s], reliable: w.GReliable[s]);
            table.Add(region, IndicatorIds.AllSectors, year, IndicatorIds.Cagr, Growth.Cagr(X0, X, span, out var whyC), whyC);
            for (int s = 0; s < S; s++)
                table.Add(region, panel.Sectors[s].Code, year, IndicatorIds.GrowthVsBenchmark,
                    Growth.VersusBenchmark(x0[s], x[s], bench0.V[s], bench.V[s], out var why), why, firms: w.GFirms[s], reliable: w.GReliable[s]);
            table.Add(region, IndicatorIds.AllSectors, year, IndicatorIds.GrowthVsBenchmark,
                Growth.VersusBenchmark(X0, X, bench0.Total, bench.Total, out var whyB), whyB);

            // shift-share: classic and Esteban-Marquillas
            ShiftShare.Dunn(x0, x, bench0.V, bench.V, w.Nat, w.Mix, w.Reg, w.SsWhy);
            ShiftShare.EstebanMarquillas(x0, x, bench0.V, bench.V, w.Hom, w.Alloc, w.EmWhy);
            EmitWithTotal(table, region, panel, year, IndicatorIds.SsNational, w.Nat, w.SsWhy);
            EmitWithTotal(table, region, panel, year, IndicatorIds.SsIndustryMix, w.Mix, w.SsWhy);
            double regTotal = EmitWithTotal(table, region, panel, year, IndicatorIds.SsRegional, w.Reg, w.SsWhy);
            Emit(table, region, panel, year, IndicatorIds.EmHomothetic, w.Hom, w.EmWhy);
            double hom = 0;
            var homWhy = UndefinedReason.None;
            for (int s = 0; s < S; s++)
            {
                if (w.EmWhy[s] == UndefinedReason.None) hom += w.Hom[s];
                else if (w.EmWhy[s] != UndefinedReason.AbsentInBaseYear) homWhy = UndefinedReason.UndefinedPart;
            }
            if (homWhy != UndefinedReason.None) hom = double.NaN;
            table.Add(region, IndicatorIds.AllSectors, year, IndicatorIds.EmHomothetic, hom, homWhy);
            Emit(table, region, panel, year, IndicatorIds.EmAllocation, w.Alloc, w.EmWhy);
            double alloc = regTotal - hom;
            table.Add(region, IndicatorIds.AllSectors, year, IndicatorIds.EmAllocation, alloc, double.IsNaN(alloc) ? UndefinedReason.UndefinedPart : UndefinedReason.None);

            // dynamic shift-share
            for (int k = 0; k < years; k++) Row(pm.Value, panel, r, steps[k]).CopyTo(w.Series.AsSpan(k * S, S));
            ShiftShare.Dynamic(w.Series, benchSeries, years, S, w.Nat, w.Mix, w.Reg, w.SsWhy);
            EmitWithTotal(table, region, panel, year, IndicatorIds.SsDynamicNational, w.Nat, w.SsWhy);
            EmitWithTotal(table, region, panel, year, IndicatorIds.SsDynamicIndustryMix, w.Mix, w.SsWhy);
            EmitWithTotal(table, region, panel, year, IndicatorIds.SsDynamicRegional, w.Reg, w.SsWhy);

            // concentration of the region's structure
            var regionWhy = X == 0 ? UndefinedReason.ZeroRegionTotal : UndefinedReason.None;
            var benchWhy = regionWhy != UndefinedReason.None ? regionWhy : bench.Total == 0 ? UndefinedReason.ZeroBenchmark : UndefinedReason.None;
            double krugman = Concentration.Krugman(x, bench.V);
            table.Add(region, IndicatorIds.AllSectors, year, IndicatorIds.Krugman, krugman, benchWhy);
            table.Add(region, IndicatorIds.AllSectors, year, IndicatorIds.SpecialisationCoefficient, Concentration.SpecialisationCoefficient(x, bench.V), benchWhy);
            table.Add(region, IndicatorIds.AllSectors, year, IndicatorIds.Hoover, Concentration.Hoover(x, bench.V), benchWhy);
            table.Add(region, IndicatorIds.AllSectors, year, IndicatorIds.Herfindahl, Concentration.Herfindahl(x), regionWhy);
            table.Add(region, IndicatorIds.AllSectors, year, IndicatorIds.HerfindahlNormalised, Concentration.HerfindahlNormalised(x),
                regionWhy == UndefinedReason.None ? UndefinedReason.TooFewSectors : regionWhy);
            table.Add(region, IndicatorIds.AllSectors, year, IndicatorIds.Entropy, Concentration.Entropy(x), regionWhy);
            table.Add(region, IndicatorIds.AllSectors, year, IndicatorIds.Gini, Concentration.LocationalGini(x, bench.V), benchWhy);

            if (productivity)
            {
                var gva = Row(panel[Measure.GvaCurrent].Value, panel, r, t);
                var jobs = Row(panel[Measure.Employment].Value, panel, r, t);
                Growth.ProductivityRelative(gva, jobs, gvaB.V, jobsB.V, w.Prod, w.ProdWhy);
                Emit(table, region, panel, year, IndicatorIds.ProductivityRelative, w.Prod, w.ProdWhy);
                table.Add(region, IndicatorIds.AllSectors, year, IndicatorIds.ProductivityRelative,
                    Growth.ProductivityRelative(Specialisation.KnownSum(gva), Specialisation.KnownSum(jobs), gvaB.Total, jobsB.Total, out var whyP), whyP);
            }
            if (realGva)
            {
                var cvm = panel[Measure.GvaChainedVolume];
                var c0 = Row(cvm.Value, panel, r, t0);
                var c1 = Row(cvm.Value, panel, r, t);
                Growth.Rates(c0, c1, w.Prod, w.ProdWhy);
                Emit(table, region, panel, year, IndicatorIds.RealGvaGrowth, w.Prod, w.ProdWhy);
                table.Add(region, IndicatorIds.AllSectors, year, IndicatorIds.RealGvaGrowth,
                    Growth.RealGva(Specialisation.KnownSum(c0), Specialisation.KnownSum(c1), out var whyR), whyR);
            }
        }
        return table;
    }

    /// <summary>Which regions make up the benchmark; <paramref name="benchRegion"/> is the named benchmark region or -1.</summary>
    public static bool[] BenchmarkMembers(Panel panel, IndicatorOptions options, out int benchRegion)
    {
        var member = new bool[panel.R];
        benchRegion = -1;
        switch (options.Benchmark)
        {
            case BenchmarkConvention.AllRegions:
                Array.Fill(member, true);
                break;
            case BenchmarkConvention.NamedRegion:
                if (string.IsNullOrWhiteSpace(options.BenchmarkRegion))
                    throw new InputException("a named benchmark needs the benchmark region's id", field: "--benchmark");
                if (!panel.TryRegionIndex(options.BenchmarkRegion, out benchRegion))
                    throw new InputException($"benchmark region '{options.BenchmarkRegion}' is not in the data", field: "--benchmark");
                member[benchRegion] = true;
                break;
            case BenchmarkConvention.PeerGroup:
                if (options.PeerRegions.Count == 0) throw new InputException("a peer-group benchmark needs at least one peer region", field: "--peers");
                foreach (var p in options.PeerRegions)
                {
                    if (!panel.TryRegionIndex(p, out var i)) throw new InputException($"peer region '{p}' is not in the data", field: "--peers");
                    member[i] = true;
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Benchmark, "unknown benchmark convention");
        }
        return member;
    }

    private static int[] OutputRegions(Panel panel, IndicatorOptions options, int benchRegion)
    {
        if (options.Regions is null) return Enumerable.Range(0, panel.R).Where(r => r != benchRegion).ToArray();
        var list = new List<int>();
        foreach (var id in options.Regions)
        {
            int r = panel.RegionIndex(id);
            if (r == benchRegion) throw new InputException($"region '{id}' is the benchmark itself", field: "--region");
            if (!list.Contains(r)) list.Add(r);
        }
        return list.ToArray();
    }

    /// <summary>B[s] with its bounds for year index t: the sum of the member regions' known cells.</summary>
    private static (double[] V, double[] L, double[] U, double Total, double TotalL, double TotalU) BenchmarkVector(Panel panel, PanelMeasure m, int t, bool[] member)
    {
        int S = panel.S;
        double[] v = new double[S], l = new double[S], u = new double[S];
        var known = new bool[S];
        for (int r = 0; r < panel.R; r++)
        {
            if (!member[r]) continue;
            int baseIndex = panel.Index(r, 0, t);
            for (int s = 0; s < S; s++)
            {
                double x = m.Value[baseIndex + s];
                if (double.IsNaN(x)) continue;
                known[s] = true;
                v[s] += x;
                l[s] += double.IsNaN(m.Lower[baseIndex + s]) ? x : m.Lower[baseIndex + s];
                u[s] += double.IsNaN(m.Upper[baseIndex + s]) ? x : m.Upper[baseIndex + s];
            }
        }
        for (int s = 0; s < S; s++) if (!known[s]) v[s] = l[s] = u[s] = double.NaN;
        return (v, l, u, Specialisation.KnownSum(v), Specialisation.KnownSum(l), Specialisation.KnownSum(u));
    }

    private static ReadOnlySpan<double> Row(double[] values, Panel panel, int r, int t) => values.AsSpan(panel.Index(r, 0, t), panel.S);

    private static void Emit(IndicatorTable table, string region, Panel panel, int year, string id, double[] v, UndefinedReason[] why,
        double[]? lo = null, double[]? hi = null, double[]? firms = null, bool[]? reliable = null)
    {
        for (int s = 0; s < v.Length; s++)
            table.Add(region, panel.Sectors[s].Code, year, id, v[s], why[s], lo?[s] ?? double.NaN, hi?[s] ?? double.NaN,
                firms?[s] ?? double.NaN, reliable?[s]);
    }

    /// <summary>Sector rows plus the "*" row holding their sum (undefined when a part is).</summary>
    private static double EmitWithTotal(IndicatorTable table, string region, Panel panel, int year, string id, double[] v, UndefinedReason[] why)
    {
        Emit(table, region, panel, year, id, v, why);
        double total = 0;
        foreach (var x in v) total += x;
        table.Add(region, IndicatorIds.AllSectors, year, id, total, double.IsNaN(total) ? UndefinedReason.UndefinedPart : UndefinedReason.None);
        return total;
    }

    /// <summary>Per-run scratch arrays (allocated once, reused for every region).</summary>
    private sealed class Work(int s, int years)
    {
        public readonly double[] Lq = new double[s], LqLo = new double[s], LqHi = new double[s], LqFirms = new double[s];
        public readonly UndefinedReason[] LqWhy = new UndefinedReason[s];
        public readonly bool[] LqReliable = new bool[s];
        public readonly double[] G = new double[s], GLo = new double[s], GHi = new double[s], GFirms = new double[s];
        public readonly UndefinedReason[] GWhy = new UndefinedReason[s];
        public readonly bool[] GReliable = new bool[s];
        public readonly double[] Nat = new double[s], Mix = new double[s], Reg = new double[s], Hom = new double[s], Alloc = new double[s];
        public readonly UndefinedReason[] SsWhy = new UndefinedReason[s], EmWhy = new UndefinedReason[s];
        public readonly double[] Prod = new double[s];
        public readonly UndefinedReason[] ProdWhy = new UndefinedReason[s];
        public readonly double[] Series = new double[s * years];
    }
}
