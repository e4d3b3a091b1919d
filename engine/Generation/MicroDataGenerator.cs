using System.Globalization;
using CompeteModel.Engine.Errors;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Ingest;
using CompeteModel.Engine.Ingest.Micro;
using CompeteModel.Engine.Ingest.Uk;
using CompeteModel.Engine.Sectors;
using CompeteModel.Engine.Statistics;

namespace CompeteModel.Engine.Generation;

/// <summary>
/// Generates SYNTHETIC firm-level data (not real firms) for Great Britain, calibrated to published statistics,
/// one ITL2 area at a time so that all of GB need never be in memory.
/// <para>Calibration. For every ITL2 area × SIC subclass × year up to 2021 a target employment is drawn
/// uniformly among the whole numbers inside the BRES rounding interval of the published cell
/// (<see cref="BresRounding.Interval"/>; a published 0 gives 0), times <see cref="MicroGeneratorOptions.Scale"/>;
/// the firms of the cell sum exactly to that target, so at scale 1 every cell reproduces BRES within its
/// interval. A cell BRES leaves empty gets no firm that year (reported in <see cref="GeneratedArea.UnknownCells"/>)
/// and its firms are carried unchanged to the next year.</para>
/// <para>Firms. New firms draw a size band from the GB enterprise counts of their subclass in UK Business
/// Counts (IDBR, nearest published year) and a size inside the band (uniform; log-uniform for 250–999;
/// Pareto with shape 1.6 above 1,000, capped at 30,000); the last firm added to a cell is cut to what the target
/// leaves. Each year 8% of firms close (the same rate at every size, so that closures
/// do not shift the size-band shares), firms of 10 or more employees grow by a log-normal factor (σ = 0.10; not
/// below 10), while firms under 10 keep their headcount (with so many firms at 1–4 employees, rounding noise
/// would otherwise drain the smallest band year after year), then the cell is reconciled with its target: if survivors
/// exceed it, firms picked at random close until they fit; births (new firms as above) fill the gap. Firm ids persist across years: (ITL2 position + 1)·10¹² + subclass position·10⁷ + serial.</para>
/// <para>Years after 2021 are extrapolated: the 2021 target grows by the cell's compound annual growth
/// 2015–2021 of the published values, clipped to ±3% a year (0 where either year is 0 or unknown).</para>
/// <para>Place. Each firm is put in one district of its ITL2 area drawn uniformly (districts in code order);
/// there is no public firm count by district and subclass in the shipped data, so district totals are
/// synthetic and carry no information. Firms in a district straddling two ITL2 areas carry the ITL2 code.</para>
/// <para>Other fields. Birth year: the simulation year for births; for the 2015 stock, 2015 minus an
/// exponential age (mean 6 + 3 × band years, at most 60). Turnover (£, rounded to £1,000): employment ×
/// a section's turnover per employee × a persistent log-normal firm factor (σ = 0.35) × 2% a year × a
/// yearly log-normal noise (σ = 0.05). Descriptions: the subclass name in varied wording; in
/// technology-relevant sectors a share of firms add a phrase from the shared phrase list; a few firms in
/// unrelated sectors carry near-miss wording; a few firms in R&amp;D-heavy sectors carry CPC codes.</para>
/// </summary>
public sealed class MicroDataGenerator
{
    /// <summary>Years the generator simulates from, and the last year calibrated to BRES.</summary>
    public const int BresFirstYear = 2015, BresLastYear = 2021;

    private const double DeathRate = 0.08, GrowthFloor = 10, GrowthSigma = 0.10, FirmFactorSigma = 0.35, TurnoverNoiseSigma = 0.05, MaxExtrapolatedGrowth = 0.03;

    private readonly GeographyModel _geo;
    private readonly SicHierarchy _sic;
    private readonly IdbrTable _idbr;
    private readonly MicroGeneratorOptions _o;
    private readonly Dictionary<(string Itl2, int Sub, int Year), (double V, double L, double U)> _bres = new();
    private readonly List<string> _allItl2;
    private readonly Dictionary<int, double[]> _cdfCache = new();
    private readonly Dictionary<string, int> _ladIndex = new(StringComparer.Ordinal);
    private readonly int[] _tech, _near, _cpc;

    public MicroDataGenerator(BresTable bres, IdbrTable idbr, GeographyModel geography, SicHierarchy sic, MicroGeneratorOptions options)
    {
        _geo = geography;
        _sic = sic;
        _idbr = idbr;
        _o = options;
        if (options.FirstYear < BresFirstYear)
            throw new InputException($"the generator starts in {BresFirstYear}, the first BRES year; {options.FirstYear} was asked", field: "--years");
        if (options.LastYear > BresFirstYear + 200)
            throw new InputException($"the generator extrapolates at most to {BresFirstYear + 200}", field: "--years");
        if (options.LastYear < options.FirstYear)
            throw new InputException($"last year {options.LastYear} is before first year {options.FirstYear}", field: "--years");
        if (!(options.Scale > 0) || double.IsInfinity(options.Scale))
            throw new InputException($"scale must be a positive number, not {options.Scale}", field: "--scale");
        for (int i = 0; i < bres.Count; i++)
        {
            if (!sic.TryGetSubclass(bres.IndustryCode[i], out var s)) continue;
            _bres[(bres.GeographyCode[i], s, bres.Year[i])] = (bres.Value[i], bres.Lower[i], bres.Upper[i]);
        }
        _allItl2 = bres.GeographyCode.Distinct().Order(StringComparer.Ordinal).ToList();
        for (int i = 0; i < geography.Lads.Count; i++) _ladIndex[geography.Lads[i].Code] = i;
        _tech = new int[sic.Subclasses.Count];
        _near = new int[sic.Subclasses.Count];
        _cpc = new int[sic.Subclasses.Count];
        for (int s = 0; s < sic.Subclasses.Count; s++)
        {
            var code = sic.Subclasses[s].Code;
            _tech[s] = TechPhrases.Match(TechPhrases.Tech, t => t.Prefix, code);
            _near[s] = TechPhrases.Match(TechPhrases.NearMiss, t => t.Prefix, code);
            _cpc[s] = TechPhrases.Match(TechPhrases.CpcBySector, t => t.Prefix, code);
        }
        Areas = ResolveAreas();
    }

    /// <summary>The ITL2 areas that will be generated, in code order.</summary>
    public IReadOnlyList<string> Areas { get; }

    private List<string> ResolveAreas()
    {
        if (_o.Itl2Filter is null) return _allItl2;
        var r = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var f in _o.Itl2Filter)
        {
            var c = Itl.Normalise(f);
            if (!_allItl2.Contains(c))
                throw new InputException($"'{f}' is not an ITL2 area of the BRES data (e.g. TLG3)", field: "--region");
            r.Add(c);
        }
        return r.ToList();
    }

    /// <summary>Areas generated ahead of the one the caller is consuming.</summary>
    private const int Lookahead = 2;

    /// <summary>
    /// Generates the areas in code order (firms ordered by firm id, then year). Every random stream is seeded by area and
    /// subclass, so areas are independent: the next ones are generated on other threads while the caller consumes this
    /// one, and the areas and their bytes are the same as one at a time. At most <see cref="Lookahead"/> + 1 areas are in
    /// memory at once.
    /// </summary>
    public IEnumerable<GeneratedArea> Generate()
    {
        var pending = new Queue<Task<GeneratedArea>>();
        int next = 0;
        try
        {
            while (true)
            {
                while (next < Areas.Count && pending.Count < Lookahead)
                {
                    var area = Areas[next++];
                    pending.Enqueue(Task.Run(() => GenerateArea(area)));
                }
                if (pending.Count == 0) yield break;
                yield return pending.Dequeue().GetAwaiter().GetResult();
            }
        }
        finally
        {
            // A caller that stops early (or an area that failed) leaves no generation running behind it.
            foreach (var t in pending)
                try { t.Wait(); }
                catch (AggregateException) { }
        }
    }

    /// <summary>Generates one ITL2 area.</summary>
    public GeneratedArea GenerateArea(string itl2Code)
    {
        var itl2 = Itl.Normalise(itl2Code);
        int areaPos = _allItl2.IndexOf(itl2);
        if (areaPos < 0) throw new InputException($"'{itl2Code}' is not an ITL2 area of the BRES data", field: "--region");
        var lads = _geo.Lads.Where(l => l.Itl2Codes.Contains(itl2)).OrderBy(l => l.Code, StringComparer.Ordinal).ToArray();
        var ladGlobal = lads.Select(l => _ladIndex[l.Code]).ToArray();
        if (lads.Length == 0) throw new InputException($"ITL2 area {itl2} has no district in the geography", field: "--region");
        var rows = new Rows();
        var cell = new Rows();
        var unknown = new List<(int, string)>();
        var firms = new List<Firm>();
        for (int s = 0; s < _sic.Subclasses.Count; s++)
        {
            cell.Clear();
            SimulateCell(itl2, areaPos, s, lads, ladGlobal, cell, unknown, firms);
            cell.AppendByFirmThenYear(rows);
        }
        return new GeneratedArea(itl2, rows.ToFirmTable(_geo, _sic), unknown);
    }

    private struct Firm
    {
        public long Id;
        public int Lad;
        public int Emp;
        public int Birth;
        public double Factor;
        public string? Description;
        public string? Cpc;
    }

    private sealed class Rows
    {
        public readonly List<long> Id = new();
        public readonly List<int> Year = new();
        public readonly List<int> Lad = new();
        public readonly List<string> Sic = new();
        public readonly List<int> Sub = new();
        public readonly List<double> Emp = new();
        public readonly List<double> Turn = new();
        public readonly List<int> Birth = new();
        public readonly List<string?> Desc = new();
        public readonly List<string?> Cpc = new();
        public readonly List<string?> Itl2 = new();
        private long[] _keys = new long[64];
        private int[] _order = new int[64];

        public void Clear()
        {
            Id.Clear(); Year.Clear(); Lad.Clear(); Sic.Clear(); Sub.Clear(); Emp.Clear(); Turn.Clear();
            Birth.Clear(); Desc.Clear(); Cpc.Clear(); Itl2.Clear();
        }

        /// <summary>Appends these rows to <paramref name="dst"/> ordered by firm id, then year (keys are unique, so the order is total).</summary>
        public void AppendByFirmThenYear(Rows dst)
        {
            int n = Id.Count;
            if (_keys.Length < n) { _keys = new long[n * 2]; _order = new int[n * 2]; }
            for (int i = 0; i < n; i++) { _keys[i] = Id[i] * 4096 + (Year[i] - BresFirstYear); _order[i] = i; }
            Array.Sort(_keys, _order, 0, n);
            for (int k = 0; k < n; k++)
            {
                int i = _order[k];
                dst.Id.Add(Id[i]); dst.Year.Add(Year[i]); dst.Lad.Add(Lad[i]); dst.Sic.Add(Sic[i]); dst.Sub.Add(Sub[i]);
                dst.Emp.Add(Emp[i]); dst.Turn.Add(Turn[i]); dst.Birth.Add(Birth[i]); dst.Desc.Add(Desc[i]); dst.Cpc.Add(Cpc[i]); dst.Itl2.Add(Itl2[i]);
            }
        }

        public FirmTable ToFirmTable(GeographyModel geo, SicHierarchy sic) =>
            new(geo, sic, Id.ToArray(), Year.ToArray(), Lad.ToArray(), Sic.ToArray(), Sub.ToArray(), Emp.ToArray(), Turn.ToArray(),
                Birth.ToArray(), Desc.ToArray(), Cpc.ToArray(), Itl2.ToArray());
    }

    private void SimulateCell(string itl2, int areaPos, int s, Lad[] lads, int[] ladGlobal, Rows r, List<(int, string)> unknown, List<Firm> firms)
    {
        var sub = _sic.Subclasses[s];
        var rng = Rng.For(_o.Seed, itl2 + ":" + sub.Code);
        firms.Clear();
        long idBase = (areaPos + 1) * 1_000_000_000_000L + s * 10_000_000L;
        int serial = 0;
        bool started = false;
        double target2021 = double.NaN;
        double growth = ExtrapolationGrowth(itl2, s);
        double perEmployee = TechPhrases.TurnoverPerEmployee(sub.Section) * 1000;
        for (int y = BresFirstYear; y <= _o.LastYear; y++)
        {
            double target;
            if (y <= BresLastYear)
            {
                if (!_bres.TryGetValue((itl2, s, y), out var cell) || double.IsNaN(cell.V))
                {
                    if (y >= _o.FirstYear) unknown.Add((y, sub.Code));
                    continue;
                }
                double drawn = cell.V == 0 ? 0 : rng.Between((int)Math.Ceiling(cell.L), (int)Math.Floor(cell.U));
                target = Math.Round(drawn * _o.Scale, MidpointRounding.AwayFromZero);
                if (y == BresLastYear || double.IsNaN(target2021)) target2021 = target;
            }
            else
            {
                target = double.IsNaN(target2021) ? 0 : Math.Round(target2021 * Math.Pow(1 + growth, y - BresLastYear), MidpointRounding.AwayFromZero);
            }

            if (started) DeathsAndGrowth(ref rng, firms);
            Reconcile(ref rng, firms, (long)target, y, started, s, lads, idBase, ref serial);
            started = true;

            if (y < _o.FirstYear) continue;
            double yearTrend = Math.Pow(1.02, y - BresFirstYear);
            foreach (var f in firms)
            {
                var lad = lads[f.Lad];
                r.Id.Add(f.Id);
                r.Year.Add(y);
                r.Lad.Add(ladGlobal[f.Lad]);
                r.Sic.Add(sub.Code);
                r.Sub.Add(s);
                r.Emp.Add(f.Emp);
                double noise = Math.Exp(TurnoverNoiseSigma * Gaussian((ulong)f.Id * 2654435761UL ^ (ulong)y * 0x9E3779B97F4A7C15UL ^ (ulong)_o.Seed));
                r.Turn.Add(Math.Round(f.Emp * perEmployee * f.Factor * yearTrend * noise / 1000, MidpointRounding.AwayFromZero) * 1000);
                r.Birth.Add(f.Birth);
                r.Desc.Add(f.Description);
                r.Cpc.Add(f.Cpc);
                r.Itl2.Add(lad.Straddles ? itl2 : null);
            }
        }
    }

    private static double Gaussian(ulong key)
    {
        double u1 = 1.0 - Rng.Hash01(key), u2 = Rng.Hash01(key ^ 0xD1B54A32D192ED03UL);
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private double ExtrapolationGrowth(string itl2, int s)
    {
        if (!_bres.TryGetValue((itl2, s, BresFirstYear), out var a) || !_bres.TryGetValue((itl2, s, BresLastYear), out var b)) return 0;
        if (!(a.V > 0) || !(b.V > 0)) return 0;
        double g = CompoundGrowth.Rate(a.V, b.V, BresLastYear - BresFirstYear);
        return Math.Clamp(g, -MaxExtrapolatedGrowth, MaxExtrapolatedGrowth);
    }

    private static void DeathsAndGrowth(ref Rng rng, List<Firm> firms)
    {
        int k = 0;
        for (int i = 0; i < firms.Count; i++)
        {
            var f = firms[i];
            double u = rng.NextDouble();
            double g = rng.NextGaussian();
            if (u < DeathRate) continue;
            if (f.Emp >= GrowthFloor) f.Emp = Math.Max((int)GrowthFloor, (int)Math.Round(f.Emp * Math.Exp(GrowthSigma * g)));
            firms[k++] = f;
        }
        firms.RemoveRange(k, firms.Count - k);
    }

    private void Reconcile(ref Rng rng, List<Firm> firms, long target, int year, bool started, int s, Lad[] lads, long idBase, ref int serial)
    {
        long sum = 0;
        foreach (var f in firms) sum += f.Emp;
        // Too many jobs: firms close, picked at random, until the survivors fit; births then fill the gap. Closing whole
        // firms (rather than shrinking every firm) keeps the size-band shares of the cell.
        while (sum > target && firms.Count > 0)
        {
            int j = rng.Next(firms.Count);
            sum -= firms[j].Emp;
            firms.RemoveAt(j);
        }
        if (sum >= target) return;
        var cdf = BandCdf(year, s);
        while (sum < target)
        {
            double u = rng.NextDouble();
            int band = 0;
            while (band < IdbrTable.BandCount - 1 && u >= cdf[band]) band++;
            int size = DrawSize(ref rng, band);
            if (size > target - sum) size = (int)(target - sum);
            int lad = rng.Next(lads.Length);
            int birth = year;
            if (!started)
            {
                double age = -Math.Log(1.0 - rng.NextDouble()) * (6 + 3 * band);
                birth = year - (int)Math.Min(60, Math.Floor(age));
            }
            double factor = Math.Exp(FirmFactorSigma * rng.NextGaussian());
            if (serial >= 10_000_000) throw new InputException("more than 10 million firms in one ITL2 × subclass cell; lower --scale", field: "--scale");
            long id = idBase + serial++;
            var (desc, cpc) = _o.IncludeText ? Describe(id, s, lads[lad].Name) : (null, null);
            firms.Add(new Firm { Id = id, Lad = lad, Emp = size, Birth = birth, Factor = factor, Description = desc, Cpc = cpc });
            sum += size;
        }
    }

    private static int DrawSize(ref Rng rng, int band)
    {
        int lo = Math.Max(1, IdbrTable.BandLower[band]), hi = IdbrTable.BandUpper[band];
        if (band <= 5) return rng.Between(lo, hi);
        if (band <= 7) return (int)Math.Floor(Math.Exp(Math.Log(lo) + rng.NextDouble() * (Math.Log(hi + 1) - Math.Log(lo))));
        double pareto = lo * Math.Pow(1.0 - rng.NextDouble(), -1.0 / 1.6);
        return (int)Math.Min(30_000, Math.Floor(pareto));
    }

    /// <summary>Cumulative size-band shares of a subclass in the IDBR year nearest to <paramref name="year"/>; all of GB where the subclass has no enterprise.</summary>
    private double[] BandCdf(int year, int s)
    {
        int y = _idbr.NearestYear(year);
        int key = y * 10_000 + s;
        double[]? cdf;
        lock (_cdfCache)
            if (_cdfCache.TryGetValue(key, out cdf)) return cdf;
        Span<double> shares = stackalloc double[IdbrTable.BandCount];
        if (!_idbr.TryShares(y, s, shares))
        {
            shares.Clear();
            for (int j = 0; j < _idbr.SubclassCount; j++)
                for (int b = 0; b < IdbrTable.BandCount; b++)
                    if (_idbr.Count(y, j, b) is var c && !double.IsNaN(c)) shares[b] += c;
            double tot = 0;
            foreach (var v in shares) tot += v;
            for (int b = 0; b < IdbrTable.BandCount; b++) shares[b] /= tot;
        }
        cdf = new double[IdbrTable.BandCount];
        double acc = 0;
        for (int b = 0; b < IdbrTable.BandCount; b++) cdf[b] = acc += shares[b];
        cdf[^1] = 1.0;
        // Areas are generated on several threads; the shares depend only on the key, so whichever thread stores first wins.
        lock (_cdfCache) _cdfCache.TryAdd(key, cdf);
        return cdf;
    }

    private (string Description, string? Cpc) Describe(long id, int s, string ladName)
    {
        var rng = new Rng((ulong)id ^ ((ulong)_o.Seed * 0xC2B2AE3D27D4EB4FUL));
        var name = _sic.Subclasses[s].Name;
        var lower = name.Length > 1 && char.IsUpper(name[0]) && !char.IsUpper(name[1]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;
        var text = string.Format(CultureInfo.InvariantCulture, TechPhrases.Templates[rng.Next(TechPhrases.Templates.Length)], name, lower, ladName);
        double u = rng.NextDouble();
        int tech = _tech[s];
        if (tech >= 0 && u < TechPhrases.Tech[tech].P)
        {
            var phrases = TechPhrases.Tech[tech].Phrases;
            var link = TechPhrases.TechLinks[rng.Next(TechPhrases.TechLinks.Length)];
            text += string.Format(CultureInfo.InvariantCulture, link, phrases[rng.Next(phrases.Length)]);
        }
        else if (_near[s] >= 0 && rng.NextDouble() < TechPhrases.NearMissProbability)
        {
            var phrases = TechPhrases.NearMiss[_near[s]].Phrases;
            text += "; " + phrases[rng.Next(phrases.Length)];
        }
        string? cpc = _cpc[s] >= 0 && rng.NextDouble() < TechPhrases.CpcProbability ? TechPhrases.CpcBySector[_cpc[s]].Cpc : null;
        return (text, cpc);
    }
}
